package timex

import (
	"context"
	"strings"
	"testing"
)

// benchText is realistic news prose (written for this test) with the usual
// density of time expressions.
const benchText = `The foreign ministry confirmed on Thursday that talks between the two governments would resume next week in Geneva, a year after the last round collapsed.
A senior official, speaking on condition of anonymity, said the delegations had met for three hours on Wednesday evening and agreed to a timetable for the coming days.
Fighting in the eastern provinces has killed more than 1,200 people since January, according to figures released by the United Nations earlier this month.
The central bank raised interest rates by 50 basis points in late July, its third increase this year, and warned that inflation of 9.5 per cent could persist into the first quarter of 2026.
Shares fell 3 percent on Tuesday after the company reported a 12 percent drop in third-quarter profit compared with the year-earlier period.
"We are not going to accept a deadline set by others," the minister told reporters in the capital, adding that the cabinet meets every Friday to review the situation.
Exports grew steadily through the 1990s but have stagnated over the past five years, and economists expect little change before the end of the decade.
The president, who took office in 2019, is due to visit Washington on Sept. 14 and will address the General Assembly two days later.
Residents said overnight shelling destroyed a school and a clinic, the second such attack in two weeks.
Officials estimate that rebuilding the bridge will take at least 18 months and cost about $40 million a year in maintenance.`

func BenchmarkProcess(b *testing.B) {
	s, err := New()
	if err != nil {
		b.Fatal(err)
	}
	text := strings.Repeat(benchText+"\n", 4)
	a := analysis(text, "2025-08-07")
	lex, _ := lexicon()
	tokens := len(scan(text, 0, len(text), lex, nil))
	ctx := context.Background()
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	n := 0
	cpu0 := cpuTime()
	for b.Loop() {
		a.Times = nil
		if err := s.Process(ctx, a); err != nil {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric(float64(tokens*n)/b.Elapsed().Seconds(), "tokens/s")
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(tokens*n)/cpu.Seconds(), "tokens/cpu-s")
	}
}
