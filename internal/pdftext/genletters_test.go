package pdftext_test

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math/rand/v2"

	"github.com/go-pdf/fpdf"
)

// letter2007 is an "Annual Letter" of the three regional Ombudsmen: the
// date set right, the council's formal name, a DX address and a reference
// before "Dear", no year but the title's, and the statistics report on a
// page of its own, its header and its period on one line.
func letter2007([]byte) (fixture, error) {
	b := newBuilder(whole, nil)
	b.font("Times", "", 12)
	b.leading = 14.5
	b.newPage()
	b.y = 110
	b.right("19 June 2007")
	b.gap()
	b.gap()
	b.line("Mr K Ashdown")
	b.line("Chief Executive")
	b.line("Borough Council of Wellingborough")
	b.line("DX 12801")
	b.gap()
	b.line("Our ref: TR/B2/KA/mjw")
	b.line("(Please quote our reference when contacting us)")
	b.gap()
	b.line("Dear Mr Ashdown")
	b.gap()
	b.font("Times", "B", 12)
	b.line("Annual Letter 2006/07")
	b.font("Times", "", 12)
	b.gap()
	b.para("Each year I write to every council with a short account of the complaints my office has received about it, and of what those complaints tell me about the Council’s own handling of them. This is that letter for the past year.")
	b.para("You will see that the statistics have moved into a separate report at the end of this letter. I would be glad to know whether members find the new arrangement easier to use than the old one.")
	b.para("The letter will go on our website, www.lgo.org.uk, four weeks after you receive it, and a copy will go to the Audit Commission at the same time. If you think anything in it is wrong as a matter of fact, please tell me within that period so that it can be put right before it is published.")
	b.para("I or one of my senior staff would be happy to meet members or officers to go through the letter. An electronic copy will reach you separately.")
	b.line("Yours sincerely")
	b.gap()
	b.gap()
	b.line("T Rainsford")
	b.line("Local Government Ombudsman")

	b.newPage()
	b.font("Times", "", 9)
	b.leading = 12
	b.y = 60
	left, right := "LOCAL AUTHORITY REPORT - Wellingborough", "For the period ending 31/03/2007"
	b.put(40, b.y, left, 0)
	b.put(pageW-40-b.width(right), b.y, right, 0)
	b.page = append(b.page, left+"   "+right)
	b.y += 2 * b.leading
	xs := []float64{40, 170, 220, 270, 320, 380, 440, 500}
	b.row(xs, "Complaints received", "Benefits", "Housing", "Other", "Planning &", "Public", "Transport", "Total")
	b.row(xs, "by subject area", "", "", "", "building", "finance inc.", "and", "")
	b.row(xs, "", "", "", "", "control", "local taxation", "highways", "")
	b.gap()
	b.row(xs, "01/04/2006 - 31/03/2007", "5", "2", "4", "11", "1", "2", "25")
	b.row(xs, "2005 / 2006", "3", "4", "6", "9", "2", "1", "25")
	b.row(xs, "2004 / 2005", "4", "1", "5", "13", "0", "3", "26")
	b.gap()
	xd := []float64{40, 150, 190, 220, 260, 300, 340, 385, 440, 500}
	b.row(xd, "Decisions", "MI reps", "LS", "M reps", "NM reps", "No mal", "Omb disc", "Outside", "Total excl", "Total")
	b.row(xd, "", "", "", "", "", "", "", "jurisdiction", "premature", "")
	b.row(xd, "01/04/2006 - 31/03/2007", "0", "4", "0", "0", "8", "5", "2", "19", "24")
	b.row(xd, "2005 / 2006", "0", "3", "0", "1", "7", "6", "3", "20", "26")
	b.gap()
	xr := []float64{40, 220, 380}
	b.row(xr, "Response times", "FIRST ENQUIRIES", "")
	b.row(xr, "", "No. of First Enquiries", "Avg no. of days to respond")
	b.row(xr, "01/04/2006 - 31/03/2007", "12", "22.6")
	b.row(xr, "2005 / 2006", "15", "26.4")
	b.gap()
	b.row(xr, "Average local authority response times 01/04/2006 to 31/03/2007", "", "")
	xa := []float64{40, 220, 310, 400}
	b.row(xa, "Types of authority", "<= 28 days", "29 - 35 days", "> = 36 days")
	b.row(xa, "District Councils", "58", "23", "19")
	b.row(xa, "Unitary Authorities", "47", "30", "23")
	b.row(xa, "County Councils", "51", "33", "16")
	return b.fixture("letter-2007-wellingborough")
}

