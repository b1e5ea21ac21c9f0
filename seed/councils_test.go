package seed

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"time"
)

// refCouncil is an entry of councils.json as this test reads it: every field
// the file may hold, so that a misspelt field fails the parse.
type refCouncil struct {
	Name      string   `json:"name"`
	Type      string   `json:"type"`
	Code      string   `json:"code"`
	Aliases   []string `json:"aliases"`
	Names     []string `json:"names"`
	Abolished string   `json:"abolished"`
	Successor string   `json:"successor"`
}

func (c refCouncil) current() bool { return c.Abolished == "" }

// typeByPrefix is the Ombudsman's comparison group of each GSS code prefix.
var typeByPrefix = map[string]string{
	"E10": "County Council",
	"E07": "District Council",
	"E08": "Metropolitan Borough",
	"E06": "Unitary Council",
	"E09": "London Borough",
}

var gssCode = regexp.MustCompile(`^E(06|07|08|09|10)\d{6}$`)

// seedDocNames are names the seed corpus uses, which must stay as they are.
var seedDocNames = []string{"Hertfordshire County Council", "Kent County Council", "Hertsmere Borough Council"}

func readReference(t *testing.T) (sources []string, councils []refCouncil) {
	t.Helper()
	var f struct {
		Sources  []string     `json:"sources"`
		Councils []refCouncil `json:"councils"`
	}
	dec := json.NewDecoder(bytes.NewReader(Councils))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		t.Fatalf("councils.json does not parse: %v", err)
	}
	if len(f.Councils) == 0 {
		t.Fatal("councils.json has no councils")
	}
	return f.Sources, f.Councils
}

