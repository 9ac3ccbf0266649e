package audit // want package:`^\{package audit \("example\.com/lint/wrappers/audit"\) summary\(emits=2 subs=1 dynamic=0 wrappers=3 catalogues=0\)\}$`

import (
	"context"

	"example.com/lint/wrappers/events"
)

type Entry struct{ What string }

// Record is a wrapper of a wrapper in another package.
func Record(event string, payload any) { // want Record:"^emits\\(name=0, payload=1\\)$"
	events.Publish(event, payload)
}

func init() {
	events.Handle("audit.recorded", func(ctx context.Context, e Entry) error { return nil })
}

func logIn(user string) {
	Record("audit.recorded", Entry{What: user})
}
