// Package gclplugin is the golangci-lint v2 module plugin of eventlint.
//
// Blank-import it into a custom golangci-lint (see docs/golangci-lint.md and
// scripts/build-custom-gcl.sh) and enable the linter "eventlint":
//
//	linters:
//	  enable: [eventlint]
//	  settings:
//	    custom:
//	      eventlint:
//	        type: module
//	        description: event contract checks
//	        settings:
//	          segments: [2, 3]
//	          irregular: [sewn]
//	          catalogue: example.com/clinic/events
//
// Settings (all optional; golangci-lint lowercases keys, so they are written
// in kebab-case):
//
//	setting      YAML type         analyzer flag            default
//	segments     list of ints      naming.segments          [2]
//	past-tense   bool              naming.past-tense        true
//	irregular    list of strings   naming.irregular         none (built-in list only)
//	catalogue    import path       catalogue.require        "" (no requirement)
//	roots        list of strings   unregistered.roots       none
//	same-package bool              samepackage.enable       false
//	bus-funcs    list of strings   bus.funcs                none (presets and directives only)
//	disable      list of strings   -                        none
//
// disable names analyzers to leave out: naming, catalogue, unregistered,
// fields, samepackage.
//
// Each setting is applied to the analyzer's flag with flag.FlagSet.Set, so
// values are parsed and validated exactly as on the eventlint and go vet
// command lines. Unknown settings and bad values stop golangci-lint with
// an error naming the setting.
//
// Only the package-level checks run under golangci-lint: it has no view of
// the whole module, so EL2008, EL3003, EL3004 and the blank-import fix of
// EL3001 need the standalone eventlint command. Facts cross packages under
// golangci-lint v2.14.0 and later; use at least that version.
package gclplugin

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/eventlint/eventlint/analyzer"
	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"
)

// Name is the plugin's name: the key under linters.settings.custom and the
// linter name for linters.enable and //nolint.
const Name = "eventlint"

func init() {
	register.Plugin(Name, New)
}

// Settings are the plugin's settings, from
// linters.settings.custom.eventlint.settings in .golangci.yml.
type Settings struct {
	// Segments lists the allowed segment counts of an event name
	// (naming.segments).
	Segments []int `json:"segments,omitempty"`
	// PastTense turns the past-tense rule EL1002 on or off
	// (naming.past-tense); nil keeps the default, true.
	PastTense *bool `json:"past-tense,omitempty"`
	// Irregular adds past participles that do not end in -ed
	// (naming.irregular).
	Irregular []string `json:"irregular,omitempty"`
	// Catalogue is the import path of the catalogue every package that uses
	// the bus must see (catalogue.require).
	Catalogue string `json:"catalogue,omitempty"`
	// Roots lists extra packages to treat as programs (unregistered.roots).
	Roots []string `json:"roots,omitempty"`
	// SamePackage turns on the opt-in check EL5001 (samepackage.enable).
	SamePackage bool `json:"same-package,omitempty"`
	// BusFuncs declares bus functions of code that cannot carry a
	// directive, one FUNC:KIND:key=value,... entry each (bus.funcs; see
	// docs/buses.md).
	BusFuncs []string `json:"bus-funcs,omitempty"`
	// Disable lists analyzers to leave out: naming, catalogue, unregistered,
	// fields, samepackage.
	Disable []string `json:"disable,omitempty"`
}

// settingNames are the setting keys, for error messages.
const settingNames = "segments, past-tense, irregular, catalogue, roots, same-package, bus-funcs, disable"

// Plugin is eventlint's register.LinterPlugin: one configured suite.
type Plugin struct {
	suite    *analyzer.Suite
	disabled map[string]bool
}

var _ register.LinterPlugin = (*Plugin)(nil)

