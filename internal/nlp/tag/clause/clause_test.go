package clause

import (
	"flag"
	"strings"
	"sync"
	"testing"
	"time"

	"herald/internal/model"
)

var dump = flag.Bool("dump", false, "print every clause of the table tests")

// Sentences written by the herald team in the style of wire news, tagged
// by hand (Penn POS, CoNLL-2000 style IOB2 chunks). Each want line
// describes one clause (see describe).
var cases = []struct {
	name, src string
	want      []string
}{
	{"appositive subject, bare reported complement, perfect passive",
		`Dmitry/NNP/B-NP Peskov/NNP/I-NP ,/,/O the/DT/B-NP Kremlin/NNP/I-NP 's/POS/B-NP chief/JJ/I-NP spokesman/NN/I-NP ,/,/O said/VBD/B-VP a/DT/B-NP summit/NN/I-NP has/VBZ/B-VP been/VBN/I-VP agreed/VBN/I-VP in/IN/B-PP principle/NN/B-NP ././O`,
		[]string{
			`said[say past active] S=Dmitry Peskov AP=Dmitry Peskov=the Kremlin 's chief spokesman R=has been agreed`,
			`has been agreed[agree present passive perfect] S=a summit P=in:principle K=reported ^said`,
		}},
	{"that-complement after a temporal attachment",
		`The/DT/B-NP Kremlin/NNP/I-NP confirmed/VBD/B-VP on/IN/B-PP Thursday/NNP/B-NP that/IN/B-SBAR talks/NNS/B-NP are/VBP/B-VP under/IN/B-PP way/NN/B-NP ././O`,
		[]string{
			`confirmed[confirm past active] S=The Kremlin P=on:Thursday R=are`,
			`are[be present active] S=talks P=under:way K=reported M=that ^confirmed`,
		}},
	{"do-support negation",
		`Officials/NNS/B-NP did/VBD/B-VP not/RB/I-VP confirm/VB/I-VP the/DT/B-NP date/NN/I-NP ././O`,
		[]string{
			`did not confirm[confirm past active neg] S=Officials O=the date`,
		}},
	{"trailing frame with modal",
		`The/DT/B-NP meeting/NN/I-NP could/MD/B-VP take/VB/I-VP place/NN/B-NP as/RB/B-ADVP early/RB/I-ADVP as/IN/B-PP next/JJ/B-NP week/NN/I-NP ,/,/O a/DT/B-NP senior/JJ/I-NP official/NN/I-NP told/VBD/B-VP reporters/NNS/B-NP ././O`,
		[]string{
			`could take[take present active modal=could] S=The meeting O=place P=as:next week K=reported ^told`,
			`told[tell past active] S=a senior official O=reporters R=could take`,
		}},
	{"quoted statement then frame",
		`“/LQ/O The/DT/B-NP goal/NN/I-NP is/VBZ/B-VP a/DT/B-NP substantive/JJ/I-NP dialogue/NN/I-NP ,/,/O ”/RQ/O the/DT/B-NP adviser/NN/I-NP said/VBD/B-VP ././O`,
		[]string{
			`is[be present active] S=The goal O=a substantive dialogue K=reported ^said`,
			`said[say past active] S=the adviser R=is`,
		}},
	{"inverted frame",
		`“/LQ/O We/PRP/B-NP are/VBP/B-VP ready/JJ/B-ADJP for/IN/B-PP talks/NNS/B-NP ,/,/O ”/RQ/O said/VBD/B-VP Zelenskyy/NNP/B-NP ././O`,
		[]string{
			`are[be present active] S=We O=ready P=for:talks K=reported ^said`,
			`said[say past active] S=Zelenskyy R=are`,
		}},
	{"conditional with negated passive; by + time is no agent",
		`The/DT/B-NP United/NNP/I-NP States/NNPS/I-NP has/VBZ/B-VP threatened/VBN/I-VP new/JJ/B-NP sanctions/NNS/I-NP against/IN/B-PP Russia/NNP/B-NP if/IN/B-SBAR a/DT/B-NP ceasefire/NN/I-NP is/VBZ/B-VP not/RB/I-VP reached/VBN/I-VP by/IN/B-PP Friday/NNP/B-NP ././O`,
		[]string{
			`has threatened[threaten present active perfect] S=The United States O=new sanctions P=against:Russia`,
			`is not reached[reach present passive neg] S=a ceasefire P=by:Friday K=adverbial M=if ^has threatened`,
		}},
	{"participle clauses after a comma take the main subject",
		`Overnight/JJ/B-NP strikes/NNS/I-NP by/IN/B-PP Russian/JJ/B-NP forces/NNS/I-NP hit/VBD/B-VP a/DT/B-NP recreational/JJ/I-NP centre/NN/I-NP in/IN/B-PP the/DT/B-NP Zaporizhzhia/NNP/I-NP region/NN/I-NP ,/,/O killing/VBG/B-VP two/CD/B-NP people/NNS/I-NP and/CC/O injuring/VBG/B-VP 12/CD/B-NP ././O`,
		[]string{
			`hit[hit past active] S=Overnight strikes by Russian forces O=a recreational centre P=in:the Zaporizhzhia region`,
			`killing[kill  active inf] S=Overnight strikes by Russian forces O=two people K=participle ^hit`,
			`injuring[injure  active inf] S=Overnight strikes by Russian forces O=12 K=participle ^hit`,
		}},
	{"reporting participle",
		`Putin/NNP/B-NP has/VBZ/B-VP also/RB/I-VP touted/VBN/I-VP a/DT/B-NP new/JJ/I-NP missile/NN/I-NP system/NN/I-NP ,/,/O claiming/VBG/B-VP it/PRP/B-NP is/VBZ/B-VP beyond/IN/B-PP NATO/NNP/B-NP 's/POS/B-NP defences/NNS/I-NP ././O`,
		[]string{
			`has also touted[tout present active perfect] S=Putin O=a new missile system`,
			`claiming[claim  active inf] S=Putin K=participle ^has also touted R=is`,
			`is[be present active] S=it P=beyond:NATO 's defences K=reported ^claiming`,
		}},
	{"of-phrase stays in the object",
		`Trump/NNP/B-NP ordered/VBD/B-VP the/DT/B-NP repositioning/NN/I-NP of/IN/B-PP two/CD/B-NP nuclear/JJ/I-NP submarines/NNS/I-NP ,/,/O according/VBG/B-PP to/TO/I-PP officials/NNS/B-NP ././O`,
		[]string{
			`ordered[order past active] S=Trump O=the repositioning of two nuclear submarines`,
		}},
	{"no longer negates; bare passive participle with agent",
		`Moscow/NNP/B-NP announced/VBD/B-VP it/PRP/B-NP no/RB/B-ADVP longer/RB/I-ADVP considers/VBZ/B-VP itself/PRP/B-NP bound/VBN/B-VP by/IN/B-PP the/DT/B-NP moratorium/NN/I-NP ././O`,
		[]string{
			`announced[announce past active] S=Moscow R=considers`,
			`considers[consider present active neg] S=it O=itself K=reported ^announced`,
			`bound[bind  passive inf] S=itself A=the moratorium K=participle ^considers`,
		}},
	{"that-clause with two attachments",
		`Former/JJ/B-NP president/NN/I-NP Dmitry/NNP/I-NP Medvedev/NNP/I-NP warned/VBD/B-VP that/IN/B-SBAR the/DT/B-NP war/NN/I-NP could/MD/B-VP lead/VB/I-VP to/TO/B-PP direct/JJ/B-NP conflict/NN/I-NP with/IN/B-PP the/DT/B-NP United/NNP/I-NP States/NNPS/I-NP ././O`,
		[]string{
			`warned[warn past active] S=Former president Dmitry Medvedev R=could lead`,
			`could lead[lead present active modal=could] S=the war P=to:direct conflict;with:the United States K=reported M=that ^warned`,
		}},
	{"would is future",
		`The/DT/B-NP summit/NN/I-NP would/MD/B-VP be/VB/I-VP the/DT/B-NP first/JJ/I-NP between/IN/B-PP the/DT/B-NP two/CD/I-NP leaders/NNS/I-NP since/IN/B-PP 2021/CD/B-NP ././O`,
		[]string{
			`would be[be future active modal=would] S=The summit O=the first P=between:the two leaders;since:2021`,
		}},
	{"sentence-initial adverbial clause governed by the main clause",
		`If/IN/B-SBAR it/PRP/B-NP goes/VBZ/B-VP ahead/RB/B-ADVP ,/,/O the/DT/B-NP summit/NN/I-NP will/MD/B-VP be/VB/I-VP held/VBN/I-VP in/IN/B-PP Moscow/NNP/B-NP ././O`,
		[]string{
			`goes[go present active] S=it K=adverbial M=If ^will be held`,
			`will be held[hold future passive modal=will] S=the summit P=in:Moscow`,
		}},
	{"progressive with infinitive complement",
		`Ushakov/NNP/B-NP said/VBD/B-VP that/IN/B-SBAR both/DT/B-NP sides/NNS/I-NP are/VBP/B-VP working/VBG/I-VP to/TO/I-VP finalise/VB/I-VP arrangements/NNS/B-NP ././O`,
		[]string{
			`said[say past active] S=Ushakov R=are working`,
			`are working[work present active progressive] S=both sides K=reported M=that ^said`,
			`to finalise[finalise  active inf] S=both sides O=arrangements K=infinitive M=to ^are working`,
		}},
	{"parenthetical participle, indirect object, that-clause",
		`A/DT/B-NP senior/JJ/I-NP official/NN/I-NP ,/,/O speaking/VBG/B-VP on/IN/B-PP condition/NN/B-NP of/IN/B-PP anonymity/NN/B-NP ,/,/O told/VBD/B-VP the/DT/B-NP agency/NN/I-NP that/IN/B-SBAR no/DT/B-NP schedule/NN/I-NP has/VBZ/B-VP been/VBN/I-VP set/VBN/I-VP ././O`,
		[]string{
			`speaking[speak  active inf] S=A senior official P=on:condition of anonymity K=participle ^told`,
			`told[tell past active] S=A senior official O=the agency R=has been set`,
			`has been set[set present passive perfect] S=no schedule K=reported M=that ^told`,
		}},
	{"coordinated verb phrase inherits the subject",
		`The/DT/B-NP White/NNP/I-NP House/NNP/I-NP acknowledged/VBD/B-VP the/DT/B-NP possibility/NN/I-NP of/IN/B-PP a/DT/B-NP summit/NN/I-NP but/CC/O stressed/VBD/B-VP that/IN/B-SBAR plans/NNS/B-NP are/VBP/B-VP still/RB/B-ADVP in/IN/B-PP flux/NN/B-NP ././O`,
		[]string{
			`acknowledged[acknowledge past active] S=The White House O=the possibility of a summit`,
			`stressed[stress past active] S=The White House R=are`,
			`are[be present active] S=plans P=in:flux K=reported M=that ^stressed`,
		}},
	{"coordinated subjects",
		`Putin/NNP/B-NP and/CC/O Trump/NNP/B-NP discussed/VBD/B-VP the/DT/B-NP war/NN/I-NP in/IN/B-PP Ukraine/NNP/B-NP ././O`,
		[]string{
			`discussed[discuss past active] S=Putin +Trump O=the war P=in:Ukraine`,
		}},
	{"coordinated subjects chunked as one noun phrase",
		`Putin/NNP/B-NP and/CC/I-NP Trump/NNP/I-NP discussed/VBD/B-VP the/DT/B-NP war/NN/I-NP ././O`,
		[]string{
			`discussed[discuss past active] S=Putin +Trump O=the war`,
		}},
	{"coordination inside between stays one subject",
		`Talks/NNS/B-NP between/IN/B-PP Russia/NNP/B-NP and/CC/O Ukraine/NNP/B-NP resumed/VBD/B-VP on/IN/B-PP Monday/NNP/B-NP ././O`,
		[]string{
			`resumed[resume past active] S=Talks between Russia and Ukraine P=on:Monday`,
		}},
	{"passive with by-agent",
		`Three/CD/B-NP soldiers/NNS/I-NP were/VBD/B-VP killed/VBN/I-VP by/IN/B-PP a/DT/B-NP drone/NN/I-NP near/IN/B-PP the/DT/B-NP border/NN/I-NP ././O`,
		[]string{
			`were killed[kill past passive] S=Three soldiers P=near:the border A=a drone`,
		}},
	{"passive without agent; time phrase is no object",
		`Sanctions/NNS/B-NP were/VBD/B-VP imposed/VBN/I-VP on/IN/B-PP Iran/NNP/B-NP last/JJ/B-NP year/NN/I-NP ././O`,
		[]string{
			`were imposed[impose past passive] S=Sanctions P=on:Iran`,
		}},
	{"relative clause between commas",
		`The/DT/B-NP ministry/NN/I-NP ,/,/O which/WDT/B-NP oversees/VBZ/B-VP the/DT/B-NP army/NN/I-NP ,/,/O denied/VBD/B-VP the/DT/B-NP report/NN/I-NP ././O`,
		[]string{
			`oversees[oversee present active] S=The ministry O=the army K=relative M=which ^denied`,
			`denied[deny past active] S=The ministry O=the report`,
		}},
	{"restrictive relative clause inside the subject",
		`Officials/NNS/B-NP who/WP/B-NP spoke/VBD/B-VP to/TO/B-PP reporters/NNS/B-NP said/VBD/B-VP the/DT/B-NP talks/NNS/I-NP were/VBD/B-VP productive/JJ/B-ADJP ././O`,
		[]string{
			`spoke[speak past active] S=Officials P=to:reporters K=relative M=who ^said`,
			`said[say past active] S=Officials who spoke to reporters R=were`,
			`were[be past active] S=the talks O=productive K=reported ^said`,
		}},
	{"coordinated that-clauses share the reporting verb",
		`Zelenskyy/NNP/B-NP said/VBD/B-VP he/PRP/B-NP spoke/VBD/B-VP with/IN/B-PP Trump/NNP/B-NP and/CC/O that/IN/B-SBAR European/JJ/B-NP leaders/NNS/I-NP joined/VBD/B-VP the/DT/B-NP call/NN/I-NP ././O`,
		[]string{
			`said[say past active] S=Zelenskyy R=spoke`,
			`spoke[speak past active] S=he P=with:Trump K=reported ^said`,
			`joined[join past active] S=European leaders O=the call K=reported M=that ^said`,
		}},
	{"modal complement then coordinated verb",
		`He/PRP/B-NP signalled/VBD/B-VP that/IN/B-SBAR Russia/NNP/B-NP may/MD/B-VP be/VB/I-VP more/RBR/B-ADJP open/JJ/I-ADJP to/TO/B-PP a/DT/B-NP ceasefire/NN/I-NP but/CC/O warned/VBD/B-VP of/IN/B-PP the/DT/B-NP need/NN/I-NP for/IN/B-PP unity/NN/B-NP ././O`,
		[]string{
			`signalled[signal past active] S=He R=may be`,
			`may be[be present active modal=may] S=Russia O=more open P=to:a ceasefire K=reported M=that ^signalled`,
			`warned[warn past active] S=He P=of:the need;for:unity`,
		}},
	{"infinitive after a noun takes the clause subject",
		`The/DT/B-NP Russians/NNPS/I-NP expressed/VBD/B-VP their/PRP$/B-NP desire/NN/I-NP to/TO/B-VP meet/VB/I-VP with/IN/B-PP President/NNP/B-NP Trump/NNP/I-NP ././O`,
		[]string{
			`expressed[express past active] S=The Russians O=their desire`,
			`to meet[meet  active inf] S=The Russians P=with:President Trump K=infinitive M=to ^expressed`,
		}},
	{"object control",
		`The/DT/B-NP US/NNP/I-NP urged/VBD/B-VP Russia/NNP/B-NP to/TO/B-VP accept/VB/I-VP a/DT/B-NP ceasefire/NN/I-NP ././O`,
		[]string{
			`urged[urge past active] S=The US O=Russia`,
			`to accept[accept  active inf] S=Russia O=a ceasefire K=infinitive M=to ^urged`,
		}},
	{"for-to infinitive",
		`It/PRP/B-NP set/VBD/B-VP a/DT/B-NP deadline/NN/I-NP for/IN/B-PP Russia/NNP/B-NP to/TO/B-VP halt/VB/I-VP the/DT/B-NP attacks/NNS/I-NP ././O`,
		[]string{
			`set[set past active] S=It O=a deadline P=for:Russia`,
			`to halt[halt  active inf] S=Russia O=the attacks K=infinitive M=to ^set`,
		}},
	{"reduced relative inside the subject",
		`A/DT/B-NP deadline/NN/I-NP set/VBN/B-VP by/IN/B-PP Trump/NNP/B-NP expires/VBZ/B-VP on/IN/B-PP Friday/NNP/B-NP ././O`,
		[]string{
			`set[set  passive inf] S=A deadline A=Trump K=participle ^expires`,
			`expires[expire present active] S=A deadline set by Trump P=on:Friday`,
		}},
	{"as-complement",
		`Ukrainian/JJ/B-NP President/NNP/I-NP Volodymyr/NNP/I-NP Zelenskyy/NNP/I-NP described/VBD/B-VP the/DT/B-NP attack/NN/I-NP as/IN/B-PP cruel/JJ/B-ADJP ././O`,
		[]string{
			`described[describe past active] S=Ukrainian President Volodymyr Zelenskyy O=the attack;cruel`,
		}},
	{"passive with complement and agent",
		`Witkoff/NNP/B-NP 's/POS/B-NP three-hour/JJ/I-NP meeting/NN/I-NP with/IN/B-PP Putin/NNP/B-NP was/VBD/B-VP described/VBN/I-VP as/IN/B-PP productive/JJ/B-ADJP by/IN/B-PP both/DT/B-NP sides/NNS/I-NP ././O`,
		[]string{
			`was described[describe past passive] S=Witkoff 's three-hour meeting with Putin O=productive A=both sides`,
		}},
	{"negated future reported in a trailing frame",
		`The/DT/B-NP prime/JJ/I-NP minister/NN/I-NP will/MD/B-VP not/RB/I-VP attend/VB/I-VP the/DT/B-NP summit/NN/I-NP ,/,/O his/PRP$/B-NP office/NN/I-NP said/VBD/B-VP on/IN/B-PP Sunday/NNP/B-NP ././O`,
		[]string{
			`will not attend[attend future active neg modal=will] S=The prime minister O=the summit K=reported ^said`,
			`said[say past active] S=his office P=on:Sunday R=will not attend`,
		}},
	{"progressive passive",
		`Protesters/NNS/B-NP were/VBD/B-VP being/VBG/I-VP dispersed/VBN/I-VP by/IN/B-PP police/NNS/B-NP ././O`,
		[]string{
			`were being dispersed[disperse past passive progressive] S=Protesters A=police`,
		}},
	{"perfect progressive",
		`The/DT/B-NP army/NN/I-NP has/VBZ/B-VP been/VBN/I-VP shelling/VBG/I-VP the/DT/B-NP city/NN/I-NP for/IN/B-PP weeks/NNS/B-NP ././O`,
		[]string{
			`has been shelling[shell present active perfect-progressive] S=The army O=the city P=for:weeks`,
		}},
	{"coordinated subjects in a reported clause",
		`Israel/NNP/B-NP and/CC/O Hamas/NNP/B-NP agreed/VBD/B-VP to/TO/B-PP a/DT/B-NP truce/NN/I-NP ,/,/O mediators/NNS/B-NP said/VBD/B-VP ././O`,
		[]string{
			`agreed[agree past active] S=Israel +Hamas P=to:a truce K=reported ^said`,
			`said[say past active] S=mediators R=agreed`,
		}},
	{"appositive after a name, negated perfect",
		`China/NNP/B-NP ,/,/O the/DT/B-NP largest/JJS/I-NP buyer/NN/I-NP of/IN/B-PP Russian/JJ/B-NP oil/NN/I-NP ,/,/O has/VBZ/B-VP not/RB/I-VP commented/VBN/I-VP ././O`,
		[]string{
			`has not commented[comment present active perfect neg] S=China AP=China=the largest buyer of Russian oil`,
		}},
	{"appositive name after a description",
		`Trump/NNP/B-NP 's/POS/B-NP special/JJ/I-NP envoy/NN/I-NP ,/,/O Steve/NNP/B-NP Witkoff/NNP/I-NP ,/,/O met/VBD/B-VP Putin/NNP/B-NP in/IN/B-PP Moscow/NNP/B-NP on/IN/B-PP Wednesday/NNP/B-NP ././O`,
		[]string{
			`met[meet past active] S=Trump 's special envoy O=Putin P=in:Moscow;on:Wednesday AP=Trump 's special envoy=Steve Witkoff`,
		}},
	{"sentence-initial attachment and past perfect",
		`On/IN/B-PP Tuesday/NNP/B-NP ,/,/O Moscow/NNP/B-NP said/VBD/B-VP it/PRP/B-NP had/VBD/B-VP deployed/VBN/I-VP new/JJ/B-NP missiles/NNS/I-NP ././O`,
		[]string{
			`said[say past active] S=Moscow P=On:Tuesday R=had deployed`,
			`had deployed[deploy past active perfect] S=it O=new missiles K=reported ^said`,
		}},
	{"according-to opener, non-restrictive relative with a reported clause",
		`According/VBG/B-PP to/TO/I-PP the/DT/B-NP report/NN/I-NP ,/,/O the/DT/B-NP envoy/NN/I-NP met/VBD/B-VP the/DT/B-NP president/NN/I-NP ,/,/O who/WP/B-NP later/RB/B-ADVP posted/VBD/B-VP that/IN/B-SBAR great/JJ/B-NP progress/NN/I-NP was/VBD/B-VP made/VBN/I-VP ././O`,
		[]string{
			`met[meet past active] S=the envoy O=the president P=According:the report`,
			`posted[post past active] S=the president K=relative M=who ^met R=was made`,
			`was made[make past passive] S=great progress K=reported M=that ^posted`,
		}},
	{"adjective complement with infinitive, trailing frame",
		`Russia/NNP/B-NP may/MD/B-VP be/VB/I-VP more/RBR/B-ADJP inclined/JJ/I-ADJP to/TO/B-VP agree/VB/I-VP to/TO/B-PP a/DT/B-NP ceasefire/NN/I-NP ,/,/O Zelenskyy/NNP/B-NP said/VBD/B-VP ././O`,
		[]string{
			`may be[be present active modal=may] S=Russia O=more inclined K=reported ^said`,
			`to agree[agree  active inf] S=Russia P=to:a ceasefire K=infinitive M=to ^may be`,
			`said[say past active] S=Zelenskyy R=may be`,
		}},
	{"small clause after let",
		`We/PRP/B-NP must/MD/B-VP not/RB/I-VP let/VB/I-VP them/PRP/B-NP deceive/VB/B-VP us/PRP/B-NP ././O`,
		[]string{
			`must not let[let present active neg modal=must] S=We O=them`,
			`deceive[deceive present active] S=them O=us K=complement ^must not let`,
		}},
	{"POS tags only, no chunks",
		`Officials/NNS said/VBD the/DT talks/NNS failed/VBD ./.`,
		[]string{
			`said[say past active] S=Officials R=failed`,
			`failed[fail past active] S=the talks K=reported ^said`,
		}},
	{"headline with coordinated verb phrase",
		`US/NNP/B-NP confirms/VBZ/B-VP talks/NNS/B-NP ,/,/O but/CC/O says/VBZ/B-VP plans/NNS/B-NP not/RB/B-ADJP final/JJ/I-ADJP`,
		[]string{
			`confirms[confirm present active] S=US O=talks`,
			`says[say present active] S=US O=plans;not final`,
		}},
	{"gerund after a preposition and a chained infinitive",
		`Trump/NNP/B-NP also/RB/B-ADVP announced/VBD/B-VP a/DT/B-NP 50/CD/I-NP per/IN/I-NP cent/NN/I-NP tariff/NN/I-NP on/IN/B-PP India/NNP/B-NP for/IN/B-PP continuing/VBG/B-VP to/TO/I-VP purchase/VB/I-VP Russian/JJ/B-NP oil/NN/I-NP ././O`,
		[]string{
			`announced[announce past active] S=Trump O=a 50 per cent tariff P=on:India`,
			`continuing[continue  active inf] S=Trump K=participle ^announced`,
			`to purchase[purchase  active inf] S=Trump O=Russian oil K=infinitive M=to ^continuing`,
		}},
	{"non-restrictive relative inside the subject, present perfect",
		`The/DT/B-NP talks/NNS/I-NP ,/,/O which/WDT/B-NP began/VBD/B-VP in/IN/B-PP June/NNP/B-NP ,/,/O have/VBP/B-VP stalled/VBN/I-VP ././O`,
		[]string{
			`began[begin past active] S=The talks P=in:June K=relative M=which ^have stalled`,
			`have stalled[stall present active perfect] S=The talks`,
		}},
	{"subordinate clause introduced by a preposition-like word",
		`The/DT/B-NP summit/NN/I-NP comes/VBZ/B-VP as/IN/B-PP violence/NN/B-NP in/IN/B-PP the/DT/B-NP region/NN/I-NP intensifies/VBZ/B-VP ././O`,
		[]string{
			`comes[come present active] S=The summit`,
			`intensifies[intensify present active] S=violence in the region K=adverbial M=as ^comes`,
		}},
	{"though-clause with a gerund complement",
		`The/DT/B-NP adviser/NN/I-NP said/VBD/B-VP a/DT/B-NP venue/NN/I-NP had/VBD/B-VP been/VBN/I-VP chosen/VBN/I-VP ,/,/O though/IN/B-SBAR he/PRP/B-NP stopped/VBD/B-VP short/RB/B-ADVP of/IN/B-PP naming/VBG/B-VP it/PRP/B-NP ././O`,
		[]string{
			`said[say past active] S=The adviser R=had been chosen`,
			`had been chosen[choose past passive perfect] S=a venue K=reported ^said`,
			`stopped[stop past active] S=he K=adverbial M=though ^said`,
			`naming[name  active inf] S=he O=it K=participle ^stopped`,
		}},
	{"split quotation frame",
		`“/LQ/O The/DT/B-NP goal/NN/I-NP ,/,/O ”/RQ/O the/DT/B-NP minister/NN/I-NP said/VBD/B-VP ,/,/O “/LQ/O is/VBZ/B-VP peace/NN/B-NP ././O ”/RQ/O`,
		[]string{
			`said[say past active] S=the minister R=is`,
			`is[be present active] O=peace K=reported ^said`,
		}},
	{"question with wh-word and do-support is analysed without error",
		`Why/WRB/O did/VBD/B-VP Moscow/NNP/B-NP reject/VB/B-VP the/DT/B-NP offer/NN/I-NP ?/./O`,
		[]string{
			`did[do past active]`,
			`reject[reject present active] S=Moscow O=the offer`,
		}},
	{"according to tagged as a verb, conjoined names in one prepositional object",
		"According/VBG/B-VP to/TO/B-PP officials/NNS/B-NP ,/,/O the/DT/B-NP envoy/NN/I-NP met/VBD/B-VP on/IN/B-PP Wednesday/NNP/B-NP with/IN/B-PP Steve/NNP/B-NP Witkoff/NNP/I-NP and/CC/O Putin/NNP/B-NP ././O",
		[]string{
			"met[meet past active] S=the envoy P=According:officials;on:Wednesday;with:Steve Witkoff and Putin",
		}},
	{"quoted that-clause keeps its marker; conjoined objects across a quote",
		"Trump/NNP/B-NP posted/VBD/B-VP that/IN/B-SBAR “/LQ/O great/JJ/B-NP progress/NN/I-NP was/VBD/B-VP made/VBN/I-VP ”/RQ/O ././O || They/PRP/B-NP discussed/VBD/B-VP the/DT/B-NP war/NN/I-NP in/IN/B-PP Ukraine/NNP/B-NP and/CC/O “/LQ/O prospects/NNS/B-NP for/IN/B-PP cooperation/NN/B-NP ”/RQ/O ././O",
		[]string{
			"posted[post past active] S=Trump R=was made",
			"was made[make past passive] S=great progress K=reported M=that ^posted",
			"discussed[discuss past active] S=They O=the war;prospects P=in:Ukraine;for:cooperation",
		}},
	{"multiword preposition chunked in two",
		"Flights/NNS/B-NP were/VBD/B-VP cancelled/VBN/I-VP because/IN/B-PP of/IN/B-PP the/DT/B-NP storm/NN/I-NP ././O",
		[]string{
			"were cancelled[cancel past passive] S=Flights P=because:the storm",
		}},
	{"dash parenthesis between subject and verb, for-to infinitive with a bare conjunct",
		"The/DT/B-NP embargo/NN/I-NP —/:/O a/DT/B-NP deadline/NN/I-NP for/IN/B-PP Iran/NNP/B-NP to/TO/B-VP free/VB/I-VP the/DT/B-NP crew/NN/I-NP or/CC/O face/VB/B-VP penalties/NNS/B-NP —/:/O worries/VBZ/B-VP shippers/NNS/B-NP ././O",
		[]string{
			"to free[free  active inf] S=Iran O=the crew K=infinitive M=to",
			"face[face  active inf] S=Iran O=penalties K=infinitive",
			"worries[worry present active] S=The embargo O=shippers",
		}},
	{"no longer chunked as a noun phrase; coordinated gerunds",
		"Kyiv/NNP/B-NP said/VBD/B-VP it/PRP/B-NP no/DT/B-NP longer/NN/I-NP trusts/VBZ/B-VP the/DT/B-NP mediator/NN/I-NP ,/,/O though/IN/B-SBAR it/PRP/B-NP avoided/VBD/B-VP naming/VBG/B-VP him/PRP/B-NP or/CC/O blaming/VBG/B-VP Moscow/NNP/B-NP ././O",
		[]string{
			"said[say past active] S=Kyiv R=trusts",
			"trusts[trust present active neg] S=it O=the mediator K=reported ^said",
			"avoided[avoid past active] S=it K=adverbial M=though ^said",
			"naming[name  active inf] S=it O=him K=participle ^avoided",
			"blaming[blame  active inf] S=it O=Moscow K=participle ^avoided",
		}},
	{"complementizer tagged as a relative pronoun after a reporting verb",
		"The/DT/B-NP minister/NN/I-NP wrote/VBD/B-VP on/IN/B-PP social/JJ/B-NP media/NNS/I-NP that/WDT/B-NP talks/NNS/B-NP had/VBD/B-VP stalled/VBN/I-VP ././O",
		[]string{
			"wrote[write past active] S=The minister P=on:social media R=had stalled",
			"had stalled[stall past active perfect] S=talks K=reported M=that ^wrote",
		}},
	{"a closing quote after a reporting verb inside the quotation is no frame",
		"“/LQ/O We/PRP/B-NP are/VBP/B-VP ready/JJ/B-ADJP to/TO/B-VP agree/VB/I-VP to/TO/B-PP a/DT/B-NP truce/NN/I-NP ,/,/O ”/RQ/O the/DT/B-NP envoy/NN/I-NP said/VBD/B-VP ././O",
		[]string{
			"are[be present active] S=We O=ready K=reported ^said",
			"to agree[agree  active inf] S=We P=to:a truce K=infinitive M=to ^are",
			"said[say past active] S=the envoy R=are",
		}},
	{"relative clause with its own complement inside commas; coordinated subjects of a bare complement",
		"Edberg/NNP/B-NP ,/,/O who/WP/B-NP has/VBZ/B-VP said/VBN/I-VP that/IN/B-SBAR this/DT/B-NP is/VBZ/B-VP his/PRP$/B-NP last/JJ/I-NP event/NN/I-NP ,/,/O thanked/VBD/B-VP fans/NNS/B-NP ././O || The/DT/B-NP ministry/NN/I-NP said/VBD/B-VP Levy/NNP/B-NP and/CC/O Kinkel/NNP/B-NP would/MD/B-VP meet/VB/I-VP ././O",
		[]string{
			"has said[say present active perfect] S=Edberg K=relative M=who ^thanked R=is",
			"is[be present active] S=this O=his last event K=reported M=that ^has said",
			"thanked[thank past active] S=Edberg O=fans",
			"said[say past active] S=The ministry R=would meet",
			"would meet[meet future active modal=would] S=Levy +Kinkel K=reported ^said",
		}},
	{"participle modifier inside a reported subject; a measure is no agent",
		"He/PRP/B-NP said/VBD/B-VP police/NNS/B-NP backed/VBN/B-VP by/IN/B-PP troops/NNS/B-NP were/VBD/B-VP searching/VBG/I-VP the/DT/B-NP area/NN/I-NP ././O || Exports/NNS/B-NP were/VBD/B-VP cut/VBN/I-VP by/IN/B-PP 29/CD/B-NP percent/NN/I-NP ././O",
		[]string{
			"said[say past active] S=He R=were searching",
			"backed[back  passive inf] S=police A=troops K=participle ^were searching",
			"were searching[search past active progressive] S=police backed by troops O=the area K=reported ^said",
			"were cut[cut past passive] S=Exports P=by:29 percent",
		}},
	{"participle tag on a reported past tense; a participle after a year takes the clause subject",
		"Traders/NNS/B-NP said/VBD/B-VP the/DT/B-NP rouble/NN/I-NP weakened/VBN/B-VP on/IN/B-PP rumours/NNS/B-NP ././O || He/PRP/B-NP filed/VBD/B-VP a/DT/B-NP claim/NN/I-NP in/IN/B-PP 2019/CD/B-NP seeking/VBG/B-VP damages/NNS/B-NP ././O",
		[]string{
			"said[say past active] S=Traders R=weakened",
			"weakened[weaken past active] S=the rouble P=on:rumours K=reported ^said",
			"filed[file past active] S=He O=a claim P=in:2019",
			"seeking[seek  active inf] S=He O=damages K=participle ^filed",
		}},
	{"but starts a new clause, not a coordinated subject",
		"Troops/NNS/B-NP pushed/VBD/B-VP into/IN/B-PP the/DT/B-NP town/NN/I-NP but/CC/O the/DT/B-NP rebels/NNS/I-NP held/VBD/B-VP the/DT/B-NP bridge/NN/I-NP ././O",
		[]string{
			"pushed[push past active] S=Troops P=into:the town",
			"held[hold past active] S=the rebels O=the bridge",
		}},
	{"bracketed aside after the subject and before a relative clause",
		"The/DT/B-NP council/NN/I-NP (/(/O SLORC/NNP/B-NP )/)/O ,/,/O which/WDT/B-NP took/VBD/B-VP power/NN/B-NP in/IN/B-PP 1988/CD/B-NP ,/,/O never/RB/B-ADVP recognised/VBD/B-VP the/DT/B-NP vote/NN/I-NP ././O",
		[]string{
			"took[take past active] S=The council O=power P=in:1988 K=relative M=which ^recognised",
			"recognised[recognise past active neg] S=The council O=the vote",
		}},
	{"two sentences: parents are global indexes",
		`Putin/NNP/B-NP said/VBD/B-VP talks/NNS/B-NP failed/VBD/B-VP ././O || Kyiv/NNP/B-NP denied/VBD/B-VP that/IN/B-SBAR it/PRP/B-NP attacked/VBD/B-VP ././O`,
		[]string{
			`said[say past active] S=Putin R=failed`,
			`failed[fail past active] S=talks K=reported ^said`,
			`denied[deny past active] S=Kyiv R=attacked`,
			`attacked[attack past active] S=it K=reported M=that ^denied`,
		}},
}

