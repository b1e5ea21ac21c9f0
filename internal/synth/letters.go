package synth

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

var months = []string{"", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

// letterDoc is everything one letter states, and its era's own draws.
type letterDoc struct {
	c         council
	y         int // the business year reviewed: sent in y+1
	day       int
	who, role string
	v         int // picks the era's variants in turn
	r         *rand.Rand
	out       []string
}

func (l *letterDoc) w(lines ...string) { l.out = append(l.out, lines...) }

// para writes a paragraph, wrapped at width (not when 0), then a blank line.
func (l *letterDoc) para(width int, text string) {
	if width > 0 {
		l.w(wrap(text, width)...)
	} else {
		l.w(text)
	}
	l.w("")
}

// pick returns n of the paragraphs, in order.
func (l *letterDoc) pick(n int, paras []string) []string {
	skip := l.r.IntN(len(paras) - n + 1)
	return paras[skip : skip+n]
}

// initialled puts an initial after a recipient's title: "Ms R Patel".
func (l *letterDoc) initialled() string {
	title, name, _ := strings.Cut(l.who, " ")
	return fmt.Sprintf("%s %c %s", title, 'A'+rune(l.r.IntN(26)), name)
}

// letter writes the council's letter reviewing year y in era e. r is the
// corpus's generator (three draws, whatever the era); lr the letter's own.
func letter(r, lr *rand.Rand, e Era, c council, y, v int) (string, graph.Facts) {
	names := []string{"Ms Patel", "Mr Jones", "Mrs Okafor", "Dr Smith", "Ms O'Neill", "Mr Nowak"}
	roles := []string{"Chief Executive", "Interim Chief Executive", "Managing Director", "Head of Paid Service"}
	l := &letterDoc{c: c, y: y, v: v, r: lr}
	l.who = names[r.IntN(len(names))]
	l.day = 15 + r.IntN(14)
	l.role = roles[r.IntN(len(roles))]
	var month int
	var title, who string
	switch e {
	case Era2007:
		month, title, who = l.era2007()
	case Era2013:
		month, title, who = l.era2013()
	case Era2018:
		month, title, who = l.era2018()
	case Era2021:
		month, title, who = l.era2021()
	default:
		month, title, who = l.era2020()
	}
	slug := graph.Slug(c.name)
	return strings.TrimRight(strings.Join(l.out, "\n"), "\n") + "\n", graph.Facts{
		Document: graph.Document{Kind: graph.AnnualLetter, Title: title + " to " + c.name},
		Councils: []graph.Council{{Name: c.name, Slug: slug, Type: c.typ}},
		Letters: []graph.Letter{{CouncilSlug: slug, Date: fmt.Sprintf("%04d-%02d-%02d", y+1, month, l.day), Year: graph.Year{First: y},
			Recipient: who + " " + l.role, Title: title}},
	}
}

// formal returns the council's formal name, as the 2007 letters address
// it: "Borough Council of …" for a borough council, with curly
// apostrophes.
func formal(c council) string {
	name := c.name
	if place, ok := strings.CutSuffix(name, " Borough Council"); ok && !strings.HasSuffix(place, "Metropolitan") {
		name = "Borough Council of " + place
	}
	return strings.ReplaceAll(name, "'", "’")
}

var (
	ombudsmen2007 = []string{"J M Ashdown", "R T Pellow", "A C Varga"}
	paras2007     = []string{
		"This letter sets out what my office made of the complaints we received about the Council over the last twelve months, and what they suggest about how complaints are handled locally.",
		"The numbers are in the document attached to this letter, which is laid out differently from before. We would be glad to hear whether the new arrangement is easier to follow.",
		"Letters such as this go on our website, and to the Audit Commission, a month after they are sent. That leaves time to tell us of any mistake of fact, and a letter found wrong on a point that matters will be sent again.",
		"Members or officers who would like the letter talked through are welcome to ask for a visit from me or one of my staff.",
		"A copy will also reach you by email.",
	}
)

// era2007 writes the Local Government Ombudsman's "Annual Letter".
func (l *letterDoc) era2007() (int, string, string) {
	c, y := l.c, l.y
	who := l.initialled()
	title := fmt.Sprintf("Annual Letter %d/%02d", y, (y+1)%100)
	l.w(fmt.Sprintf("\t\t\t\t\t%d June %d", l.day, y+1), "")
	l.w(who, l.role, formal(c), fmt.Sprintf("DX %d", 10000+l.r.IntN(89999)), "")
	l.w(fmt.Sprintf("Our ref: %s/B%d/%s/%s", l.letters(3, 'A'), 1+l.r.IntN(4), initials(who), l.letters(3, 'a')),
		"(Please quote our reference when contacting us)", "")
	l.w("Dear "+l.who, "", title, "")
	for _, p := range l.pick(4, paras2007) {
		l.para(88, p)
	}
	short := c.place
	if len(short) > 19 {
		short = strings.TrimSpace(short[:19])
	}
	l.w("Yours sincerely", "", ombudsmen2007[l.r.IntN(len(ombudsmen2007))], "Local Government Ombudsman",
		fmt.Sprintf("LOCAL AUTHORITY REPORT - %-60sFor the period ending 31/03/%d", short, y+1), "")
	n := func() int { return l.r.IntN(20) }
	l.w("    Complaints received                 Benefits         Housing             Other        Planning &         Total",
		"    by subject area                                                                        building",
		"                                                                                           control", "")
	for k := 0; k < 3; k++ {
		label := fmt.Sprintf("%d / %d", y-k, y-k+1)
		if k == 0 {
			label = fmt.Sprintf("01/04/%d - 31/03/%d", y, y+1)
		}
		a, b, cc, d := n(), n(), n(), n()
		l.w(fmt.Sprintf("    %-36s%4d%16d%19d%15d%17d", label, a, b, cc, d, a+b+cc+d))
	}
	l.w("", "    Decisions            MI reps   LS    M reps   NM reps   No mal   Omb disc   Total",
		fmt.Sprintf("    01/04/%d - 31/03/%d   %d     %d      %d        %d        %d         %d          %d", y, y+1, 0, n(), 0, 0, n(), n(), 20+n()),
		"", fmt.Sprintf("    Average local authority response times 01/04/%d to 31/03/%d", y, y+1))
	return 6, title, who
}

var (
	paras2013 = []string{
		"For the last year every new complaint has come to us through a single assessment team, so some of the figures are counted differently from those in our earlier letters and are best compared with care.",
		"Your authority answered our enquiries promptly during the year, and nothing in its complaints calls for particular comment from me.",
		"We continue to offer training in complaint handling to council staff, from those at the front desk to complaints teams; the details are on our website.",
		"A count of complaints says little on its own about the quality of a service. How often we find fault, and how readily it is put right, says more.",
	}
	streets = []string{"Council Offices", "Town Hall", "Civic Centre", "Municipal Buildings"}
)

// letters returns n random letters from the alphabet starting at a.
func (l *letterDoc) letters(n int, a rune) string {
	var b strings.Builder
	for range n {
		b.WriteRune(a + rune(l.r.IntN(26)))
	}
	return b.String()
}

// initials returns the capital initials of a name's words.
func initials(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		if w[0] >= 'A' && w[0] <= 'Z' {
			b.WriteByte(w[0])
		}
	}
	return b.String()
}

