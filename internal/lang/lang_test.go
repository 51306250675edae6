package lang

import "testing"

func TestDetect(t *testing.T) {
	tests := []struct {
		text string
		want string
		ok   bool
	}{
		{"The Kremlin confirmed Thursday that discussions are underway for a possible in-person meeting between the two presidents amid the ongoing war.", "en", true},
		{"Le Kremlin a confirmé jeudi que des discussions étaient en cours en vue d'une éventuelle rencontre entre les deux présidents, alors que la guerre se poursuit.", "fr", true},
		{"Der Kreml bestätigte am Donnerstag, dass Gespräche über ein mögliches persönliches Treffen zwischen den beiden Präsidenten im Gange sind, während der Krieg andauert.", "de", true},
		{"Too short.", "", false},
	}
	for _, tc := range tests {
		got, ok := Detect(tc.text)
		if got != tc.want || ok != tc.ok {
			t.Errorf("Detect(%.30q) = %q %v, want %q %v", tc.text, got, ok, tc.want, tc.ok)
		}
	}
}
