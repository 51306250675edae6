package app

import "testing"

func TestRunIDsKeepsDistinctArticles(t *testing.T) {
	r := runIDs{}
	tests := []struct{ id, hash, want string }{
		{"a", "111111111111aaaa", "a"},
		{"a", "111111111111aaaa", "a"},
		{"a", "222222222222bbbb", "a#222222222222"},
		{"b", "333333333333cccc", "b"},
		{"a", "222222222222bbbb", "a#222222222222"},
	}
	for _, tc := range tests {
		if got := r.claim(tc.id, tc.hash); got != tc.want {
			t.Errorf("claim(%s, %s) = %s, want %s", tc.id, tc.hash, got, tc.want)
		}
	}
}
