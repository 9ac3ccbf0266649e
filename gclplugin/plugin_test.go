package gclplugin_test

import (
	"strings"
	"testing"

	"github.com/eventlint/eventlint/analyzer"
	_ "github.com/eventlint/eventlint/gclplugin"
	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// testdata is the root testdata module (example.com/lint); the plugin's
// packages are under gclplugin/.
const testdata = "../testdata"

// newPlugin builds the plugin the way golangci-lint does: through the
// registry, with the settings map its YAML decoder produces.
func newPlugin(t *testing.T, settings any) (register.LinterPlugin, error) {
	t.Helper()
	newFn, err := register.GetPlugin("eventlint")
	if err != nil {
		t.Fatal(err)
	}
	return newFn(settings)
}

// analyzers returns the plugin's analyzers by name.
func analyzers(t *testing.T, settings any) map[string]*analysis.Analyzer {
	t.Helper()
	p, err := newPlugin(t, settings)
	if err != nil {
		t.Fatalf("New(%v): %v", settings, err)
	}
	if got := p.GetLoadMode(); got != register.LoadModeTypesInfo {
		t.Errorf("GetLoadMode() = %q, want %q", got, register.LoadModeTypesInfo)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]*analysis.Analyzer{}
	for _, a := range as {
		m[a.Name] = a
	}
	return m
}

func flagValue(t *testing.T, a *analysis.Analyzer, name string) string {
	t.Helper()
	f := a.Flags.Lookup(name)
	if f == nil {
		t.Fatalf("analyzer %s has no flag %s", a.Name, name)
	}
	return f.Value.String()
}

func TestDefaults(t *testing.T) {
	for _, settings := range []any{nil, map[string]any{}} {
		as := analyzers(t, settings)
		if len(as) != 5 || as["naming"] == nil || as["catalogue"] == nil || as["unregistered"] == nil || as["fields"] == nil || as["samepackage"] == nil {
			t.Fatalf("settings %v: analyzers %v, want naming, catalogue, unregistered, fields, samepackage", settings, as)
		}
		for _, c := range []struct {
			a, flag, want string
		}{
			{"naming", analyzer.FlagSegments, "2"},
			{"naming", analyzer.FlagPastTense, "true"},
			{"naming", analyzer.FlagIrregular, ""},
			{"catalogue", analyzer.FlagRequire, ""},
			{"unregistered", analyzer.FlagRoots, ""},
			{"samepackage", analyzer.FlagEnable, "false"},
		} {
			if got := flagValue(t, as[c.a], c.flag); got != c.want {
				t.Errorf("settings %v: %s.%s = %q, want %q", settings, c.a, c.flag, got, c.want)
			}
		}
	}
}

func TestSettingsApplied(t *testing.T) {
	// As golangci-lint passes them: decoded YAML, keys lowercased.
	settings := map[string]any{
		"segments":     []any{3, 2},
		"past-tense":   false,
		"irregular":    []any{"sewn", "slept"},
		"catalogue":    "example.com/clinic/events",
		"roots":        []any{"example.com/lib/a", "example.com/lib/b"},
		"same-package": true,
	}
	as := analyzers(t, settings)
	for _, c := range []struct {
		a, flag, want string
	}{
		{"naming", analyzer.FlagSegments, "2,3"},
		{"naming", analyzer.FlagPastTense, "false"},
		{"naming", analyzer.FlagIrregular, "sewn,slept"},
		{"catalogue", analyzer.FlagRequire, "example.com/clinic/events"},
		{"unregistered", analyzer.FlagRoots, "example.com/lib/a,example.com/lib/b"},
		{"samepackage", analyzer.FlagEnable, "true"},
	} {
		if got := flagValue(t, as[c.a], c.flag); got != c.want {
			t.Errorf("%s.%s = %q, want %q", c.a, c.flag, got, c.want)
		}
	}

	// Each New builds its own suite: neither the settings above nor these
	// leak into another configuration or into analyzer.Default.
	other := analyzers(t, map[string]any{"past-tense": true})
	if got := flagValue(t, other["naming"], analyzer.FlagSegments); got != "2" {
		t.Errorf("second plugin: naming.segments = %q, want the default 2", got)
	}
	if got := flagValue(t, analyzer.NamingAnalyzer, analyzer.FlagPastTense); got != "true" {
		t.Errorf("analyzer.Default: naming.past-tense = %q, want true", got)
	}
}

func TestDisable(t *testing.T) {
	as := analyzers(t, map[string]any{"disable": []any{"catalogue", "unregistered", "fields", "samepackage"}})
	if len(as) != 1 || as["naming"] == nil {
		t.Errorf("disable catalogue, unregistered, fields, samepackage: analyzers %v, want naming only", as)
	}
}

func TestBadSettings(t *testing.T) {
	for _, c := range []struct {
		name     string
		settings any
		want     []string // substrings of the error
	}{
		{"unknown key", map[string]any{"segmnets": []any{2}}, []string{"eventlint", `unknown setting "segmnets"`, "past-tense"}},
		{"camelCase key, lowercased", map[string]any{"pasttense": false}, []string{"eventlint", `unknown setting "pasttense"`}},
		{"segment count 0", map[string]any{"segments": []any{2, 0}}, []string{"eventlint", "setting segments", `"2,0"`, `segment count "0"`}},
		{"segments empty", map[string]any{"segments": []any{}}, []string{"eventlint", "setting segments", "at least one"}},
		{"segments as a string", map[string]any{"segments": "2,3"}, []string{"eventlint", "segments"}},
		{"past-tense as a string", map[string]any{"past-tense": "yes"}, []string{"eventlint", "past-tense"}},
		{"irregular not a word", map[string]any{"irregular": []any{"Under Gone"}}, []string{"eventlint", "setting irregular", `"Under Gone"`}},
		{"irregular with a comma", map[string]any{"irregular": []any{"slept,woken"}}, []string{"eventlint", "setting irregular", `"slept,woken"`}},
		{"roots with a comma", map[string]any{"roots": []any{"a,b"}}, []string{"eventlint", "setting roots", `"a,b"`}},
		{"disable unknown analyzer", map[string]any{"disable": []any{"EL1001"}}, []string{"eventlint", "setting disable", `"EL1001"`, "naming, catalogue, unregistered, fields, samepackage"}},
		{"disable everything", map[string]any{"disable": []any{"naming", "catalogue", "unregistered", "fields", "samepackage"}}, []string{"eventlint", "setting disable", "linters.enable"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			p, err := newPlugin(t, c.settings)
			if err == nil {
				t.Fatalf("New(%v) = %v, want an error", c.settings, p)
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("New(%v) error %q does not contain %q", c.settings, err, w)
				}
			}
		})
	}
}

