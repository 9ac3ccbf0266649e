package orders

import (
	"context"
	"testing"

	"github.com/eventlint/eventlint/bus"
)

func TestEmits(t *testing.T) {
	emits(context.Background(), bus.New(), "order")
	bus.Emit(context.Background(), "TestOrderPlaced", nil) // EL1001, only with -test
}