// postcode invents a postcode.
func (l *letterDoc) postcode() string {
	return fmt.Sprintf("%c%c%d %d%c%c", 'A'+rune(l.r.IntN(26)), 'A'+rune(l.r.IntN(26)), 1+l.r.IntN(30), l.r.IntN(10),
		'A'+rune(l.r.IntN(26)), 'A'+rune(l.r.IntN(26)))
}

const lgoFooter = "Local Government Ombudsman, PO Box 4771, Coventry CV4 0EH"

// era2013 writes the Local Government Ombudsman's "Annual Review Letter".
func (l *letterDoc) era2013() (int, string, string) {
	c, y := l.c, l.y
	who := l.initialled()
	title := fmt.Sprintf("Annual Review Letter %d", y+1)
	month := 6
	l.w("Local Government", "OMBUDSMAN", "")
	if l.v%2 == 0 {
		month = 7
		pad := strings.Repeat(" ", 60)
		l.w(fmt.Sprintf("%sOur ref: DM/%s/%02d%02d", pad, initials(c.name), y%100, (y+1)%100),
			fmt.Sprintf("%sDate: %02d/07/%d", pad, l.day, y+1))
	} else {
		l.w(fmt.Sprintf("%d June %d", l.day, y+1))
	}
	l.w("", who, l.role)
	if head, ok := strings.CutSuffix(c.name, " Council"); ok && l.v%3 == 0 { // the name wrapped over two lines
		l.w(head, "Council")
	} else {
		l.w(c.name)
	}
	l.w(streets[l.r.IntN(len(streets))], fmt.Sprintf("%d High Street", 1+l.r.IntN(120)), c.place, l.postcode(), "")
	l.w("Dear "+l.who, "", title, "")
	l.para(86, fmt.Sprintf("I am writing with our annual summary of statistics on the complaints made to the Local Government Ombudsman (LGO) about your authority for the year ended 31 March %d. The table at the end of this letter sets out the numbers.", y+1))
	ps := l.pick(3, paras2013)
	l.para(86, ps[0])
	if l.v%2 == 1 {
		l.w("Page 1 of 2", lgoFooter, "Phone: 0300 061 0614   Web: www.lgo.org.uk", "")
	}
	l.para(86, ps[1])
	l.para(86, ps[2])
	l.w("Yours sincerely", "", "Dr Miriam Holt", "Local Government Ombudsman", "Chair, Commission for Local Administration in England", "")
	if l.v%2 == 1 {
		l.w("Page 2 of 2", lgoFooter)
	}
	l.w("Local Authority Report: "+c.name, fmt.Sprintf("For the period ending: 31/03/%d", y+1), "", "Complaints and enquiries received",
		"Adult care services   Benefits and tax   Education and children's services   Housing   Planning and development   Total")
	a, b, cc, d, e := l.r.IntN(15), l.r.IntN(15), l.r.IntN(15), l.r.IntN(15), l.r.IntN(15)
	l.w(fmt.Sprintf("%-22d%-19d%-36d%-10d%-27d%d", a, b, cc, d, e, a+b+cc+d+e), "", "Decisions made",
		"Upheld   Not upheld   Advice given   Closed after initial enquiries   Referred back for local resolution   Total")
	a, b, cc, d = l.r.IntN(12), l.r.IntN(12), l.r.IntN(12), l.r.IntN(12)
	l.w(fmt.Sprintf("%-9d%-13d%-15d%-33d%-37d%d", a, b, cc, d, 3, a+b+cc+d+3))
	return month, title, who
}