func TestAnalyze(t *testing.T) {
	for _, tc := range cases {
		a := parse(t, tc.src)
		Analyze(a)
		var got []string
		for i := range a.Clauses {
			got = append(got, describe(a, i))
		}
		if *dump {
			t.Logf("%s\n\t%s", tc.name, strings.Join(got, "\n\t"))
		}
		checkInvariants(t, a)
		if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("%s:\n got:\n\t%s\nwant:\n\t%s", tc.name, strings.Join(got, "\n\t"), strings.Join(tc.want, "\n\t"))
		}
	}
}

// checkInvariants verifies what every analysis must satisfy: indexes in
// range, parents other than the clause itself, Reported pointing into
// a.Clauses at a clause whose Parent is the reporter.
func checkInvariants(t testing.TB, a *model.Analysis) {
	t.Helper()
	n := len(a.Tokens)
	okPhrase := func(p model.Phrase) bool {
		if !p.Present() {
			return true
		}
		return p.Start >= 0 && p.End <= n && p.Head >= p.Start && p.Head < p.End
	}
	index := map[*model.Clause]int{}
	for i := range a.Clauses {
		index[&a.Clauses[i]] = i
	}
	for i := range a.Clauses {
		c := &a.Clauses[i]
		s := a.Sentences[c.Sentence]
		if c.Start < s.TokenStart || c.End > s.TokenEnd || c.Start >= c.End {
			t.Errorf("clause %d: span [%d,%d) outside sentence [%d,%d)", i, c.Start, c.End, s.TokenStart, s.TokenEnd)
		}
		if !c.Verb.Present() || c.Verb.Start < c.Start || c.Verb.End > c.End || c.Verb.Lemma == "" {
			t.Errorf("clause %d: bad verb group %+v", i, c.Verb)
		}
		ps := append([]model.Phrase{c.Subject, c.Agent}, c.Objects...)
		ps = append(ps, c.Conj...)
		for _, p := range c.Preps {
			ps = append(ps, p.Object)
		}
		for _, ap := range c.Apposes {
			ps = append(ps, ap.Head, ap.Appos)
		}
		for _, p := range ps {
			if !okPhrase(p) {
				t.Errorf("clause %d: bad phrase %+v", i, p)
			}
		}
		if c.Parent == i || c.Parent < -1 || c.Parent >= len(a.Clauses) {
			t.Errorf("clause %d: bad parent %d", i, c.Parent)
		}
		if c.Reported != nil {
			j, ok := index[c.Reported]
			if !ok {
				j = -1
			}
			if j < 0 || a.Clauses[j].Parent != i || a.Clauses[j].Kind != KindReported {
				t.Errorf("clause %d: Reported is not a reported child (index %d)", i, j)
			}
		}
		if c.Marker < -1 || c.Marker >= n {
			t.Errorf("clause %d: bad marker %d", i, c.Marker)
		}
	}
}

