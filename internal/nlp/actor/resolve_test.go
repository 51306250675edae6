package actor

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"herald/internal/model"
)

// A resolution case is a small marked-up text (see helper_test.go) and a
// list of expectations, one a line:
//
//	same A B          mentions A and B are one entity
//	diff A B          mentions A and B are different entities
//	ent A k=v …       the entity of mention A has these fields (name, type,
//	                  country, code, sector, title; "-" for empty)
//	ment A role code  mention A has this role and code ("-" for empty)
//	rule A rule       mention A has this rule
//	none A            no mention has text A
//	coref P A rule    pronoun or role noun P is linked to the entity of A by rule
//	nocoref P         P is linked to nothing
//	learned NAME      a fact about NAME was learned
//	entities N        the article has N entities
//
// A mention is written as its text with an optional "#n" (the n-th mention
// with that text, from 0) and "_" for spaces.
type resolveCase struct {
	name   string
	pub    string
	text   string
	expect string
	neg    bool // a must-not-merge or must-not-resolve case
}

var resolveCases = []resolveCase{
	// Merging mentions of one actor.
	{name: "full name and surname", pub: "2025-08-07",
		text:   "[PER Volodymyr Zelenskyy] spoke on Monday.\n[PER Zelenskyy] said the talks went well.",
		expect: "same Volodymyr_Zelenskyy Zelenskyy\nent Zelenskyy name=Volodymyr_Zelenskyy country=UKR code=UKRGOV title=President"},
	{name: "spelling variants", pub: "2025-08-07",
		text:   "[PER Zelenskyy] spoke.\n[PER Zelensky] said so.\n[PER Zelenskiy] agreed.",
		expect: "same Zelenskyy Zelensky\nsame Zelensky Zelenskiy\nentities 1"},
	{name: "transliterated first name", pub: "2025-08-07",
		text:   "[PER Vladimir Zelensky] spoke.\n[PER Volodymyr Zelenskyy] said so.",
		expect: "same Vladimir_Zelensky Volodymyr_Zelenskyy"},
	{name: "surname before full name", pub: "2025-08-07",
		text:   "[PER Lavrov] said talks were useful.\n[NORP Russian] Foreign Minister [PER Sergei Lavrov] met the envoy.",
		expect: "same Lavrov Sergei_Lavrov\nent Lavrov title=Foreign_Minister country=RUS"},
	{name: "US short forms", pub: "2025-08-07",
		text:   "The [GPE US] said so.\nThe [GPE U.S.] agreed.\nThe [GPE United States] warned.\nThe [GPE USA] replied.",
		expect: "same US U.S.\nsame U.S. United_States\nsame United_States USA\nent USA name=United_States type=GPE country=USA code=USA"},
	{name: "Nato and NATO", pub: "2025-08-07",
		text:   "[ORG Nato] met.\n[ORG NATO] allies agreed.\nThe [ORG North Atlantic Treaty Organization] said so.",
		expect: "same Nato NATO\nsame NATO North_Atlantic_Treaty_Organization\nent Nato code=IGOWSTNAT sector=IGO type=ORG"},
	{name: "EU", pub: "2025-08-07",
		text:   "The [ORG EU] said so.\nThe [ORG European Union] agreed.",
		expect: "same EU European_Union\nent EU code=IGOEUREEC"},
	{name: "UN", pub: "2025-08-07",
		text:   "The [ORG UN] said so.\nThe [ORG United Nations] agreed.\nThe [ORG U.N.] warned.",
		expect: "same UN United_Nations\nsame UN U.N.\nent UN code=IGOUNO"},
	{name: "Associated Press and AP", pub: "2025-08-07",
		text:   "According to The [ORG Associated Press], talks ended.\nThe [ORG AP] reported more.",
		expect: "same The_Associated_Press AP\nent AP name=The_Associated_Press country=USA sector=MED"},
	{name: "acronym of an unknown organisation", pub: "2025-08-07",
		text:   "The [ORG Global Energy Monitor] said so.\n[ORG GEM] added a report.",
		expect: "same Global_Energy_Monitor GEM\nrule GEM acronym"},
	{name: "known IGO by acronym", pub: "2025-08-07",
		text:   "The [ORG International Atomic Energy Agency] said so.\nThe [ORG IAEA] added.",
		expect: "same International_Atomic_Energy_Agency IAEA"},
	{name: "full name of office holder", pub: "2025-08-07",
		text:   "[PER Vladimir Putin] spoke.\n[PER Putin] said more.",
		expect: "same Vladimir_Putin Putin\nent Putin name=Vladimir_Putin code=RUSGOV title=President sector=GOV"},
	{name: "lone surname of an office holder", pub: "2025-08-07",
		text:   "[PER Trump] said he would meet.",
		expect: "ent Trump name=Donald_Trump country=USA code=USAGOV title=President\nrule Trump kb-surname"},
	{name: "office holder on the date", pub: "2022-03-01",
		text:   "President [PER Biden] said so.",
		expect: "ent Biden name=Joe_Biden title=President code=USAGOV"},
	{name: "Chinese name order", pub: "2025-08-07",
		text:   "[NORP Chinese] President [PER Xi Jinping] spoke.\n[PER Xi] said more.",
		expect: "same Xi_Jinping Xi\nent Xi name=Xi_Jinping country=CHN"},
	{name: "one-word alias", pub: "2025-08-07",
		text:   "[PER Lula] said so.",
		expect: "ent Lula name=Luiz_Inácio_Lula_da_Silva country=BRA"},
	{name: "name without diacritics", pub: "2025-08-07",
		text:   "[PER Recep Tayyip Erdogan] spoke.\n[PER Erdogan] said more.",
		expect: "same Recep_Tayyip_Erdogan Erdogan\nent Erdogan name=Recep_Tayyip_Erdoğan country=TUR"},
	{name: "former office holder by the date", pub: "2010-06-01",
		text:   "[PER Dmitry Medvedev] spoke.",
		expect: "ent Dmitry_Medvedev title=President country=RUS code=RUSGOV"},
	// Metonymy and roles.
	{name: "possessive office", pub: "2025-08-07",
		text:   "[PER Vladimir Putin] met the envoy.\n[PER Putin]'s office said the talks were useful.",
		expect: "same Vladimir_Putin Putin's_office\nment Putin's_office agent RUSGOV\nrule Putin's_office possessive-office"},
	{name: "leader's administration", pub: "2025-08-07",
		text:   "The [PER Trump] administration said it would act.",
		expect: "ent Trump_administration name=Donald_Trump\nment Trump_administration agent USAGOV\nrule Trump_administration possessive-office"},
	{name: "capital as agent", pub: "2025-08-07",
		text:   "On Tuesday, [GPE Moscow] announced it would leave the treaty.",
		expect: "ment Moscow agent RUSGOV\nrule Moscow metonymy-capital\nent Moscow type=GPE country=RUS"},
	{name: "dateline", pub: "2025-08-07",
		text:   "[GPE KYIV], [GPE Ukraine] ([ORG AP]) — [GPE Ukraine] said on Monday that talks were over.",
		expect: "ment KYIV location -\nent KYIV country=UKR\nent AP name=The_Associated_Press"},
	{name: "capital as location", pub: "2025-08-07",
		text:   "The envoy held a meeting in [GPE Moscow] on Wednesday.",
		expect: "ment Moscow location -"},
	{name: "Kremlin as agent", pub: "2025-08-07",
		text:   "The [ORG Kremlin] called the talks useful.",
		expect: "ment Kremlin agent RUSGOV\nent Kremlin type=ORG country=RUS sector=GOV"},
	{name: "White House as location", pub: "2025-08-07",
		text:   "He returned to the [ORG White House] in January.",
		expect: "ment White_House location -"},
	{name: "capital Washington", pub: "2025-08-07",
		text:   "[GPE Washington] said it was ready.",
		expect: "ment Washington agent USAGOV"},
	{name: "Kyiv", pub: "2025-08-07",
		text:   "[GPE Kyiv] rejected the plan.",
		expect: "ment Kyiv agent UKRGOV\nent Kyiv country=UKR"},
	{name: "Pentagon", pub: "2025-08-07",
		text:   "The [ORG Pentagon] said so.",
		expect: "ent Pentagon code=USAMIL country=USA"},
	{name: "demonym and sector noun", pub: "2025-08-07",
		text:   "Strikes by [NORP Russian] forces hit [GPE Russia]'s neighbour.",
		expect: "diff Russian_forces Russia\nment Russian_forces agent RUSMIL\nent Russian_forces type=ORG code=RUSMIL country=RUS sector=MIL"},
	{name: "possessive country and sector noun", pub: "2025-08-07",
		text:   "[GPE Ukraine]'s military said so.",
		expect: "ent Ukraine's_military code=UKRMIL country=UKR sector=MIL"},
	{name: "generic actor nouns", pub: "2025-08-07",
		text:   "Police fired on protesters outside the court, and the government said troops would stay.",
		expect: "ent Police name=police code=COP sector=COP type=ORG\nent protesters code=CVL\nent government code=GOV\nent troops code=MIL\nrule protesters generic-noun\nment court location -"},
	{name: "generic noun in a compound or after a name", pub: "2025-08-07", neg: true,
		text:   "A police station was hit and [ORG Hamas] fighters left.",
		expect: "none police\nnone fighters"},
	{name: "definite government noun takes the nearest government's country", pub: "2025-08-07",
		text:   "The [ORG Kremlin] spoke. Later the government said so.",
		expect: "ent government code=RUSGOV country=RUS sector=GOV\nment government agent RUSGOV"},
	{name: "definite government noun with no government before", pub: "2025-08-07", neg: true,
		text:   "Later the government said so.",
		expect: "ent government code=GOV country=- sector=GOV"},
	{name: "generic noun after a possessive pronoun", pub: "2025-08-07", neg: true,
		text:   "[GPE Israel] will withdraw its troops.",
		expect: "none troops"},
	{name: "people demonym", pub: "2025-08-07",
		text:   "[GPE Russia] spoke.\n\"The [NORP Russians] expressed their desire to meet,\" she said.",
		expect: "same Russians Russia\nrule Russians demonym-people"},
	{name: "country troops", pub: "2025-08-07",
		text:   "[GPE U.S.] troops arrived.",
		expect: "ment U.S._troops agent USAMIL\nent U.S._troops name=U.S._troops code=USAMIL country=USA sector=MIL"},
	{name: "possessive country as location", pub: "2025-08-07",
		text:   "Strikes hit a centre in [GPE Ukraine]'s [GPE Zaporizhzhia] region.",
		expect: "ment Ukraine location -\nent Zaporizhzhia country=UKR"},
	{name: "compound of countries", pub: "2025-08-07",
		text:   "The Russia-Ukraine war goes on.\n[GPE Russia] said so.",
		expect: "same Russia#0 Russia#1\nrule Russia#0 compound-part\nent Ukraine country=UKR"},
	{name: "compound of people", pub: "2025-08-07",
		text:   "[PER Steve Witkoff] met [PER Vladimir Putin].\nWitkoff-Putin talks signal opening.",
		expect: "same Steve_Witkoff Witkoff\nsame Vladimir_Putin Putin\nrule Witkoff compound-part"},
	// Titles and appositives learned from the text.
	{name: "appositive", pub: "2025-08-07",
		text:   "[PER Yuri Ushakov], [PER Putin]'s top foreign policy adviser, said a meeting was agreed.",
		expect: "ent Yuri_Ushakov country=RUS sector=GOV code=RUSGOV title=Foreign_Policy_Adviser\nlearned Yuri_Ushakov\ndiff Yuri_Ushakov Putin"},
	{name: "organisation title", pub: "2025-08-07",
		text:   "[ORG White House] Press Secretary [PER Karoline Leavitt] confirmed it.",
		expect: "ent Karoline_Leavitt country=USA sector=GOV title=Press_Secretary code=USAGOV\nment White_House - -\nlearned Karoline_Leavitt"},
	{name: "possessor title", pub: "2025-08-07",
		text:   "[PER Trump]'s special envoy [PER Steve Witkoff] met him.",
		expect: "ent Steve_Witkoff country=USA sector=GOV title=Special_Envoy\ndiff Trump Steve_Witkoff\nlearned Steve_Witkoff"},
	{name: "former office", pub: "2025-08-07",
		text:   "Former [NORP Russian] president [PER Dmitry Medvedev] warned of war.",
		expect: "ent Dmitry_Medvedev country=RUS sector=ELI code=RUSELI title=Former_President\nlearned Dmitry_Medvedev"},
	{name: "appositive before the name", pub: "2025-08-07",
		text:   "[PER Putin]'s spokesman, [PER Dmitry Peskov], said the talks were useful.",
		expect: "ent Dmitry_Peskov country=RUS sector=GOV title=Spokesman\ndiff Putin Dmitry_Peskov"},
	{name: "appositive with country possessor", pub: "2025-08-07",
		text:   "[PER Andrii Yermak], [GPE Ukraine]'s presidential chief of staff, said so.",
		expect: "ent Andrii_Yermak country=UKR"},
	{name: "military title", pub: "2025-08-07",
		text:   "[NORP Ukrainian] General [PER Oleksandr Syrskyi] spoke.",
		expect: "ent Oleksandr_Syrskyi country=UKR sector=MIL code=UKRMIL title=General"},
	{name: "actor registry", pub: "2025-08-07",
		text:   "[PER Anna Example] said the talks went well.",
		expect: "ent Anna_Example country=RUS sector=GOV code=RUSGOV title=Adviser"},
	// Coreference.
	{name: "pronoun, same sentence", pub: "2025-08-07",
		text:   "[PER Zelenskyy] said that he spoke with [PER Trump] following the meeting.",
		expect: "coref he Zelenskyy pronoun-same-sentence-subject"},
	{name: "pronoun, last subject", pub: "2025-08-07",
		text:   "[PER Zelenskyy] said that he spoke with [PER Trump] following the meeting.\nHe signalled that talks were possible.",
		expect: "coref He Zelenskyy pronoun-last-subject"},
	{name: "possessive pronoun", pub: "2025-08-07",
		text:   "The [ORG Kremlin] called it useful, while [PER Trump] posted on his platform.",
		expect: "coref his Trump pronoun-same-sentence-subject"},
	{name: "role noun by date", pub: "2025-08-07",
		text:   "[PER Trump] met [PER Putin].\nIt was the first meeting since the [GPE US] President's return.",
		expect: "coref the_US_President Trump role-noun-office\nment US - -"},
	{name: "role noun, holder not named", pub: "2025-08-07",
		text:   "The talks were praised by the [NORP Russian] leader.",
		expect: "coref the_Russian_leader the_Russian_leader role-noun-office\nent the_Russian_leader name=Vladimir_Putin"},
	{name: "pronoun after a role noun", pub: "2025-08-07",
		text:   "The [NORP Russian] leader said he was ready.",
		expect: "coref he The_Russian_leader pronoun-same-sentence-subject"},
	{name: "role noun in 2009", pub: "2009-06-01",
		text:   "The [NORP Russian] President said so.",
		expect: "ent The_Russian_President name=Dmitry_Medvedev\ncoref The_Russian_President The_Russian_President role-noun-office"},
	{name: "possessive role noun", pub: "2025-08-07",
		text:   "[GPE Israel]'s prime minister said so.",
		expect: "ent Israel's_prime_minister name=Benjamin_Netanyahu"},
	{name: "role noun by title", pub: "2025-08-07",
		text:   "\"The [NORP Russians] want to meet President [PER Trump],\" [PER Leavitt] said.\n\"The President is open to it.\"",
		expect: "coref The_President Trump role-noun-title"},
	{name: "foreign minister by title", pub: "2025-08-07",
		text:   "Foreign Minister [PER Sergei Lavrov] arrived.\nThe foreign minister said so.",
		expect: "coref The_foreign_minister Sergei_Lavrov role-noun-title"},
	{name: "it after an agent subject", pub: "2025-08-07",
		text:   "[GPE Moscow] announced it no longer considers itself bound.",
		expect: "coref it Moscow pronoun-it-subject\ncoref itself Moscow pronoun-it-subject"},

	// Must not merge, must not resolve.
	{name: "country Jordan and person Jordan", pub: "2025-08-07", neg: true,
		text:   "[PER Michael Jordan] visited [GPE Jordan].\n[PER Jordan] said it was fun.",
		expect: "diff Michael_Jordan Jordan#0\nsame Michael_Jordan Jordan#1\nent Jordan#0 type=GPE country=JOR\nent Michael_Jordan type=PER country=-"},
	{name: "George Bush and George W. Bush", pub: "2025-08-07", neg: true,
		text:   "[PER George Bush] met [PER George W. Bush].",
		expect: "diff George_Bush George_W._Bush\nentities 2"},
	{name: "Bill and Hillary Clinton", pub: "2010-01-01", neg: true,
		text:   "[PER Bill Clinton] met [PER Hillary Clinton].\n[PER Clinton] spoke later.",
		expect: "diff Bill_Clinton Hillary_Clinton\nsame Hillary_Clinton Clinton"},
	{name: "ambiguous surname not from the registry", pub: "2025-08-07", neg: true,
		text:   "[PER Clinton] spoke.",
		expect: "ent Clinton name=Clinton country=- code=-"},
	{name: "common surname not resolved", pub: "2025-08-07", neg: true,
		text:   "[PER Singh] said so.",
		expect: "ent Singh name=Singh country=-"},
	{name: "office holder out of office not resolved by surname", pub: "2025-08-07", neg: true,
		text:   "[PER Johnson] said so.",
		expect: "ent Johnson name=Johnson country=-"},
	{name: "surname before the term", pub: "2010-01-01", neg: true,
		text:   "[PER Trump] said so.",
		expect: "ent Trump name=Trump country=-"},
	{name: "no role noun without a date", neg: true,
		text:   "The [NORP Russian] President said so.",
		expect: "nocoref The_Russian_President"},
	{name: "former president is not the president", pub: "2025-08-07", neg: true,
		text:   "Former [NORP Russian] president [PER Dmitry Medvedev] spoke.\nThe [NORP Russian] president said more.",
		expect: "coref The_Russian_president The_Russian_president role-noun-office\nent The_Russian_president name=Vladimir_Putin\ndiff Dmitry_Medvedev The_Russian_president"},
	{name: "the Iranian President is not the Supreme Leader", pub: "2025-08-07", neg: true,
		text:   "The [NORP Iranian] President spoke.",
		expect: "ent The_Iranian_President name=Masoud_Pezeshkian"},
	{name: "Medvedev without a title in 2025", pub: "2025-08-07", neg: true,
		text:   "[PER Dmitry Medvedev] spoke.",
		expect: "ent Dmitry_Medvedev title=- sector=- country=RUS"},
	{name: "same surname, different people", pub: "2025-08-07", neg: true,
		text:   "[PER Joe Biden] met [PER Hunter Biden].",
		expect: "diff Joe_Biden Hunter_Biden"},
	{name: "same first name, different people", pub: "2025-08-07", neg: true,
		text:   "[PER Andrii Yermak] met [PER Andrii Sybiha].",
		expect: "diff Andrii_Yermak Andrii_Sybiha"},
	{name: "spouse is not the president", pub: "2025-08-07", neg: true,
		text:   "[PER Olena Zelenska] met [PER Volodymyr Zelenskyy].",
		expect: "diff Olena_Zelenska Volodymyr_Zelenskyy"},
	{name: "person named like a city", pub: "2025-08-07", neg: true,
		text:   "[PER Paris Hilton] arrived in [GPE Paris].",
		expect: "diff Paris_Hilton Paris\nent Paris_Hilton type=PER\nment Paris location -"},
	{name: "pronoun us is not the US", pub: "2025-08-07", neg: true,
		text:   "\"Let us talk,\" he said.\nThey told us so.",
		expect: "none us\nentities 0"},
	{name: "Who is not WHO", pub: "2025-08-07", neg: true,
		text:   "Who said it?",
		expect: "none Who"},
	{name: "a month is not a person", pub: "2025-08-07", neg: true,
		text:   "[PER Theresa May] spoke in May.",
		expect: "none May\nentities 1"},
	{name: "pronoun inside a quotation", pub: "2025-08-07", neg: true,
		text:   "[PER Trump] met [PER Putin].\n\"He is a strong man,\" an official said.",
		expect: "nocoref He"},
	{name: "sentence-initial it", pub: "2025-08-07", neg: true,
		text:   "[GPE Russia] said so.\nIt seems that talks will go on.",
		expect: "nocoref It"},
	{name: "appositive is no role noun", pub: "2016-08-31", neg: true,
		text:   "[PER Vicente Fox], [GPE Mexico]'s president from 2000 to 2006, spoke.",
		expect: "nocoref Mexico's_president\nentities 2"},
	{name: "bare title without antecedent", pub: "2025-08-07", neg: true,
		text:   "The President said so.",
		expect: "nocoref The_President\nentities 0"},
	{name: "it after a person", pub: "2025-08-07", neg: true,
		text:   "[PER Putin] touted a missile, claiming it is fast.",
		expect: "nocoref it"},
	{name: "modifier country is no agent", pub: "2025-08-07", neg: true,
		text:   "[GPE US] President [PER Donald Trump] spoke.",
		expect: "ment US - -\ndiff US Donald_Trump"},
	{name: "envoy is not merged with his principal", pub: "2025-08-07", neg: true,
		text:   "[PER Trump]'s special envoy [PER Steve Witkoff] spoke.\n[PER Witkoff] said more.",
		expect: "same Steve_Witkoff Witkoff\ndiff Trump Witkoff"},
	{name: "leader of a non-state group is no government", pub: "2025-08-07", neg: true,
		text:   "[ORG Hamas] leader [PER Yahya Sinwar] spoke.",
		expect: "ent Yahya_Sinwar title=Leader sector=- country=- code=-"},
	{name: "Kremlin spokesman", pub: "2025-08-07",
		text:   "[ORG Kremlin] spokesman [PER Dmitry Peskov] said so.\n[PER Peskov] added more.",
		expect: "ent Peskov name=Dmitry_Peskov country=RUS sector=GOV code=RUSGOV title=Spokesman"},
	{name: "appositive with organisation", pub: "2025-08-07",
		text:   "[PER Dmitry Peskov], the [ORG Kremlin] spokesman, said so.",
		expect: "ent Dmitry_Peskov country=RUS sector=GOV title=Spokesman"},
	{name: "chief of staff", pub: "2025-08-07",
		text:   "[PER Zelensky]'s chief of staff [PER Andriy Yermak] said so.",
		expect: "ent Andriy_Yermak country=UKR sector=GOV title=Chief_of_Staff\ndiff Zelensky Andriy_Yermak"},
	{name: "secretary of state", pub: "2025-08-07",
		text:   "[GPE U.S.] Secretary of State [PER Marco Rubio] said so.",
		expect: "ent Marco_Rubio title=Secretary_of_State country=USA code=USAGOV"},
	{name: "name span with its title", pub: "2025-08-07",
		text:   "[PER Russian President Vladimir Putin] spoke.\n[PER Former Ukrainian President Petro Poroshenko] spoke.",
		expect: "ent Vladimir_Putin title=President country=RUS\nent Petro_Poroshenko title=Former_President country=UKR sector=ELI"},
	{name: "mistyped person names", pub: "2025-08-07",
		text:   "[ORG Vladimir Putin] spoke.\n[PER Volodymyr Zelenskyy] answered.\n[ORG Zelenskyy] said more.",
		expect: "ent Vladimir_Putin type=PER country=RUS\nsame Volodymyr_Zelenskyy Zelenskyy\nentities 2"},
	{name: "international official", pub: "2025-08-07",
		text:   "[ORG UN] Secretary-General [PER Antonio Guterres] said so.",
		expect: "ent Antonio_Guterres title=Secretary-General sector=IGO code=IGOUNO country=-\nment UN - -"},
	{name: "EU official", pub: "2025-08-07",
		text:   "[ORG European Commission] President [PER Ursula von der Leyen] said so.\n[ORG NATO] Secretary-General [PER Mark Rutte] agreed.",
		expect: "ent Ursula_von_der_Leyen code=IGOEUREEC sector=IGO title=President country=DEU\nent Mark_Rutte code=IGOWSTNAT sector=IGO title=Secretary-General country=-"},
	{name: "religious title and possessive country", pub: "2025-08-07",
		text:   "[GPE Iran]'s Supreme Leader [PER Ayatollah Ali Khamenei] spoke.",
		expect: "ent Ali_Khamenei name=Ali_Khamenei title=Supreme_Leader country=IRN\nment Iran - -"},
	{name: "company named like a person", pub: "2025-08-07", neg: true,
		text:   "[PER Gerald Ford] spoke.\n[ORG Ford] cars sold well.",
		expect: "diff Gerald_Ford Ford\nent Ford type=ORG"},
	{name: "a state's security council is not the UN's", pub: "2025-08-07", neg: true,
		text:   "The [NORP Russian] [ORG Security Council] met.",
		expect: "ent Security_Council code=- sector=-"},
	{name: "sentence-initial common noun", pub: "2025-08-07", neg: true,
		text:   "Amnesty was granted to prisoners.",
		expect: "entities 0"},
	{name: "US state named like a country", pub: "2016-04-17",
		text:   "He lives in [GPE Atlanta], [GPE Georgia], far from [GPE New York].\nThe [GPE United States] voted.",
		expect: "ent Georgia country=USA name=Georgia\nrule Georgia subdivision"},
	{name: "country Georgia stays a country", pub: "2025-08-07", neg: true,
		text:   "[GPE Georgia] and [GPE Russia] held talks.",
		expect: "ent Georgia country=GEO code=GEO type=GPE"},
	{name: "capital named like a subdivision", pub: "1987-04-08",
		text:   "Tug crews in [GPE New South Wales], [GPE Victoria] and [GPE Queensland] lifted their ban.",
		expect: "ent Victoria country=AUS\nrule Victoria subdivision"},
	{name: "acronym of a place", pub: "1987-04-08",
		text:   "Tug crews in [GPE New South Wales] ([ORG NSW]) lifted their ban.\n[ORG NSW] ports are still disrupted.",
		expect: "same New_South_Wales NSW"},
	{name: "surname of several words", pub: "2005-01-01",
		text:   "Planning Minister [PER Julio De Vido] has offered help.\nMr [PER De Vido] said the state would not pay.",
		expect: "same Julio_De_Vido De_Vido"},
	{name: "name after an organisation noun", pub: "2005-01-01",
		text:   "The dispute with water firm [PER Aguas Argentinas], controlled by [GPE France]'s [ORG Suez], goes on.\nThe newspaper [PER Clarin] said it would not comment.",
		expect: "ent Aguas_Argentinas type=ORG sector=BUS\nent Clarin type=ORG sector=MED"},
	{name: "name after an organisation noun that starts a clause", pub: "2005-01-01", neg: true,
		text:   "The company [PER John Smith] founded was sold.",
		expect: "ent John_Smith type=PER"},
	{name: "surname of several words before the full name", pub: "2016-09-17",
		text:   "[PER De Blasio] says the blast was intentional.\nMayor [PER Bill de Blasio] described it as an intentional act.\n[PER De Blasio] said more.",
		expect: "same Bill_de_Blasio De_Blasio"},
	{name: "given name of the one person who has it", pub: "2016-09-22",
		text:   "[PER Bernie Sanders] spoke in Iowa.\nSupporters chanted for [PER Bernie] all night.",
		expect: "same Bernie_Sanders Bernie"},
	{name: "given name shared by two people", pub: "2016-09-22", neg: true,
		text:   "[PER Bernie Sanders] met [PER Bernie Ecclestone].\n[PER Bernie] spoke first.",
		expect: "diff Bernie_Sanders Bernie\ndiff Bernie_Ecclestone Bernie"},
	{name: "full name with and without initials", pub: "2017-03-23",
		text:   "Senate Democrats vowed to block Judge [PER Neil M. Gorsuch].\nMr. Schumer cannot support [PER Neil Gorsuch].",
		expect: "same Neil_M._Gorsuch Neil_Gorsuch"},
	{name: "different initials are different people", pub: "2017-03-23", neg: true,
		text:   "[PER John A. Smith] met [PER John B. Smith].",
		expect: "diff John_A._Smith John_B._Smith"},
	{name: "abbreviated title alone", pub: "2012-08-21", neg: true,
		text:   "Romney calls on [MISC Rep.] Akin to drop his bid.",
		expect: "entities 0"},
	{name: "title head before a name", pub: "2005-02-10", neg: true,
		text:   "Ernst & Young said that [ORG Chancellor] of the Exchequer [PER Gordon Brown]'s forecasts were too optimistic.",
		expect: "entities 1"},
	{name: "surname the tagger missed", pub: "2016-09-22",
		text:   "Republican nominee [PER Donald Trump] could embrace clean energy.\nTrump has called climate change a hoax.",
		expect: "same Donald_Trump Trump"},
	{name: "surname followed by another proper noun", pub: "2016-09-22", neg: true,
		text:   "[PER Jane Brown] spoke.\nBrown University said more.",
		expect: "entities 1"},
	{name: "party and state tag", pub: "2016-09-22", neg: true,
		text:   "Sen. [PER Dianne Feinstein] ([GPE D-Calif]) spoke.",
		expect: "entities 1"},
	{name: "a name in running text before a headline's capitals", pub: "1987-04-07",
		text:   "[ORG WOOLWORTHS] SALES RISE\n[ORG Woolworths] said sales rose.",
		expect: "ent Woolworths type=ORG name=Woolworths"},
	{name: "capital stays a capital", pub: "2025-08-07", neg: true,
		text:   "Officials in [GPE Victoria] said the [GPE Seychelles] would vote.",
		expect: "ent Victoria country=SYC"},
	{name: "capital and subdivision of one country", pub: "2025-08-07", neg: true,
		text:   "[GPE Moscow] said [GPE Georgia] must talk.",
		expect: "ent Moscow country=RUS\nent Georgia country=GEO"},
	{name: "subdivision of several countries", pub: "2016-04-17",
		text:   "Voters in [GPE Maryland] and [GPE Pennsylvania] went to the polls.",
		expect: "ent Maryland country=USA"},
	{name: "company form", pub: "1987-10-19",
		text:   "[ORG Caesars World Inc] said so.\n[ORG Caesars World] shares rose.",
		expect: "same Caesars_World_Inc Caesars_World"},
	{name: "honorific gives gender", pub: "2016-01-07", neg: true,
		text:   "Mrs. [PER Clinton] spoke.\nMr. [PER Sanders] said her plan failed.",
		expect: "coref her Clinton pronoun-last-subject"},
	{name: "pronoun gender agrees", pub: "2016-04-17", neg: true,
		text:   "[PER Bruce LeVell] said he was ready.\n\"We are not paid,\" she said.",
		expect: "coref he Bruce_LeVell pronoun-same-sentence-subject\nnocoref she"},
	{name: "different organisations", pub: "2025-08-07", neg: true,
		text:   "[ORG Hamas] and [ORG Hezbollah] spoke.",
		expect: "diff Hamas Hezbollah"},
	{name: "Security Council of a state is not the UN's", pub: "2025-08-07", neg: true,
		text:   "[ORG Russia's Security Council] met.",
		expect: "none UN"},
	{name: "lower-case words are not names", pub: "2025-08-07", neg: true,
		text:   "The turkey was served in the white house by the kremlin cook.",
		expect: "entities 0"},
}

