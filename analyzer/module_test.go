package analyzer

import (
	"maps"
	"slices"
	"sync"
	"testing"
)

// The module view answers the same questions for every package, from
// packages analysed concurrently: the answers it computes once must be
// right, and safe to ask for from many goroutines (run with -race).
func TestModuleViewConcurrentQueries(t *testing.T) {
	own := func(emits []string, dynamicEmit bool) *Summary {
		s := new(Summary)
		for _, e := range emits {
			s.Emits = append(s.Emits, EmitRecord{Event: e})
		}
		if dynamicEmit {
			s.Dynamic = append(s.Dynamic, DynamicRecord{Kind: Emit})
		}
		s.normalize()
		return s
	}
	view := NewModuleView([]*PackageView{
		{Path: "m/cmd/b", Name: "main", Imports: []string{"m/lib"}, Own: own(nil, false)},
		{Path: "m/cmd/a", Name: "main", Imports: []string{"m/lib", "fmt"}, Own: own([]string{"order.paid"}, false)},
		{Path: "m/lib", Name: "lib", Imports: []string{"m/base"}, Own: own([]string{"order.shipped", "order.paid"}, false)},
		{Path: "m/base", Name: "base", Own: own(nil, false)},
		{Path: "m/orphan", Name: "orphan", Imports: []string{"m/base"}},
		{Path: "m/lonely", Name: "lonely"},
		{Path: "m/lib.test", Name: "main", Imports: []string{"m/lonely"}},
	})
	dynamic := NewModuleView([]*PackageView{{Path: "m/x", Name: "x", Own: own(nil, true)}})

	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if got, want := slices.Sorted(maps.Keys(view.Reachable("m/cmd/a"))), []string{"fmt", "m/base", "m/cmd/a", "m/lib"}; !slices.Equal(got, want) {
				t.Errorf("Reachable(m/cmd/a) = %q, want %q", got, want)
			}
			if got, want := slices.Sorted(maps.Keys(view.Reachable("m/cmd/b", "m/orphan"))), []string{"m/base", "m/cmd/b", "m/lib", "m/orphan"}; !slices.Equal(got, want) {
				t.Errorf("Reachable(m/cmd/b, m/orphan) = %q, want %q", got, want)
			}
			programs, linked := view.Linked(nil)
			if want := []string{"m/cmd/a", "m/cmd/b"}; !slices.Equal(programs, want) {
				t.Errorf("Linked(nil) programs = %q, want %q (test mains are not programs)", programs, want)
			}
			if got, want := slices.Sorted(maps.Keys(linked)), []string{"fmt", "m/base", "m/cmd/a", "m/cmd/b", "m/lib"}; !slices.Equal(got, want) {
				t.Errorf("Linked(nil) packages = %q, want %q", got, want)
			}
			if _, linked := view.Linked([]string{"m/orphan"}); !linked["m/orphan"] || linked["m/lonely"] {
				t.Errorf("Linked([m/orphan]): m/orphan %t (want true), m/lonely %t (want false)", linked["m/orphan"], linked["m/lonely"])
			}
			if got, want := view.EmittedEvents(), []string{"order.paid", "order.shipped"}; !slices.Equal(got, want) {
				t.Errorf("EmittedEvents() = %q, want %q", got, want)
			}
			if !view.Emitted("order.shipped") || view.Emitted("order.refunded") {
				t.Errorf("Emitted: order.shipped %t (want true), order.refunded %t (want false)",
					view.Emitted("order.shipped"), view.Emitted("order.refunded"))
			}
			var mains []string
			for _, m := range view.Mains() {
				mains = append(mains, m.Path)
			}
			if want := []string{"m/cmd/a", "m/cmd/b", "m/lib.test"}; !slices.Equal(mains, want) {
				t.Errorf("Mains() = %q, want %q", mains, want)
			}
			if view.EmitsDynamic() || !dynamic.EmitsDynamic() {
				t.Errorf("EmitsDynamic: %t for a module without computed names (want false), %t with one (want true)",
					view.EmitsDynamic(), dynamic.EmitsDynamic())
			}
		})
	}
	wg.Wait()
}
