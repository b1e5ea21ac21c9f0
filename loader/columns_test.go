package loader

import (
	"fmt"
	"testing"
)

// TestColumns checks how a line is parted into the columns a PDF set side by
// side: by three spaces or more, or a tab.
func TestColumns(t *testing.T) {
	for _, c := range []struct {
		line string
		want string
	}{
		{"Mr T Okoro                  Our ref: XY/2022", "[[0 10] [28 44]]"},
		{"  Chief Executive  of  Bristol", "[[2 30]]"},
		{"0\t", "[[0 1]]"},
		{"\ta\tb", "[[1 2] [3 4]]"},
		{"", "[]"},
		{"   ", "[]"},
		{"a   ", "[[0 1]]"},
	} {
		if got := fmt.Sprint(columns(c.line)); got != c.want {
			t.Errorf("columns(%q) = %s, want %s", c.line, got, c.want)
		}
	}
}