var paras2018 = []string{
	"A count of complaints shows how busy a complaints system is rather than how good the council behind it is. A council that welcomes feedback may see more complaints reach us, while one that sees very few might ask whether residents know how to complain.",
	"Beside the numbers, the tables show how often we upheld the complaints we looked into in detail, and how that compares with similar authorities.",
	"Later in the year we expect to publish our decisions and figures for every council in one place online, so that residents and members can find them easily.",
}

// era2018 writes the Local Government and Social Care Ombudsman's "Annual
// Review letter" of 2017 to 2019.
func (l *letterDoc) era2018() (int, string, string) {
	c, y := l.c, l.y
	title := fmt.Sprintf("Annual Review letter %d", y+1)
	l.w("Local Government &", "Social Care", "OMBUDSMAN", "", fmt.Sprintf("%d July %d", l.day, y+1), "", "By email", "",
		l.who, l.role, c.name, "", "Dear "+l.who, "", title, "")
	l.w("I write to you with our annual summary of statistics on the complaints made to the Local",
		"Government and Social Care Ombudsman (LGSCO) about your authority for the year ending")
	l.para(88, fmt.Sprintf("31 March %d. The tables at the end of this letter show how many complaints and enquiries we received about your authority, and what we decided.", y+1))
	l.w("Complaint statistics", "")
	for _, p := range paras2018 {
		l.para(88, p)
	}
	l.w("Yours sincerely", "", "Gareth Linden", "Local Government and Social Care Ombudsman", "Chair, Commission for Local Administration in England", "")
	l.w(c.name, fmt.Sprintf("For the period ending: 31/03/%d", y+1), "", "Complaints and enquiries received", "",
		"Adult Care   Benefits   Education   Housing   Planning   Other   Total",
		"Services     and Tax    and                   and",
		"                        Children's            Development")
	a, b, cc, d, e := l.r.IntN(10), l.r.IntN(10), l.r.IntN(10), l.r.IntN(10), l.r.IntN(10)
	l.w(fmt.Sprintf("%-13d%-11d%-12d%-10d%-11d%-8d%d", a, b, cc, d, e, 0, a+b+cc+d+e), "", "Decisions made                         Detailed Investigations",
		"Advice   Referred back   Closed After   Not       Upheld   Uphold   Total",
		"Given    for Local       Initial        Upheld             Rate",
		"         Resolution      Enquiries")
	up, not := 1+l.r.IntN(8), l.r.IntN(8)
	a, b, cc = l.r.IntN(6), l.r.IntN(12), l.r.IntN(10)
	l.w(fmt.Sprintf("%-9d%-16d%-15d%-10d%-9d%-9s%d", a, b, cc, not, up, fmt.Sprintf("%d%%", up*100/(up+not)), a+b+cc+up+not), "",
		"Notes", "We work out the uphold rate from the detailed investigations alone, not from every complaint we received.")
	return 7, title, l.who
}