// letter2013 is an "Annual Review Letter" of 2013: a reference and a
// numeric date set right, a postal address after the council, "year ended"
// wrapped before its year, and the statistics on a landscape page, turned
// on a portrait one. It is encrypted, as many downloads are, but opens
// without a password: the owner's password only restricts editing.
func letter2013([]byte) (fixture, error) {
	b := newBuilder(whole, nil)
	b.f.SetProtection(fpdf.CnProtectPrint|fpdf.CnProtectCopy, "", "lgo-owner-2013")
	b.font("Helvetica", "", 11)
	b.newPage()
	b.y = 60
	b.font("Helvetica", "B", 10)
	b.line("Local Government")
	b.font("Helvetica", "B", 16)
	b.y += 4
	b.line("OMBUDSMAN")
	b.font("Helvetica", "", 10)
	b.y += 10
	b.right("Our ref: RC/LAN/1213")
	b.right("Date: 16/07/2013")
	b.font("Helvetica", "", 11)
	b.gap()
	for _, l := range []string{"Ms R Whitfield", "Chief Executive", "Lancaster City Council", "Town Hall", "Dalton Square", "Lancaster", "LA1 1PJ"} {
		b.line(l)
	}
	b.gap()
	b.line("Dear Ms Whitfield")
	b.gap()
	b.heading("Annual Review Letter 2013")
	b.gap()
	b.para("I am writing with our annual summary of statistics on the complaints made to the Local Government Ombudsman (LGO) about your authority for the year ended 31 March\n2013. The figures are in the report attached to this letter.")
	b.para("Last April we brought every new complaint through a single assessment team before deciding whether to investigate it. For that reason the figures are not a like-for-like match with those we sent you in earlier years.")
	b.para("I have no concerns about how quickly the Council answered our enquiries this year, and no particular issues arise from its complaints that I need to draw to your attention.")
	b.line("Yours sincerely")
	b.gap()
	b.line("Dr Ruth Calloway")
	b.line("Local Government Ombudsman")
	b.line("Chair, Commission for Local Administration in England")

	// The report, on a landscape page: drawn turned a quarter anticlockwise,
	// so that it reads across the page's height.
	b.newPage()
	b.f.RawWriteStr(fmt.Sprintf("q 0 1 -1 0 %.2f 0 cm", pageW))
	b.yShift = pageH - pageW
	b.y = 60
	b.font("Helvetica", "B", 11)
	b.line("Local Authority Report: Lancaster City Council")
	b.line("For the period ending: 31/03/2013")
	b.font("Helvetica", "", 9)
	b.leading = 12
	b.gap()
	b.line("Complaints and enquiries received")
	xs := []float64{72, 150, 230, 330, 440, 520, 590, 650, 730}
	b.row(xs, "Adult care", "Benefits and", "Corporate and", "Education and", "Environmental", "Highways and", "Housing", "Planning and", "Total")
	b.row(xs, "services", "tax", "other services", "children’s services", "services", "transport", "", "development", "")
	b.row(xs, "3", "8", "2", "5", "4", "2", "6", "11", "41")
	b.gap()
	b.line("Decisions made")
	xd := []float64{72, 210, 340, 470, 560, 650, 730}
	b.row(xd, "Not enough evidence", "No or minor injustice", "Injustice remedied", "Outside", "Premature", "Advice", "Total")
	b.row(xd, "of fault", "& Other", "during enquiries", "jurisdiction", "", "given", "")
	b.row(xd, "7", "3", "4", "5", "12", "6", "37")
	b.f.RawWriteStr("Q")
	return b.fixture("letter-2013-lancaster")
}