func TestDebrisSkippedAndReanalysis(t *testing.T) {
	a := parse(t, "Also/RB/B-ADVP read/VB/B-VP || Putin/NNP/B-NP said/VBD/B-VP talks/NNS/B-NP failed/VBD/B-VP")
	a.Blocks = []model.Block{{Kind: model.BlockDebris}, {Kind: model.BlockParagraph}}
	a.Sentences[0].Block, a.Sentences[1].Block = 0, 1
	Analyze(a)
	if len(a.Clauses) != 2 || a.Clauses[0].Sentence != 1 || a.Clauses[1].Parent != 0 {
		t.Fatalf("clauses = %+v", a.Clauses)
	}
	Analyze(a) // running again replaces, never appends
	if len(a.Clauses) != 2 {
		t.Fatalf("second Analyze left %d clauses", len(a.Clauses))
	}
	checkInvariants(t, a)
	empty := &model.Analysis{}
	Analyze(empty)
	if len(empty.Clauses) != 0 {
		t.Error("clauses without tokens")
	}
	untagged := parse(t, "Putin/NNP said/VBD")
	for i := range untagged.Tokens {
		untagged.Tokens[i].POS = ""
	}
	Analyze(untagged)
	if len(untagged.Clauses) != 0 {
		t.Errorf("untagged tokens gave clauses: %+v", untagged.Clauses)
	}
}

