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

func TestClearlyEnglish(t *testing.T) {
	en := "The Kremlin confirmed on Thursday that discussions are underway for a possible meeting between the two presidents, and a senior official said that it would be held in the coming days, though the details of the venue have not been set by either side."
	for _, c := range []struct {
		text string
		want bool
	}{
		{en, true},
		{"Short English text with the and of.", false}, // too few words: the detector decides
		{"Het Kremlin heeft donderdag bevestigd dat er gesprekken gaande zijn over een mogelijke ontmoeting tussen de twee presidenten, en een hoge functionaris zei dat die in de komende dagen zou plaatsvinden, al is de plaats nog niet vastgelegd door een van beide kanten.", false},
		{"Der Kreml bestätigte am Donnerstag, dass Gespräche über ein mögliches Treffen zwischen den beiden Präsidenten im Gange sind, und ein hoher Beamter sagte, es werde in den kommenden Tagen stattfinden, obwohl der Ort noch von keiner Seite festgelegt worden sei und die Einzelheiten offen bleiben.", false},
		{"Shr 1.20 dlrs vs 1.04 dlrs Net 12.3 mln vs 10.1 mln Revs 100.2 mln vs 90.1 mln Nine mths Shr 3.10 dlrs vs 2.90 dlrs Net 31.0 mln vs 28.3 mln Revs 300.4 mln vs 270.0 mln", false},
	} {
		if got := clearlyEnglish(c.text); got != c.want {
			t.Errorf("clearlyEnglish(%.40q) = %v, want %v", c.text, got, c.want)
		}
	}
	if code, ok := Detect(en); code != "en" || !ok {
		t.Errorf("Detect(English) = %q %v", code, ok)
	}
}
