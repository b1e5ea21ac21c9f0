// Package synth generates a synthetic corpus in the real formats of the three
// kinds of document (council performance pages, annual review letters and
// news articles), deterministically from a seed, so that every feature can be
// measured at the size of England: about 317 councils over 10 years. Pages
// come in every layout the Ombudsman's site has had and every shape a copy of
// it takes ([Layouts]), letters in every era ([Eras]); each states its facts
// in its layout's own template sentences, with prose of our own elsewhere,
// and [GenerateWithFacts] says what those facts are.
package synth

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

// Options say how much to generate.
type Options struct {
	// Councils and Years say how many councils, and how many business years
	// ending with LastYear.
	Councils, Years int
	// LastYear is the first calendar year of the latest business year.
	LastYear int
	// CasesPerPage is the average number of cases a council page lists.
	CasesPerPage int
	// Seed makes the corpus: the same options give the same bytes.
	Seed uint64
	// Layout is the layout every council page is written in; Mix (or "")
	// writes each council's pages in every layout in turn.
	Layout Layout
	// Era is the era every annual letter is written in; Mix (or "") writes
	// each council's letters in every era in turn.
	Era Era
}

// England is the size of England: 317 councils over 10 years, about 100,000
// cases and 200,000 improvements, in every layout and era.
var England = Options{Councils: 317, Years: 10, LastYear: 2024, CasesPerPage: 32, Seed: 1, Layout: Mix, Era: Mix}

// Mix is the layout and era that rotates through all the others, so that a
// corpus has each of them about equally often.
const Mix = "mix"

// Document is one generated document.
type Document struct {
	Name string
	Text string
}

// council is a generated council.
type council struct {
	name, place, alias string
	typ                graph.AuthorityType
	population         float64 // thousands of residents
}

var (
	stems   = []string{"Ash", "Brook", "Castle", "Dun", "Elm", "Fair", "Glen", "Hart", "Ink", "Kings", "Lang", "Marl", "North", "Oak", "Pen", "Queens", "Red", "Stan", "Thorn", "Under", "Wal", "West", "Whit", "Yar", "Ald", "Bram", "Chel", "Dor", "Ever", "Fen"}
	endings = []string{"ford", "ton", "ham", "bury", "field", "ley", "worth", "mere", "wick", "combe", "stead", "by"}
	shires  = []string{"shire"}
)

// councils makes n councils with distinct names across every authority type,
// some with apostrophes and two-word places.
func councils(r *rand.Rand, n int) []council {
	seen := map[string]bool{}
	var out []council
	for i := 0; len(out) < n; i++ {
		place := stems[r.IntN(len(stems))] + endings[r.IntN(len(endings))]
		switch i % 9 {
		case 3:
			place += " and " + stems[r.IntN(len(stems))] + endings[r.IntN(len(endings))]
		case 7:
			place = "St " + place + "'s"
		}
		var c council
		switch i % 5 {
		case 0:
			c = council{name: place + shires[0] + " County Council", place: place + shires[0], typ: graph.CountyCouncil, population: 600 + r.Float64()*900}
			c.alias = place[:min(len(place), 4)] + "s"
		case 1:
			c = council{name: place + " District Council", place: place, typ: graph.DistrictCouncil, population: 60 + r.Float64()*90}
			if r.IntN(2) == 0 {
				c.name = place + " Borough Council"
			}
		case 2:
			c = council{name: place + " Metropolitan Borough Council", place: place, typ: graph.MetropolitanBorough, population: 200 + r.Float64()*300}
		case 3:
			c = council{name: place + " Council", place: place, typ: graph.UnitaryCouncil, population: 150 + r.Float64()*250}
		case 4:
			c = council{name: "London Borough of " + place, place: place, typ: graph.LondonBorough, population: 180 + r.Float64()*200}
		}
		if seen[graph.Slug(c.name)] || strings.HasPrefix(c.name, "St ") && c.typ == graph.CountyCouncil {
			continue
		}
		seen[graph.Slug(c.name)] = true
		out = append(out, c)
	}
	return out
}

// Generate returns the corpus the options describe: per council and year a
// performance page, an annual review letter and a news article.
func Generate(o Options) []Document {
	docs, _ := generate(o, false)
	return docs
}

// GenerateWithFacts returns the corpus the options describe and, for each
// document, the facts it states: what the loader must read from it. Facts
// carry no provenance (no spans, no document text), and a news article's
// facts are only its document's name and kind (its claims are not listed).
func GenerateWithFacts(o Options) ([]Document, []graph.Facts) {
	return generate(o, true)
}