// fold is the form in which names and aliases are compared.
func fold(s string) string {
	s = strings.NewReplacer("’", "'", "‘", "'").Replace(s)
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

func TestCouncilsWellFormed(t *testing.T) {
	sources, councils := readReference(t)
	if len(sources) == 0 {
		t.Error("councils.json has no sources")
	}
	byName := map[string]refCouncil{}
	byCode := map[string]string{}
	owner := map[string]string{} // folded name, other name or alias → council
	claim := func(key, council, what string) {
		k := fold(key)
		if prev, ok := owner[k]; ok && prev != council {
			t.Errorf("%s %q of %s is also a name or alias of %s", what, key, council, prev)
			return
		}
		owner[k] = council
	}
	for i, c := range councils {
		if c.Name == "" || c.Name != strings.TrimSpace(c.Name) {
			t.Errorf("entry %d: name %q is empty or padded", i+1, c.Name)
		}
		if i > 0 && fold(councils[i-1].Name) > fold(c.Name) {
			t.Errorf("entries are not sorted by name: %q comes before %q", councils[i-1].Name, c.Name)
		}
		if _, dup := byName[c.Name]; dup {
			t.Errorf("%s: more than one entry", c.Name)
		}
		byName[c.Name] = c
		if !isAuthorityType(c.Type) {
			t.Errorf("%s: type %q is not one of the Ombudsman's comparison groups", c.Name, c.Type)
		}
		checkCode(t, c, byCode)
		if (c.Abolished == "") != (c.Successor == "") {
			t.Errorf("%s: abolished and successor go together (abolished %q, successor %q)", c.Name, c.Abolished, c.Successor)
		}
		if c.Abolished != "" {
			if _, err := time.Parse("2006-01-02", c.Abolished); err != nil {
				t.Errorf("%s: abolished %q is not a date: %v", c.Name, c.Abolished, err)
			}
		}
		claim(c.Name, c.Name, "name")
		for _, n := range c.Names {
			if n == "" || fold(n) == fold(c.Name) {
				t.Errorf("%s: other name %q is empty or the name itself", c.Name, n)
			}
			claim(n, c.Name, "other name")
		}
		for _, a := range c.Aliases {
			if a == "" || strings.HasSuffix(fold(a), " council") {
				t.Errorf("%s: alias %q is not a short place name", c.Name, a)
			}
			claim(a, c.Name, "alias")
		}
	}
	checkSuccessors(t, councils, byName)
	for _, n := range seedDocNames {
		if _, ok := byName[n]; !ok {
			t.Errorf("%q, which the seed corpus names, is not an entry", n)
		}
	}
}

// checkCode checks an entry's GSS code: given to every current council, an
// English E06-E10 code of the entry's type, and given to no entry before it
// (byCode, code → name, to which it adds the entry's).
func checkCode(t *testing.T, c refCouncil, byCode map[string]string) {
	t.Helper()
	switch {
	case c.Code == "" && c.current():
		t.Errorf("%s: a current council without a code", c.Name)
	case c.Code != "" && !gssCode.MatchString(c.Code):
		t.Errorf("%s: code %q is not an English E06-E10 GSS code", c.Name, c.Code)
	case c.Code != "":
		if want := typeByPrefix[c.Code[:3]]; c.Type != want {
			t.Errorf("%s: type %q, but code %s is a %s", c.Name, c.Type, c.Code, want)
		}
		if prev, dup := byCode[c.Code]; dup {
			t.Errorf("code %s is given to both %s and %s", c.Code, prev, c.Name)
		}
		byCode[c.Code] = c.Name
	}
}

// checkSuccessors follows the successors of every abolished council, and
// checks that each is an entry of the file and that they never come round
// in a loop.
func checkSuccessors(t *testing.T, councils []refCouncil, byName map[string]refCouncil) {
	t.Helper()
	for _, c := range councils {
		if c.current() {
			continue
		}
		// Successors lead, perhaps through other abolished councils, to a
		// current one.
		seen := map[string]bool{c.Name: true}
		for s := c; !s.current(); {
			next, ok := byName[s.Successor]
			if !ok {
				t.Errorf("%s: successor %q is not in the file", s.Name, s.Successor)
				break
			}
			if seen[next.Name] {
				t.Errorf("%s: successors go round in a loop", c.Name)
				break
			}
			seen[next.Name] = true
			s = next
		}
	}
}

func isAuthorityType(s string) bool {
	for _, t := range typeByPrefix {
		if s == t {
			return true
		}
	}
	return false
}

// placeForms mirror the loader's: how a council's name gives its place and
// the type word that combines with the place and with each alias.
var placeForms = []struct {
	re       *regexp.Regexp
	typeWord string
}{
	{regexp.MustCompile(`^(?:London|Royal) Borough of (.+)$`), "borough"},
	{regexp.MustCompile(`^City of (.+) Council$`), "city"},
	{regexp.MustCompile(`^(.+) Metropolitan Borough Council$`), "borough"},
	{regexp.MustCompile(`^(.+) County Council$`), "county"},
	{regexp.MustCompile(`^(.+) Borough Council$`), "borough"},
	{regexp.MustCompile(`^(.+) District Council$`), "district"},
	{regexp.MustCompile(`^(.+) City Council$`), "city"},
	{regexp.MustCompile(`^(.+) Council$`), ""},
}

// surfaces are the ways of writing a council's name that the loader knows
// it by: its name, its other names, and its place and aliases followed by
// "Council" and by its type word and "Council".
func surfaces(c refCouncil) []string {
	out := append([]string{c.Name}, c.Names...)
	place, typeWord := "", ""
	for _, f := range placeForms {
		if m := f.re.FindStringSubmatch(c.Name); m != nil {
			place, typeWord = m[1], f.typeWord
			break
		}
	}
	for _, p := range append([]string{place}, c.Aliases...) {
		if p == "" {
			continue
		}
		out = append(out, p+" Council")
		if typeWord != "" {
			out = append(out, p+" "+typeWord+" Council")
		}
		if strings.HasPrefix(c.Name, "London Borough of") || strings.HasPrefix(c.Name, "Royal Borough of") {
			out = append(out, "London Borough of "+p, "Royal Borough of "+p)
		}
	}
	return out
}

// TestCouncilsSurfacesUnambiguous checks that no way of writing a council's
// name leads to two councils. The one allowed overlap is between an
// abolished council and the council that took over from it, which share a
// place ("Buckinghamshire County Council" gives "Buckinghamshire Council",
// the name of its successor): a loader must prefer the current council.
func TestCouncilsSurfacesUnambiguous(t *testing.T) {
	_, councils := readReference(t)
	byName := map[string]refCouncil{}
	for _, c := range councils {
		byName[c.Name] = c
	}
	succeeds := func(a, b string) bool { // a is b or was taken over by b, perhaps through others
		for i := 0; i < len(councils); i++ {
			if a == b {
				return true
			}
			c, ok := byName[a]
			if !ok || c.current() {
				return false
			}
			a = c.Successor
		}
		return false
	}
	owners := map[string][]string{}
	for _, c := range councils {
		for _, s := range surfaces(c) {
			k := fold(s)
			dup := false
			for _, o := range owners[k] {
				dup = dup || o == c.Name
			}
			if !dup {
				owners[k] = append(owners[k], c.Name)
			}
		}
	}
	for k, names := range owners {
		for i := range names {
			for j := i + 1; j < len(names); j++ {
				if !succeeds(names[i], names[j]) && !succeeds(names[j], names[i]) {
					t.Errorf("%q would name both %s and %s", k, names[i], names[j])
				}
			}
		}
	}
}