// fakeKB is a registry with one learned actor.
type fakeKB struct{}

func (fakeKB) Snapshot() string { return "test" }
func (fakeKB) Lookup(name string) (model.LearnedActor, bool) {
	if name == "Anna Example" {
		return model.LearnedActor{Name: name, Type: "PER", Country: "RUS", Sector: "GOV", Title: "Adviser", Code: "RUSGOV"}, true
	}
	return model.LearnedActor{}, false
}

func TestResolution(t *testing.T) {
	neg := 0
	for _, c := range resolveCases {
		if c.neg {
			neg++
		}
	}
	if len(resolveCases) < 60 || neg*3 < len(resolveCases) {
		t.Fatalf("%d cases, %d negative: want at least 60, a third negative", len(resolveCases), neg)
	}
	for _, c := range resolveCases {
		t.Run(c.name, func(t *testing.T) {
			a := build(t, c.text, c.pub)
			a.KB = fakeKB{}
			if err := mustStage(t).Process(t.Context(), a); err != nil {
				t.Fatal(err)
			}
			for _, line := range strings.Split(c.expect, "\n") {
				if err := check(a, strings.Fields(line)); err != nil {
					t.Errorf("%s: %v\n%s", line, err, dump(a))
				}
			}
		})
	}
}

func unscore(s string) string { return strings.ReplaceAll(s, "_", " ") }

