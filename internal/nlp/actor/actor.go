// Package actor is herald's "actor" stage: it turns the ner stage's name
// spans into one entity per real-world actor, with canonical name, type,
// country, CAMEO-style code, sector, title and confidence; it marks each
// mention as an agent or a location (metonymy: "Moscow announced" is the
// Russian government); it resolves pronouns and role nouns ("he", "the US
// President", "the Russian leader") into Analysis.Coref; and it records the
// titles and appositives it learned from the text in Analysis.Learned.
//
// Knowledge comes from internal/resources/actors (organisations, government
// bodies, dated office holders, title words), internal/resources/countries
// (country names, demonyms, capitals) and the read-only Analysis.KB.
//
// Every output says which rule produced it:
//
//   - mention rules: name (a name the ner stage found), gazetteer (orgs.tsv),
//     country, capital, subdivision, surname (a surname of a person the
//     article names in full), kb-surname (the surname of the one office
//     holder in office that day who bears it), compound-part ("Russia" in
//     "Russia-Ukraine"), demonym-people ("the Russians"), demonym-sector
//     ("Russian forces" → RUS MIL, an entity of its own), generic-noun
//     (a common-noun group actor standing alone: "police" → COP,
//     "protesters" → CVL; "the government", "the administration" → the
//     government of the country of the nearest government actor at most
//     two sentences before), possessive-office ("Putin's office" →
//     RUS GOV), metonymy-capital ("Moscow announced" → RUS GOV), acronym,
//     role-noun (an office holder the article names only by office);
//   - mention roles: agent, location (after a locative preposition, a place
//     possessive, a dateline), or none for a modifier ("US" in "US President
//     Donald Trump");
//   - coref rules: pronoun-same-sentence-subject, pronoun-last-subject,
//     pronoun-nearest, pronoun-it-subject, role-noun-office ("the US
//     President" → the holder on the publication date), role-noun-title
//     ("the President" → the last person with that title);
//   - learned rules: title ("White House Press Secretary Karoline Leavitt"),
//     appositive ("Yuri Ushakov, Putin's top foreign policy adviser").
//
// Without a publication date, nothing is resolved through dated offices.
//
// A Stage holds only read-only data and is safe for concurrent use; all
// per-article state lives in the Process call.
package actor

import (
	"context"
	"fmt"

	"herald/internal/model"
	"herald/internal/nlp"
	"herald/internal/resources/actors"
	"herald/internal/resources/countries"
)

// Stage is the actor stage.
type Stage struct {
	kb       *actors.Data
	cd       *countries.Data
	orgs     map[string][]orgAlias       // folded first token → aliases, longest first
	people   map[string]*actors.Person   // transliteration key of a name or alias → office holder
	surnames map[string][]*actors.Person // transliteration key of a surname → office holders
	// placeWords holds the first word (folded) of every country name,
	// capital and demonym: a cheap test before the country lookups.
	placeWords map[string]bool
}

// New loads the actor and country data (once per process) and returns the stage.
func New() (nlp.Stage, error) {
	kb, err := actors.Load()
	if err != nil {
		return nil, fmt.Errorf("actor: load: %w", err)
	}
	cd, err := countries.Load()
	if err != nil {
		return nil, fmt.Errorf("actor: load: %w", err)
	}
	return NewWith(kb, cd), nil
}

// NewWith returns a stage over the given data.
func NewWith(kb *actors.Data, cd *countries.Data) *Stage {
	return &Stage{kb: kb, cd: cd, orgs: indexOrgs(kb), people: indexPeople(kb), surnames: indexSurnames(kb),
		placeWords: indexPlaceWords(cd)}
}

// Name returns "actor".
func (s *Stage) Name() string { return "actor" }

// Requires returns the stages whose fields Process reads.
func (s *Stage) Requires() []string { return []string{"segment", "tag", "ner"} }

// Process fills a.Entities, a.Coref and a.Learned. English only.
func (s *Stage) Process(ctx context.Context, a *model.Analysis) error {
	if a.Doc.Language != "" && a.Doc.Language != "en" {
		return fmt.Errorf("actor: language %q: %w", a.Doc.Language, nlp.ErrSkip)
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("actor: %w", err)
	}
	d := newDoc(s, a)
	d.collect()
	d.buildEntities()
	d.learnTitles()
	d.assignRoles()
	d.placeGenericGov()
	d.resolveCoref()
	d.finish()
	return nil
}