// New decodes settings and returns a plugin whose analyzers are a fresh
// analyzer.Suite configured with them.
func New(settings any) (register.LinterPlugin, error) {
	s, err := register.DecodeSettings[Settings](settings)
	if err != nil {
		return nil, decodeError(err)
	}
	suite := analyzer.NewSuite()
	p := &Plugin{suite: suite, disabled: map[string]bool{}}

	if s.Segments != nil {
		if len(s.Segments) == 0 {
			return nil, settingError("segments", "[]", errors.New("give at least one segment count, or leave the setting out for the default [2]"))
		}
		counts := make([]string, len(s.Segments))
		for i, n := range s.Segments {
			counts[i] = strconv.Itoa(n)
		}
		if err := set(suite.Naming, analyzer.FlagSegments, "segments", strings.Join(counts, ",")); err != nil {
			return nil, err
		}
	}
	if s.PastTense != nil {
		if err := set(suite.Naming, analyzer.FlagPastTense, "past-tense", strconv.FormatBool(*s.PastTense)); err != nil {
			return nil, err
		}
	}
	for _, w := range s.Irregular {
		if strings.TrimSpace(w) == "" || strings.Contains(w, ",") {
			return nil, settingError("irregular", strconv.Quote(w), errors.New("each entry is one word"))
		}
		if err := set(suite.Naming, analyzer.FlagIrregular, "irregular", w); err != nil {
			return nil, err
		}
	}
	if s.Catalogue != "" {
		if err := set(suite.Catalogue, analyzer.FlagRequire, "catalogue", s.Catalogue); err != nil {
			return nil, err
		}
	}
	if len(s.Roots) > 0 {
		for _, r := range s.Roots {
			if strings.TrimSpace(r) == "" || strings.Contains(r, ",") {
				return nil, settingError("roots", strconv.Quote(r), errors.New("each entry is one import path"))
			}
		}
		if err := set(suite.Unregistered, analyzer.FlagRoots, "roots", strings.Join(s.Roots, ",")); err != nil {
			return nil, err
		}
	}
	if s.SamePackage {
		if err := set(suite.SamePackage, analyzer.FlagEnable, "same-package", "true"); err != nil {
			return nil, err
		}
	}

	for _, f := range s.BusFuncs {
		if strings.Contains(f, ";") {
			return nil, settingError("bus-funcs", strconv.Quote(f), errors.New("give one entry per list item"))
		}
		if err := set(suite.Model, analyzer.FlagFuncs, "bus-funcs", f); err != nil {
			return nil, err
		}
	}

	var names []string
	for _, a := range suite.Analyzers() {
		names = append(names, a.Name)
	}
	for _, d := range s.Disable {
		if !slices.Contains(names, d) {
			return nil, settingError("disable", strconv.Quote(d), fmt.Errorf("not an eventlint analyzer (want one of %s)", strings.Join(names, ", ")))
		}
		p.disabled[d] = true
	}
	if len(p.disabled) == len(names) {
		return nil, settingError("disable", fmt.Sprintf("%q", s.Disable), errors.New("every analyzer is disabled: remove eventlint from linters.enable instead"))
	}
	return p, nil
}

// BuildAnalyzers returns the suite's analyzers, less the disabled ones.
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	var as []*analysis.Analyzer
	for _, a := range p.suite.Analyzers() {
		if !p.disabled[a.Name] {
			as = append(as, a)
		}
	}
	return as, nil
}

// GetLoadMode returns register.LoadModeTypesInfo: the checks need types
// and facts.
func (p *Plugin) GetLoadMode() string { return register.LoadModeTypesInfo }

// set sets flag name of a to value, naming the setting in the error.
func set(a *analysis.Analyzer, name, setting, value string) error {
	if err := a.Flags.Set(name, value); err != nil {
		return settingError(setting, strconv.Quote(value), err)
	}
	return nil
}

func settingError(setting, value string, err error) error {
	return fmt.Errorf("%s plugin: setting %s: bad value %s: %w", Name, setting, value, err)
}

// decodeError names the plugin and, for an unknown key, lists the known
// ones (a key written in camelCase arrives lowercased and is unknown).
func decodeError(err error) error {
	if _, field, ok := strings.Cut(err.Error(), "unknown field "); ok {
		return fmt.Errorf("%s plugin: unknown setting %s (settings: %s; write keys in lowercase kebab-case): %w", Name, field, settingNames, err)
	}
	return fmt.Errorf("%s plugin: settings: %w", Name, err)
}
