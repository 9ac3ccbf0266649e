package notify

import (
	"context"
	"testing"

	"github.com/eventlint/eventlint/bus"
)

func TestWelcome(t *testing.T) {
	bus.On("employee.welcomed", welcome) // fine: a test's subscription is not linked into a command
	_ = welcome(context.Background(), nil)
}