// TestSettingsChangeFindings runs the plugin's naming analyzer over three
// packages with the same emits, each under other settings: the want lines
// differ where a setting turns a finding off.
func TestSettingsChangeFindings(t *testing.T) {
	for _, c := range []struct {
		pkg      string
		settings any
	}{
		{"./gclplugin/defaults", nil},
		{"./gclplugin/configured", map[string]any{"segments": []any{2, 3}, "irregular": []any{"sewn"}}},
		{"./gclplugin/pasttense", map[string]any{"past-tense": false}},
	} {
		t.Run(c.pkg, func(t *testing.T) {
			analysistest.Run(t, testdata, analyzers(t, c.settings)["naming"], c.pkg)
		})
	}
}

// TestBusFuncs: bus-funcs is forwarded to the suite's -bus.funcs, and two
// plugins configured differently in one process give each its own
// answers on the same package.
func TestBusFuncs(t *testing.T) {
	with := analyzers(t, map[string]any{"bus-funcs": []any{"(*example.com/lint/busfuncs/hub.Hub).Send:emit:name=topic,payload=1"}})
	without := analyzers(t, map[string]any{})
	analysistest.Run(t, testdata, with["naming"], "./busfuncs/app")
	for _, r := range analysistest.Run(&quietT{T: t}, testdata, without["naming"], "./busfuncs/app") {
		if len(r.Diagnostics) > 0 {
			t.Errorf("a plugin without bus-funcs reported %d findings in %s, want none", len(r.Diagnostics), r.Pass.Pkg.Path())
		}
	}
	for _, bad := range []string{"Broadcast:emit:name=0", "a.B:emit:name=0;c.D:emit:name=0"} {
		if _, err := newPlugin(t, map[string]any{"bus-funcs": []any{bad}}); err == nil || !strings.Contains(err.Error(), "setting bus-funcs") {
			t.Errorf("bus-funcs %q: error %v, want one naming the setting", bad, err)
		}
	}
}

// quietT drops analysistest's complaints about the // want comments a
// run that must report nothing leaves unmatched.
type quietT struct{ *testing.T }

func (t *quietT) Errorf(string, ...any) {}