// letter2015 is an "Annual Review Letter" of 2015 over two pages: each
// page's footer, with the Ombudsman's address, drawn before the page's text;
// the council's name wrapped over two lines; a postal address; and the
// statistics report after the signature, its column headings wrapped.
func letter2015([]byte) (fixture, error) {
	b := newBuilder(whole, nil)
	b.font("Helvetica", "", 11)
	b.newPage()
	foot := func(n int) {
		b.footerAt(fmt.Sprintf("Page %d of 2", n),
			"Local Government Ombudsman, PO Box 4771, Coventry CV4 0EH",
			"Phone: 0300 061 0614   Web: www.lgo.org.uk   Twitter: @LGOmbudsman")
	}
	foot(1)
	b.letterhead("Local Government", "OMBUDSMAN")
	b.line("23 June 2015")
	b.gap()
	for _, l := range []string{"Mr P Okonedo", "Chief Executive", "Newcastle-under-Lyme Borough", "Council", "Civic Offices", "Merrial Street", "Newcastle-under-Lyme", "ST5 2AG"} {
		b.line(l)
	}
	b.gap()
	b.line("Dear Mr Okonedo")
	b.gap()
	b.heading("Annual Review Letter 2015")
	b.gap()
	b.para("I am writing with our annual summary of statistics on the complaints made to the Local Government Ombudsman (LGO) about your authority for the year ended 31 March 2015. This year’s statistics can be found in the table attached.")
	b.para("The numbers tell you how many people came to us and what we decided, but not, by themselves, how well the Council treats its residents. I would look first at how often we found fault, and at how quickly the Council agreed to put matters right when we did.")
	b.heading("Uphold rates")
	b.para("This is the second year in which our decisions are recorded as upheld or not upheld. The table shows, for the complaints we investigated in detail, the share that we upheld, and I hope members will look at it alongside the Council’s own complaint records.")
	b.heading("Our new training offer")
	b.para("We have refreshed our courses on good complaint handling for front-line staff and for complaints teams, and more dates are available this autumn. Details are on our website.")
	b.newPage()
	foot(2)
	b.line("Yours sincerely")
	b.gap()
	b.gap()
	b.line("Dr Miriam Ashcombe")
	b.line("Local Government Ombudsman")
	b.line("Chair, Commission for Local Administration in England")
	b.gap()
	b.gap()
	b.font("Helvetica", "B", 11)
	b.line("Local Authority Report: Newcastle-under-Lyme Borough Council")
	b.line("For the period ending: 31/03/2015")
	b.font("Helvetica", "", 9)
	b.leading = 12
	b.gap()
	b.line("Complaints and enquiries received")
	xs := []float64{72, 122, 167, 212, 262, 322, 372, 417, 467, 512}
	b.row(xs, "Adult care", "Benefits", "Corporate", "Education", "Environmental", "Highways", "Housing", "Planning", "Other", "Total")
	b.row(xs, "services", "and tax", "and other", "and", "services", "and", "", "and", "", "")
	b.row(xs, "", "", "services", "children’s", "", "transport", "", "development", "", "")
	b.row(xs, "6", "9", "4", "8", "5", "3", "7", "12", "1", "55")
	b.gap()
	b.line("Decisions made")
	xd := []float64{72, 122, 172, 222, 292, 362, 452}
	b.row(xd, "Upheld", "Not", "Advice", "Closed after", "Incomplete/", "Referred back", "Total")
	b.row(xd, "", "upheld", "given", "initial", "invalid", "for local", "")
	b.row(xd, "", "", "", "enquiries", "", "resolution", "")
	b.row(xd, "7", "9", "3", "14", "2", "19", "54")
	return b.fixture("letter-2015-newcastle-under-lyme")
}

// letter2021 is a letter of 2021 as Word writes it: an embedded Unicode
// font, every word of a justified line placed on its own with no space
// characters, bold headings, the recipient over three lines, and "Page 1
// of 2" footers.
func letter2021(font []byte) (fixture, error) {
	b := newBuilder(words, font)
	b.font("DejaVu", "", 10.5)
	b.newPage()
	b.letterhead("Local Government &", "Social Care", "OMBUDSMAN")
	b.line("20 July 2021")
	b.gap()
	b.line("By email")
	b.gap()
	b.line("Mr Tremlett")
	b.line("Chief Executive")
	b.line("Wiltshire Council")
	b.gap()
	b.line("Dear Mr Tremlett")
	b.gap()
	b.heading("Annual Review letter 2021")
	b.gap()
	b.para("I write to you with your annual summary of complaint statistics from the Local Government and Social Care Ombudsman for the year ending 31 March 2021. As these figures say something about how the Council responds to complaints, I am also sending this letter to the Leader of the Council and to the chair of the scrutiny committee that looks at complaints.")
	b.heading("The pandemic and our figures")
	b.para("Between late March and June 2020 we stopped accepting new complaints and paused our casework, so that councils could put their effort into the emergency. The figures for the year are lower than usual because of that, and they are not a fair comparison with earlier years.")
	b.heading("Complaint statistics")
	b.para("We upheld 61% of the complaints we investigated about the Council this year, against an average of 67% in similar authorities. We were satisfied the Council had carried out our recommendations in 100% of cases. In 12% of upheld cases we found the Council had already provided a satisfactory remedy before the complaint reached us.")
	b.footerAt("Page 1 of 2")
	b.newPage()
	b.heading("Supporting complaint and service improvement")
	b.para("Our courses for council staff, including a new course on handling complaints about children’s services, have moved online and can be booked through our website.")
	b.line("Yours sincerely,")
	b.gap()
	b.line("Michael Dunmore")
	b.line("Local Government and Social Care Ombudsman")
	b.line("Chair, Commission for Local Administration in England")
	b.footerAt("Page 2 of 2")
	return b.fixture("letter-2021-wiltshire")
}

