package api_test

import (
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"

	"github.com/ombudsgraph/ombudsgraph/internal/api/exec"
)

// TestEverythingIsDescribed checks that every type, field, argument, input
// field and enum value of the schema has a description: they are what users
// read in the playground.
func TestEverythingIsDescribed(t *testing.T) {
	s := exec.NewExecutableSchema(exec.Config{}).Schema()
	for name, def := range s.Types {
		if def.BuiltIn || strings.HasPrefix(name, "__") {
			continue
		}
		if strings.TrimSpace(def.Description) == "" {
			t.Errorf("type %s has no description", name)
		}
		for _, f := range def.Fields {
			if strings.HasPrefix(f.Name, "__") {
				continue
			}
			if strings.TrimSpace(f.Description) == "" {
				t.Errorf("%s.%s has no description", name, f.Name)
			}
			for _, a := range f.Arguments {
				if strings.TrimSpace(a.Description) == "" {
					t.Errorf("argument %s.%s(%s) has no description", name, f.Name, a.Name)
				}
			}
		}
		if def.Kind == ast.Enum {
			for _, v := range def.EnumValues {
				if strings.TrimSpace(v.Description) == "" {
					t.Errorf("enum value %s.%s has no description", name, v.Name)
				}
			}
		}
	}
}