// findMention returns the n-th mention with text s (spec "text#n").
func findMention(a *model.Analysis, spec string) (*model.Entity, *model.Mention) {
	txt, n := spec, 0
	if i := strings.LastIndexByte(spec, '#'); i > 0 {
		n, _ = strconv.Atoi(spec[i+1:])
		txt = spec[:i]
	}
	txt = unscore(txt)
	type hit struct {
		e *model.Entity
		m *model.Mention
	}
	var hits []hit
	for i := range a.Entities {
		for j := range a.Entities[i].Mentions {
			if a.Entities[i].Mentions[j].Text == txt {
				hits = append(hits, hit{&a.Entities[i], &a.Entities[i].Mentions[j]})
			}
		}
	}
	for i := 1; i < len(hits); i++ {
		for j := i; j > 0 && hits[j].m.Start < hits[j-1].m.Start; j-- {
			hits[j], hits[j-1] = hits[j-1], hits[j]
		}
	}
	if n < len(hits) {
		return hits[n].e, hits[n].m
	}
	return nil, nil
}

func check(a *model.Analysis, f []string) error {
	if len(f) == 0 {
		return nil
	}
	mustEnt := func(spec string) (*model.Entity, *model.Mention, error) {
		e, m := findMention(a, spec)
		if e == nil {
			return nil, nil, fmt.Errorf("no mention %q", spec)
		}
		return e, m, nil
	}
	switch f[0] {
	case "same", "diff":
		e1, _, err := mustEnt(f[1])
		if err != nil {
			return err
		}
		e2, _, err := mustEnt(f[2])
		if err != nil {
			return err
		}
		if (e1.ID == e2.ID) != (f[0] == "same") {
			return fmt.Errorf("entities %s and %s", e1.ID, e2.ID)
		}
	case "ent":
		e, _, err := mustEnt(f[1])
		if err != nil {
			return err
		}
		for _, kv := range f[2:] {
			k, v, _ := strings.Cut(kv, "=")
			if v == "-" {
				v = ""
			}
			v = unscore(v)
			got := map[string]string{"name": e.Name, "type": e.Type, "country": e.Country, "code": e.Code,
				"sector": e.Sector, "title": e.Title}[k]
			if got != v {
				return fmt.Errorf("%s = %q, want %q", k, got, v)
			}
		}
	case "ment":
		_, m, err := mustEnt(f[1])
		if err != nil {
			return err
		}
		role, code := f[2], f[3]
		if role == "-" {
			role = ""
		}
		if code == "-" {
			code = ""
		}
		if m.Role != role || m.Code != code {
			return fmt.Errorf("role %q code %q", m.Role, m.Code)
		}
	case "rule":
		_, m, err := mustEnt(f[1])
		if err != nil {
			return err
		}
		if m.Rule != f[2] {
			return fmt.Errorf("rule %q", m.Rule)
		}
	case "none":
		if e, _ := findMention(a, f[1]); e != nil {
			return fmt.Errorf("found in %s", e.ID)
		}
		for _, e := range a.Entities {
			if e.Name == unscore(f[1]) {
				return fmt.Errorf("entity %s named %q", e.ID, e.Name)
			}
		}
	case "coref", "nocoref":
		var hit *model.Coref
		for i := range a.Coref {
			if a.Coref[i].Text == unscore(f[1]) {
				hit = &a.Coref[i]
				break
			}
		}
		if f[0] == "nocoref" {
			if hit != nil {
				return fmt.Errorf("linked to %s by %s", hit.Entity, hit.Rule)
			}
			return nil
		}
		if hit == nil {
			return fmt.Errorf("no coref")
		}
		e, _, err := mustEnt(f[2])
		if err != nil {
			return err
		}
		if hit.Entity != e.ID || hit.Rule != f[3] {
			return fmt.Errorf("linked to %s by %s, want %s by %s", hit.Entity, hit.Rule, e.ID, f[3])
		}
	case "learned":
		for _, l := range a.Learned {
			if l.Name == unscore(f[1]) {
				return nil
			}
		}
		return fmt.Errorf("not learned: %+v", a.Learned)
	case "entities":
		n, _ := strconv.Atoi(f[1])
		if len(a.Entities) != n {
			return fmt.Errorf("%d entities", len(a.Entities))
		}
	default:
		return fmt.Errorf("unknown expectation %q", f[0])
	}
	return nil
}

