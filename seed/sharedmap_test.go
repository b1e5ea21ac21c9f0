package seed

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// nameExceptions are current councils whose name does not contain the
// hex map's short name, with the reason.
var nameExceptions = map[string]string{
	"E06000047": "the map names the area, County Durham; the council is Durham County Council",
}

// countiesAbolishedSinceMap are the E10 codes of the upper-tier map whose
// county councils no longer exist: the map predates the reorganisations.
var countiesAbolishedSinceMap = map[string]string{
	"E10000002": "Buckinghamshire: Buckinghamshire Council (unitary) since April 2020",
	"E10000006": "Cumbria: Cumberland and Westmorland and Furness (unitary) since April 2023",
	"E10000021": "Northamptonshire: North and West Northamptonshire (unitary) since April 2021",
	"E10000023": "North Yorkshire: North Yorkshire Council (unitary) since April 2023",
	"E10000027": "Somerset: Somerset Council (unitary) since April 2023",
}

// sharedDir finds the workplace's shared data: $OMBUDSGRAPH_SHARED, else
// ../shared beside the module root. It skips the test when the data is not
// there, unless CI or OMBUDSGRAPH_REQUIRE_SHARED is set.
func sharedDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("OMBUDSGRAPH_SHARED")
	if dir == "" {
		wd, err := os.Getwd()
		if err != nil {
			t.Fatal(err)
		}
		root := wd
		for {
			if _, err := os.Stat(filepath.Join(root, "go.mod")); err == nil {
				break
			}
			parent := filepath.Dir(root)
			if parent == root {
				t.Fatalf("no go.mod above %s", wd)
			}
			root = parent
		}
		dir = filepath.Join(root, "..", "shared")
	}
	if _, err := os.Stat(filepath.Join(dir, "data", "councils")); err != nil {
		if os.Getenv("CI") != "" || os.Getenv("OMBUDSGRAPH_REQUIRE_SHARED") != "" {
			t.Fatalf("shared council data is required but missing: %v", err)
		}
		t.Skipf("no shared council data (%v); set OMBUDSGRAPH_SHARED to its folder", err)
	}
	return dir
}

// readHexes returns the English areas of a hex map, code → short name.
func readHexes(t *testing.T, path string) map[string]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		Hexes map[string]struct {
			N string `json:"n"`
		} `json:"hexes"`
	}
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	out := map[string]string{}
	for code, h := range f.Hexes {
		if strings.HasPrefix(code, "E") {
			out[code] = h.N
		}
	}
	if len(out) == 0 {
		t.Fatalf("%s has no English areas", path)
	}
	return out
}

// placeKey is the form in which a map's short name is looked for in a
// council's name: "Bristol, City of" → "bristol", "&" as "and", "St." as "St".
func placeKey(s string) string {
	s = fold(s)
	for _, suffix := range []string{", city of", ", county of"} {
		s = strings.TrimSuffix(s, suffix)
	}
	return strings.NewReplacer("&", "and", "st.", "st").Replace(s)
}

// TestCouncilsCoverSharedMap checks the reference against the 2023 map of
// districts and the upper-tier map: every English code has exactly one
// entry, current unless the county has been abolished since the map, of the
// type its code gives, whose name contains the map's short name.
func TestCouncilsCoverSharedMap(t *testing.T) {
	dir := filepath.Join(sharedDir(t), "data", "councils")
	districts := readHexes(t, filepath.Join(dir, "uk-local-authority-districts-2023.hexjson"))
	upper := readHexes(t, filepath.Join(dir, "uk-upper-tier-local-authorities.hexjson"))
	want := map[string]string{} // code → short name
	for code, n := range districts {
		want[code] = n
	}
	counties := 0
	for code, n := range upper {
		if strings.HasPrefix(code, "E10") {
			want[code] = n
			counties++
		}
	}
	if counties == 0 {
		t.Fatal("the upper-tier map has no E10 county")
	}

	_, councils := readReference(t)
	byCode := map[string][]refCouncil{}
	for _, c := range councils {
		if c.Code != "" {
			byCode[c.Code] = append(byCode[c.Code], c)
		}
	}
	usedException := map[string]bool{}
	for code, short := range want {
		entries := byCode[code]
		if len(entries) != 1 {
			t.Errorf("%s (%s): %d entries, want 1", code, short, len(entries))
			continue
		}
		c := entries[0]
		if why, gone := countiesAbolishedSinceMap[code]; gone {
			if c.current() {
				t.Errorf("%s: %s should be abolished (%s)", code, c.Name, why)
			}
		} else if !c.current() {
			t.Errorf("%s: %s is marked abolished, but the map has it as current", code, c.Name)
		}
		if wantType := typeByPrefix[code[:3]]; c.Type != wantType {
			t.Errorf("%s: %s has type %q, want %q", code, c.Name, c.Type, wantType)
		}
		if !strings.Contains(placeKey(c.Name), placeKey(short)) {
			if _, ok := nameExceptions[code]; ok {
				usedException[code] = true
			} else {
				t.Errorf("%s: name %q does not contain the map's name %q", code, c.Name, short)
			}
		}
	}
	for code, why := range nameExceptions {
		if !usedException[code] {
			t.Errorf("name exception %s (%s) is no longer needed", code, why)
		}
	}
	for code := range countiesAbolishedSinceMap {
		if _, ok := upper[code]; !ok {
			t.Errorf("abolished county %s is not in the upper-tier map", code)
		}
	}
	// Every current council is on one of the maps.
	for _, c := range councils {
		if c.current() && c.Code != "" {
			if _, ok := want[c.Code]; !ok {
				t.Errorf("%s: current, but its code %s is on neither map", c.Name, c.Code)
			}
		}
	}
}