// era2020 writes the 2020 letter as a web copy.
func (l *letterDoc) era2020() (int, string, string) {
	c, y := l.c, l.y
	title := fmt.Sprintf("Annual Review letter %d", y+1)
	l.w("Local Government & Social Care OMBUDSMAN", "", fmt.Sprintf("%d July %d", l.day, y+1), "", "By email", "",
		l.who+" "+l.role+" "+c.name, "", "Dear "+l.who, "", title, "")
	l.para(0, fmt.Sprintf("I write to you with our annual summary of statistics on the decisions made by the Local Government and Social Care Ombudsman about your authority for the year ending 31 March %d. It has been a demanding time for every council, and I hope these figures are still of use to %s as it plans ahead.", y+1, c.name))
	l.w("Complaint statistics", "")
	l.para(0, "We report three things about each council: how often we upheld the complaints we investigated, how often it carried out our recommendations, and how often it had already put things right before a complaint reached us. Each is set beside the average for similar authorities.")
	l.para(0, "The figures will be on our interactive map, <u>Your council's performance</u>, together with this letter; our <u>website</u> explains how to read")
	l.para(0, "them, and scrutiny members may find them a quick way to spot trends.")
	l.w("Help for your complaint handling", "")
	l.para(0, "Our courses on good complaint handling remain open to councils and care providers; see <u>www.lgo.org.uk/training</u>.")
	l.w("Yours sincerely,", "", "Gareth Linden Local Government and Social Care Ombudsman Chair, Commission for Local Administration in England")
	return 7, title, l.who
}

var paras2021 = []string{
	"Several of the complaints we saw this year had waited a long time for the Council's final response. Senior officers may want to look at how long its own process takes.",
	"We are working with the Housing Ombudsman on a shared code for handling complaints, and will write again as it takes shape.",
	"Our guidance for members on scrutinising complaints is free on our website, and our training is now given online.",
	"I am copying this letter to the Leader of the Council and to the chair of the committee that scrutinises complaints.",
}

// era2021 writes the letter of 2021 to 2025, as a PDF copy or a web copy.
func (l *letterDoc) era2021() (int, string, string) {
	c, y := l.c, l.y
	title := fmt.Sprintf("Annual Review letter %d", y+1)
	pdf := l.v%2 == 0
	month := 7
	if y+1 >= 2025 {
		month = 5
	}
	if pdf {
		l.w("Local Government & Social Care", "OMBUDSMAN", "PO Box 4771", "Coventry", "CV4 0EH", "0300 061 0614", "www.lgo.org.uk", "")
	} else {
		l.w("Local Government & Social Care OMBUDSMAN", "")
	}
	l.w(fmt.Sprintf("%d %s %d", l.day, months[month], y+1), "", "By email", "", l.who)
	if head, tail, ok := strings.Cut(l.role, " Paid "); pdf && ok { // a role wrapped
		l.w(head+" Paid", tail)
	} else {
		l.w(l.role)
	}
	l.w(c.name, "", "Dear "+l.who, "", title, "")
	width := 0
	if pdf {
		width = 86
		l.w("I write to you with your annual summary of complaint statistics from the Local Gov-",
			"ernment and Social Care Ombudsman for the year ending 31 March")
		l.para(width, fmt.Sprintf("%d. The figures say something about how the Council treats complaints, and I hope its members and officers find them useful.", y+1))
	} else {
		l.para(0, fmt.Sprintf("I write to you with your annual summary of complaint statistics from the Local Government and Social Care Ombudsman for the year ending 31 March %d. The figures say something about how the Council treats complaints, and I hope its members and officers find them useful.", y+1))
	}
	ps := l.pick(3, paras2021)
	l.w("Your organisation's performance", "")
	l.para(width, ps[0])
	if pdf {
		l.w("Local Government & Social Care Ombudsman" + strings.Repeat(" ", 38) + "2")
	}
	l.w("Supporting complaint and service improvement", "")
	l.para(width, ps[1])
	l.para(width, ps[2])
	ombudsman, chair := "Local Government and Social Care Ombudsman", "Chair, Commission for Local Administration in England"
	name := "Gareth Linden"
	switch {
	case y+1 == 2023:
		name, ombudsman, chair = "Simon Ayre", "Interim "+ombudsman, "Interim "+chair
	case y+1 > 2023:
		name = "Nadia Ferrow"
	}
	l.w("Yours sincerely,", "", name, ombudsman, chair)
	if pdf {
		l.w(strings.Repeat(" ", 78) + "Page 2 of 2")
	}
	return month, title, l.who
}