func generate(o Options, withFacts bool) ([]Document, []graph.Facts) {
	r := rand.New(rand.NewPCG(o.Seed, o.Seed^0x9e3779b97f4a7c15))
	cs := councils(r, o.Councils)
	taken := map[string]bool{}
	for _, c := range cs {
		taken[graph.Slug(c.name)] = true
	}
	first := o.LastYear - o.Years + 1
	// Similar-authority averages per type and year.
	avg := map[string]stats{}
	for _, t := range graph.AuthorityTypes {
		for y := first; y <= o.LastYear; y++ {
			avg[fmt.Sprint(t, y)] = stats{upheld: 60 + r.Float64()*30, per100k: 1 + r.Float64()*5, compliance: 95 + r.Float64()*5, remedy: 2 + r.Float64()*12}
		}
	}
	var docs []Document
	var facts []graph.Facts
	add := func(d Document, f graph.Facts) {
		docs = append(docs, d)
		if withFacts {
			f.Document.Name = d.Name
			facts = append(facts, f)
		}
	}
	serial := map[int]int{} // case numbers per year prefix
	for ci, c := range cs {
		var reports []report
		for y := first; y <= o.LastYear; y++ {
			a := avg[fmt.Sprint(c.typ, y)]
			st := councilStats(r, c, a)
			for k := r.IntN(3); k > 0 && r.IntN(3) == 0; k-- {
				reports = append(reports, newReport(r, c, y))
			}
			cases := make([]caseDoc, 0, o.CasesPerPage)
			for k := r.IntN(o.CasesPerPage*2 + 1); k > 0; k-- {
				yy := y
				if r.IntN(4) == 0 && y > first {
					yy = y - 1 // pages list cases received the year before too
				}
				serial[yy]++
				cases = append(cases, newCase(r, yy, serial[yy]))
			}
			// Layouts draw from a generator of their own, so that every
			// layout and era states the same facts from the same seed.
			k := y - first
			pd := pageDoc{c: c, ci: ci, y: y, s: st, a: a, reports: reports, cases: cases, taken: taken,
				r: rand.New(rand.NewPCG(o.Seed^uint64(ci+1)*0x9e3779b97f4a7c15, uint64(y)))}
			pd.overview()
			slug := graph.Slug(c.name)
			text, pf := pd.write(pickLayout(o.Layout, ci+k))
			add(Document{fmt.Sprintf("pages/%s-%d.txt", slug, y), text}, pf)
			lr := rand.New(rand.NewPCG(o.Seed^uint64(ci+1)*0xbf58476d1ce4e5b9, uint64(y)))
			text, lf := letter(r, lr, pickEra(o.Era, ci+2*k), c, y, ci+y)
			add(Document{fmt.Sprintf("letters/%s-%d.txt", slug, y), text}, lf)
			add(Document{fmt.Sprintf("news/%s-%d-%d.txt", slug, y, ci), article(r, c, y, st, a)},
				graph.Facts{Document: graph.Document{Kind: graph.NewsArticle}})
		}
	}
	return docs, facts
}

type stats struct {
	investigations, upheldN, outcomes, remedyN int
	upheld, per100k, compliance, remedy        float64
	// The 2024-25 overview's counts: dealt with, of which not for the
	// Ombudsman, assessed and closed, and investigated.
	dealt, notForUs, assessed int
}

func councilStats(r *rand.Rand, c council, a stats) stats {
	s := stats{investigations: 1 + r.IntN(int(c.population/6)+2)}
	s.upheldN = int(math.Round(float64(s.investigations) * (a.upheld + r.NormFloat64()*8) / 100))
	s.upheldN = max(0, min(s.investigations, s.upheldN))
	s.upheld = math.Round(float64(s.upheldN) / float64(s.investigations) * 100)
	s.per100k = math.Round(float64(s.upheldN)/c.population*100*10) / 10
	s.outcomes = max(1, s.upheldN-r.IntN(3))
	s.compliance = math.Round(min(100, a.compliance+r.NormFloat64()*2))
	s.remedyN = r.IntN(max(1, s.upheldN/6) + 1)
	if s.upheldN > 0 {
		s.remedy = math.Round(float64(s.remedyN) / float64(s.upheldN) * 100)
	}
	return s
}

func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

func pct(f float64) string { return fmt.Sprintf("%g%%", math.Round(f)) }

// rate writes a rate per 100,000 residents to one decimal place, as an
// integer when it is one ("2", "5.6").
func rate(f float64) string { return strconv.FormatFloat(round1(f), 'f', -1, 64) }

func round1(f float64) float64 { return math.Round(f*10) / 10 }

func period(y int) string {
	return fmt.Sprintf("for the period between 1 April %d to 31 March %d", y, y+1)
}

var numberWords = []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"}

