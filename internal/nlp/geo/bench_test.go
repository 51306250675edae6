package geo

import (
	"context"
	"strings"
	"testing"
)

// benchText is news-like text written for this benchmark: place names,
// people, organizations and ordinary words in the proportions of a
// local or world news story.
const benchText = "Firefighters from Springfield and nearby Chatham were called to a warehouse blaze on Monday, the Sangamon County sheriff said.\n" +
	"Officials in Kyiv said Russian forces struck the Zaporizhzhia region overnight, while talks in Moscow continued.\n" +
	"The mayor told reporters at City Hall that the plan would cost taxpayers about $4 million over three years.\n" +
	"Smith, who grew up in Paris, Texas, moved to Dallas after college and later worked for the Department of Transportation.\n" +
	"Residents of eastern Ukraine and the Donbas have fled west toward Lviv and across the border into Poland.\n" +
	"The council voted 5-2 on Tuesday to approve the budget, which includes new money for roads, parks and schools.\n" +
	"According to the National Weather Service, heavy rain is expected across Georgia, South Carolina and parts of Florida.\n" +
	"He said the company, based in Atlanta, would hire 200 workers at its plant outside Gainesville next spring.\n"

func BenchmarkProcess(b *testing.B) {
	s := stage(b)
	a := analysis(strings.Repeat(benchText, 8))
	ctx := context.Background()
	if err := s.Process(ctx, a); err != nil {
		b.Fatal(err)
	}
	if len(a.Places) < 8*10 {
		b.Fatalf("only %d places", len(a.Places))
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(a.Text)))
	for b.Loop() {
		if err := s.Process(ctx, a); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(a.Tokens))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