func TestTaggerLemmaIsUsed(t *testing.T) {
	a := parse(t, "Officials/NNS/B-NP briefed/VBD/B-VP reporters/NNS/B-NP")
	a.Tokens[1].Lemma = "brief"
	Analyze(a)
	if len(a.Clauses) != 1 || a.Clauses[0].Verb.Lemma != "brief" {
		t.Fatalf("clauses = %+v", a.Clauses)
	}
	a.Tokens[1].Lemma = "custom"
	Analyze(a)
	if a.Clauses[0].Verb.Lemma != "custom" {
		t.Errorf("the token's lemma was not used: %q", a.Clauses[0].Verb.Lemma)
	}
}

// longSentence repeats a clause-rich pattern n times in one sentence.
func longSentence(n int) string {
	unit := "the/DT/B-NP official/NN/I-NP ,/,/O who/WP/B-NP spoke/VBD/B-VP to/TO/B-PP reporters/NNS/B-NP ,/,/O said/VBD/B-VP that/IN/B-SBAR talks/NNS/B-NP had/VBD/B-VP failed/VBN/I-VP and/CC/O "
	return strings.Repeat(unit, n) + "./././O"
}

func TestLongSentenceIsLinear(t *testing.T) {
	a := parse(t, longSentence(5000)) // 70,000 tokens in one sentence
	start := time.Now()
	Analyze(a)
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("a 70,000-token sentence took %v", d)
	}
	if len(a.Clauses) != 15000 {
		t.Errorf("%d clauses, want 15000", len(a.Clauses))
	}
	checkInvariants(t, a)
}

