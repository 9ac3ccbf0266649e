package analyzer_test

import (
	"strings"
	"testing"

	"github.com/eventlint/eventlint/analyzer"
	"golang.org/x/tools/go/analysis/analysistest"
)

// testdata is the module of analysistest packages, one folder per feature.
const testdata = "../testdata"

func TestNaming(t *testing.T) {
	analysistest.Run(t, testdata, analyzer.NewSuite().Naming, "./naming", "./naming/phrasal")
}

// TestNamingStyles runs the naming analyzer over a package per style
// (testdata/naming/<style>), configured through its flags as every driver
// configures it.
func TestNamingStyles(t *testing.T) {
	for _, tc := range []struct {
		dir   string
		flags map[string]string
	}{
		{"snake", map[string]string{analyzer.FlagStyle: "snake"}},
		{"path", map[string]string{analyzer.FlagStyle: "path"}},
		{"pascal", map[string]string{analyzer.FlagStyle: "pascal"}},
		{"nats", map[string]string{analyzer.FlagStyle: "nats"}},
		{"cloudevents", map[string]string{analyzer.FlagStyle: "cloudevents"}},
		{"versioned", map[string]string{analyzer.FlagVersion: "true"}},
	} {
		t.Run(tc.dir, func(t *testing.T) {
			a := analyzer.NewSuite().Naming
			for name, value := range tc.flags {
				if err := a.Flags.Set(name, value); err != nil {
					t.Fatal(err)
				}
			}
			analysistest.Run(t, testdata, a, "./naming/"+tc.dir)
		})
	}
}

// A flag given overrides the style's value for its rule, given before the
// style or after it.
func TestNamingFlagsOverrideStyle(t *testing.T) {
	for _, order := range [][2]string{{analyzer.FlagStyle, analyzer.FlagPastTense}, {analyzer.FlagPastTense, analyzer.FlagStyle}} {
		a := analyzer.NewSuite().Naming
		values := map[string]string{analyzer.FlagStyle: "nats", analyzer.FlagPastTense: "false"}
		for _, name := range order {
			if err := a.Flags.Set(name, values[name]); err != nil {
				t.Fatal(err)
			}
		}
		analysistest.Run(t, testdata, a, "./naming/override")
	}
}

func TestNamingBadFlags(t *testing.T) {
	for _, tc := range []struct{ flag, value, want string }{
		{analyzer.FlagStyle, "camel", `style "camel" is not one of default, snake, path, pascal, nats, cloudevents`},
		{analyzer.FlagCase, "upper", `case "upper" is not one of snake, lower, camel, pascal, kebab`},
		{analyzer.FlagSegments, "3-2", `segment count "3-2" is not a number from 1 to 9`},
		{analyzer.FlagVersion, "maybe", `invalid syntax`},
	} {
		err := analyzer.NewSuite().Naming.Flags.Set(tc.flag, tc.value)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("-naming.%s=%s: %v, want an error containing %q", tc.flag, tc.value, err, tc.want)
		}
	}
}

// Ignore directives and generated files are handled in report.go for every
// check; the naming check is the simplest to show them with.
func TestIgnoreDirectives(t *testing.T) {
	analysistest.Run(t, testdata, analyzer.NewSuite().Naming, "./ignore")
}