// letter2024 is a letter of 2024 typeset with kerning: each line one TJ
// array with no space characters. Its letterhead and office address are
// drawn after the text below them; the recipient's role is wrapped; a word
// is hyphenated at the end of a line; the date of the year it reviews is
// wrapped; and its second page has a running header with the page number.
func letter2024([]byte) (fixture, error) {
	b := newBuilder(kerned, nil)
	b.font("Helvetica", "", 11)
	b.newPage()
	b.y = 220 // below the letterhead, drawn last
	b.line("11 July 2024")
	b.gap()
	b.line("By email")
	b.gap()
	for _, l := range []string{"Ms Adeyemi", "Chief Executive and Head of Paid", "Service", "Sefton Metropolitan Borough Council"} {
		b.line(l)
	}
	b.gap()
	b.line("Dear Ms Adeyemi")
	b.gap()
	b.heading("Annual Review letter 2024")
	b.gap()
	b.lines("I write to you with your annual summary of complaint statistics from the Local Gov-\nernment and Social Care Ombudsman for the year ending 31 March\n2024. The figures give an insight into the Council’s approach to complaints, and I have copied this letter to the Leader of the Council and to the chair of the relevant scrutiny committee.", true)
	b.gap()
	b.heading("Your organisation’s performance")
	b.para("We investigated 38 complaints about the Council during the year and upheld 29 of them. That is an uphold rate of 76%, compared with an average of 80% in similar authorities. Adjusted for population, this is 10.5 upheld decisions per 100,000 residents.")
	body := b.page
	b.page = nil
	b.letterhead("Local Government &", "Social Care", "OMBUDSMAN")
	b.font(b.family, "", 9)
	for _, l := range []string{"PO Box 4771", "Coventry", "CV4 0EH", "0300 061 0614", "www.lgo.org.uk"} {
		b.y -= 4
		b.right(l)
	}
	b.font(b.family, "", 11)
	b.page = append(append(b.page, ""), body...)
	b.newPage()
	b.y = 50
	b.font(b.family, "", 9)
	b.spread("Local Government & Social Care Ombudsman", "2", textW)
	b.font(b.family, "", 11)
	b.y = 80
	b.para("We were satisfied the Council had carried out our recommendations in 97% of cases. In 6% of upheld cases the Council had already provided a satisfactory remedy before the complaint reached us.")
	b.heading("Complaint Handling Code")
	b.para("Our joint code with the Housing Ombudsman sets out what good complaint handling looks like. We will take it into account in our casework from April 2026, and I would urge the Council to prepare for it now.")
	b.line("Yours sincerely,")
	b.gap()
	b.line("Zainab Whitlow")
	b.line("Local Government and Social Care Ombudsman")
	b.line("Chair, Commission for Local Administration in England")
	b.footerAt("Page 2 of 2")
	return b.fixture("letter-2024-sefton")
}

// scanned is a letter as a scanner makes it: each page an image, with no
// text layer.
func scanned([]byte) (fixture, error) {
	b := newBuilder(whole, nil)
	r := rand.New(rand.NewPCG(2022, 7))
	for p := 0; p < 2; p++ {
		b.newPage()
		img := image.NewGray(image.Rect(0, 0, 620, 877))
		for i := range img.Pix {
			img.Pix[i] = 0xF4 // paper
		}
		for y := 90; y < 800; y += 16 { // lines of "words"
			if r.IntN(6) == 0 {
				continue
			}
			end := 70 + r.IntN(480)
			for x := 70; x < end; x++ {
				if r.IntN(9) == 0 {
					x += 4
					continue
				}
				for dy := 0; dy < 7; dy++ {
					img.SetGray(x, y+dy, color.Gray{Y: uint8(40 + r.IntN(40))})
				}
			}
		}
		var buf bytes.Buffer
		if err := png.Encode(&buf, img); err != nil {
			return fixture{}, err
		}
		name := fmt.Sprintf("scan%d", p+1)
		opt := fpdf.ImageOptions{ImageType: "PNG"}
		b.f.RegisterImageOptionsReader(name, opt, &buf)
		b.f.ImageOptions(name, 0, 0, pageW, pageH, false, opt, 0, "")
	}
	fx, err := b.fixture("scanned-2022-letter")
	fx.text = ""
	return fx, err
}

// encrypted is a short letter that opens only with its password.
func encrypted([]byte) (fixture, error) {
	b := newBuilder(whole, nil)
	b.f.SetProtection(fpdf.CnProtectPrint, "council-only", "ombudsman-owner")
	b.font("Helvetica", "", 11)
	b.newPage()
	b.line("19 July 2022")
	b.line("Dear Ms Penrose")
	b.line("Annual Review letter 2022")
	fx, err := b.fixture("encrypted-2022-letter")
	fx.text = ""
	return fx, err
}