var fuzzPOS = []string{"NN", "NNS", "NNP", "NNPS", "PRP", "PRP$", "DT", "JJ", "JJR", "CD", "VB", "VBD", "VBZ", "VBP",
	"VBN", "VBG", "MD", "RB", "IN", "TO", "CC", "WDT", "WP", "WRB", ",", ".", ":", "``", "''", "POS", "RP", "EX"}
var fuzzChunk = []string{"B-NP", "I-NP", "B-VP", "I-VP", "B-PP", "I-PP", "B-SBAR", "B-ADJP", "I-ADJP", "B-ADVP", "B-PRT", "O", "", "I-X"}
var fuzzWord = []string{"that", "said", "by", "and", "who", ",", "not", "to", "if", "as", "the", "Putin", "of", "“", "between", "Friday"}

// FuzzAnalyze checks that any tag sequence yields well-formed clauses.
func FuzzAnalyze(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13})
	f.Add([]byte("said that the talks failed, officials said"))
	f.Fuzz(runFuzz)
}

func runFuzz(t *testing.T, data []byte) {
	if len(data) > 3000 {
		data = data[:3000]
	}
	a := &model.Analysis{}
	for i := 0; i+2 < len(data); i += 3 {
		w := fuzzWord[int(data[i])%len(fuzzWord)]
		a.Tokens = append(a.Tokens, model.Token{Text: w, POS: fuzzPOS[int(data[i+1])%len(fuzzPOS)],
			Chunk: fuzzChunk[int(data[i+2])%len(fuzzChunk)]})
	}
	// split into sentences of up to 17 tokens
	for s := 0; s < len(a.Tokens); s += 17 {
		e := min(s+17, len(a.Tokens))
		for k := s; k < e; k++ {
			a.Tokens[k].Sentence = len(a.Sentences)
		}
		a.Sentences = append(a.Sentences, model.Sentence{Block: -1, TokenStart: s, TokenEnd: e})
	}
	Analyze(a)
	checkInvariants(t, a)
}

// BenchmarkAnalyze runs the analysis over the table-test news sentences.
func BenchmarkAnalyze(b *testing.B) {
	var srcs []string
	for _, tc := range cases {
		srcs = append(srcs, tc.src)
	}
	a := parse(b, strings.Join(srcs, " || "))
	tokens := len(a.Tokens)
	Analyze(a) // warm the lemma tables
	b.ResetTimer()
	for b.Loop() {
		Analyze(a)
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// TestConcurrent analyses separate articles from many goroutines (run with -race).
func TestConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, tc := range cases[:10] {
				a := parse(t, tc.src)
				Analyze(a)
				if len(a.Clauses) != len(tc.want) {
					t.Errorf("%s: %d clauses", tc.name, len(a.Clauses))
				}
			}
		}()
	}
	wg.Wait()
}
