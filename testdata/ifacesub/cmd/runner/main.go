// Command runner handles task.done through the interface: no finding
// under any driver (go vet does not see that adapter implements
// ports.Subscriber, and must not report task.done as unhandled).
package main

import (
	"context"

	"example.com/lint/ifacesub/adapter"
	"example.com/lint/ifacesub/alerts"
	"example.com/lint/ifacesub/tasks"
)

func main() {
	alerts.Register(adapter.Subscriber{})
	tasks.Done(context.Background(), "t1")
}
