package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestEventBusPreset: the asaskevich/EventBus preset, on a module that
// requires the real library (testdata/eventbus). Publish is an emit,
// Subscribe and SubscribeAsync are subscriptions whose handlers EventBus
// calls by reflection with the published arguments: a handler whose
// parameters do not match them is EL3002, under the standalone command
// and under go vet. The library comes from the module cache, filled
// through the Go module proxy, so -short skips the test.
func TestEventBusPreset(t *testing.T) {
	if testing.Short() {
		t.Skip("needs github.com/asaskevich/EventBus from the module proxy or cache")
	}
	t.Parallel()
	dir := filepath.Join("..", "..", "testdata", "eventbus")
	want := []string{
		`app/app.go:26:12: event name "OrderCancelled" has 1 segment, want <aggregate>.<verb>: name it "order.cancelled" [EL1001]`,
		`cmd/shop/main.go:9:6: handler at app/app.go:14 takes *app.Order but "order.placed" is emitted with app.Order (app/app.go:23): calling it with those arguments panics; make the handler take app.Order`,
		`cmd/shop/main.go:9:6: event "OrderCancelled" is emitted but no handler linked into this program subscribes to it (emitted at app/app.go:26)`,
	}
	r := run(t, dir, "./...")
	if r.code != 1 {
		t.Fatalf("eventlint: exit %d (want 1)\n%s%s", r.code, r.stdout, r.stderr)
	}
	if n := strings.Count(r.stdout, "\n"); n != len(want) {
		t.Errorf("eventlint: %d findings, want %d:\n%s", n, len(want), r.stdout)
	}
	for _, w := range want {
		if !strings.Contains(r.stdout, w) {
			t.Errorf("eventlint: no finding %q in\n%s", w, r.stdout)
		}
	}
	vet := runFreshVet(t, dir, "./...")
	for _, w := range want {
		w, _, _ = strings.Cut(w, " [EL")
		if !strings.Contains(vet.stderr, w) {
			t.Errorf("go vet: no finding %q in\n%s", w, vet.stderr)
		}
	}
}