// article writes a news article: about the council, under its alias or as
// "the county council" where it has them, with claims that agree with the
// statistics or not.
func article(r *rand.Rand, c council, y int, s, a stats) string {
	label := fmt.Sprintf("%d/%02d", y, (y+1)%100)
	short := c.name
	if c.alias != "" && r.IntN(2) == 0 {
		short = c.alias + " Council"
	}
	claimed := s.upheld
	if r.IntN(4) == 0 {
		claimed = math.Round(s.upheld + 5 + r.Float64()*10) // a claim that differs
	}
	remedy := fmt.Sprintf("%g per cent", s.remedy)
	if s.remedy < float64(len(numberWords)) {
		remedy = numberWords[int(s.remedy)] + " per cent"
	}
	topic := []string{
		"special educational needs and EHC plans", "school transport", "temporary accommodation",
		"adult social care charging", "its complaints procedure", "domestic abuse cases",
	}[r.IntN(6)]
	money := []string{"£%d,%03d", "more than £%d,%03d", "nearly £%d,%03d"}[r.IntN(3)]
	paid := fmt.Sprintf(money, 1+r.IntN(40), r.IntN(1000))
	if r.IntN(8) == 0 {
		paid = fmt.Sprintf("£%d.%dm", 1+r.IntN(3), r.IntN(10))
	}
	generic := ""
	if c.typ == graph.CountyCouncil {
		generic = " The county council said it would learn from the findings."
	}
	return fmt.Sprintf(`%s criticised over %s

%s had %g per cent of complaints upheld in %s, against an average of %g per cent among similar councils.%s

In %s of upheld cases the council had already provided a satisfactory remedy.

The watchdog told it to pay %s to families after failures in %s.

Residents in %s said they wanted faster answers.`,
		short, topic, c.name, claimed, label, math.Round(a.upheld), generic, remedy, paid, topic, c.place)
}

type report struct{ title, summary string }

func newReport(r *rand.Rand, c council, y int) report {
	subjects := []string{"left a disabled boy without suitable education", "failed to secure the provision in an EHC plan",
		"kept a family in unsuitable temporary accommodation", "charged a woman for care she did not receive",
		"did not investigate a safeguarding concern", "delayed a young carer's assessment"}
	subj := subjects[r.IntN(len(subjects))]
	return report{
		title:   fmt.Sprintf("%s %s, Ombudsman finds (%d)", c.place, subj, y),
		summary: fmt.Sprintf("%s %s, the Local Government and Social Care Ombudsman has found.", c.name, subj),
	}
}

type caseDoc struct {
	ref, category, sub string
	improvements       []string
}

var categories = []struct {
	name string
	subs []string
}{
	{"Education", []string{"Special educational needs", "School transport", "Alternative provision", "Admissions", "Other"}},
	{"Adult care services", []string{"Assessment and care plan", "Charging", "Residential care", "Safeguarding", "Transport", "Direct payments"}},
	{"Children's care services", []string{"Child protection", "Disabled children", "Looked after children", "Other"}},
	{"Housing", []string{"Homelessness", "Allocations", "Other"}},
	{"Benefits and tax", []string{"Council tax", "Housing benefit and council tax reduction"}},
	{"Highways and transport", []string{"Parking penalties", "Highway repair and maintenance"}},
	{"Corporate and other services", []string{"Complaint handling", "Other"}},
}

var actions = []string{
	"The Council will remind relevant staff of %s.",
	"The Council agreed to review how it handles %s and report back to the Ombudsman.",
	"Provide training to staff on %s.",
	"The Council will update its procedure on %s and provide evidence to the Ombudsman that it has done so.",
	"The Council will apologise to Mrs X and pay her £%d for the distress caused by delays in %s.",
	"The Council will send a reminder to officers dealing with %s about keeping clear records.",
	"• Share this decision with staff dealing with %s• Issue a bulletin to relevant teams.",
}

var subjects = map[string][]string{
	"Special educational needs": {"issuing EHC plans within 20 weeks", "annual reviews of Education, Health and Care plans", "securing the special educational provision in a plan"},
	"School transport":          {"home to school transport appeals", "school transport eligibility"},
	"Alternative provision":     {"its section 19 duty to children out of school", "part-time timetables"},
	"Homelessness":              {"temporary accommodation suitability reviews", "its homelessness relief duty"},
	"Charging":                  {"financial assessments for care charges", "deferred payment agreements"},
	"Assessment and care plan":  {"care and support plans", "carer's assessments"},
	"Safeguarding":              {"safeguarding enquiries under section 42 of the Care Act", "domestic abuse referrals"},
}

func newCase(r *rand.Rand, y, n int) caseDoc {
	cat := categories[r.IntN(len(categories))]
	sub := cat.subs[r.IntN(len(cat.subs))]
	k := caseDoc{ref: fmt.Sprintf("%02d %03d %03d", y%100, n/1000%1000, n%1000), category: cat.name, sub: sub}
	topics := subjects[sub]
	if topics == nil {
		topics = []string{"complaints within the statutory timescales", "communication with residents", "record keeping"}
	}
	for i := 1 + r.IntN(3); i > 0; i-- {
		topic := topics[r.IntN(len(topics))]
		text := actions[r.IntN(len(actions))]
		if strings.Contains(text, "£%d") {
			k.improvements = append(k.improvements, fmt.Sprintf(text, 100+r.IntN(20)*50, topic))
		} else {
			k.improvements = append(k.improvements, fmt.Sprintf(text, topic))
		}
	}
	return k
}