func dump(a *model.Analysis) string {
	var b strings.Builder
	for _, e := range a.Entities {
		fmt.Fprintf(&b, "  %s %q %s code=%s country=%s sector=%s title=%q\n", e.ID, e.Name, e.Type, e.Code, e.Country, e.Sector, e.Title)
		for _, m := range e.Mentions {
			fmt.Fprintf(&b, "     %q role=%s rule=%s code=%s\n", m.Text, m.Role, m.Rule, m.Code)
		}
	}
	for _, c := range a.Coref {
		fmt.Fprintf(&b, "  coref %q -> %s (%s)\n", c.Text, c.Entity, c.Rule)
	}
	return b.String()
}

// TestClauseSubjects checks that the tag stage's clauses mark subjects, and
// that the subject of a non-finite clause ("Trump following the meeting") is
// not taken for one.
func TestClauseSubjects(t *testing.T) {
	a := build(t, "[PER Putin] yesterday said he was ready.\n[PER Zelenskyy] said that he spoke with [PER Trump] following the meeting.\nHe signalled more.", "2025-08-07")
	tok := func(s string, n int) int {
		for i, tk := range a.Tokens {
			if tk.Text == s {
				if n == 0 {
					return i
				}
				n--
			}
		}
		t.Fatalf("no token %q", s)
		return -1
	}
	putin, said := tok("Putin", 0), tok("said", 0)
	trump, following := tok("Trump", 0), tok("following", 0)
	a.Clauses = []model.Clause{
		{Sentence: 0, Start: putin, End: said + 1, Subject: model.Phrase{Start: putin, End: putin + 1, Head: putin},
			Verb: model.VerbGroup{Phrase: model.Phrase{Start: said, End: said + 1, Head: said}, Lemma: "say"}},
		{Sentence: 1, Start: trump, End: following + 1, Subject: model.Phrase{Start: trump, End: trump + 1, Head: trump},
			Verb: model.VerbGroup{Phrase: model.Phrase{Start: following, End: following + 1, Head: following}, Lemma: "follow", Infinite: true}},
	}
	if err := mustStage(t).Process(t.Context(), a); err != nil {
		t.Fatal(err)
	}
	for _, c := range []string{
		"coref he Putin pronoun-same-sentence-subject",
		"coref He Zelenskyy pronoun-last-subject",
	} {
		if err := check(a, strings.Fields(c)); err != nil {
			t.Errorf("%s: %v\n%s", c, err, dump(a))
		}
	}
}

func TestPartyState(t *testing.T) {
	for w, want := range map[string]bool{
		"R-S.C.": true, "D-Calif": true, "D-Calif.": true, "I-Vt.": true,
		"R-": false, "X-Calif": false, "D-calif": false, "Coca-Cola": false, "R-2": false, "D-New York": false,
	} {
		if got := partyState(w); got != want {
			t.Errorf("partyState(%q) = %v, want %v", w, got, want)
		}
	}
}
