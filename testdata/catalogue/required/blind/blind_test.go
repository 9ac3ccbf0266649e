package blind

import (
	"context"
	"testing"

	"github.com/eventlint/eventlint/bus"
)

// The test files get their own finding, so the one about blind.go reads
// the same with and without them.
func TestEmit(t *testing.T) {
	ctx := context.Background()
	bus.Emit(ctx, "employee.created", nil) // want `^this package's tests use the bus at 2 sites \(this is the first\) without importing the required catalogue example\.com/lint/catalogue/events: import it and take the event names from its constants$`
	emit(ctx, "employee")
	bus.Emit(ctx, "employee.updated", nil)
}
