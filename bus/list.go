package bus

import (
	"slices"
	"strings"
)

// EventHandlers is one event's entry in the list that Handlers returns.
type EventHandlers struct {
	// Event is the event name as it was subscribed.
	Event string `json:"event"`
	// Handlers are the fully qualified function names of the event's
	// handlers (as in HandlerError.Handler), in the order Emit calls them.
	// A function subscribed twice is listed twice.
	Handlers []string `json:"handlers"`
}

// Handlers returns what is subscribed on b: every event that has at least one
// handler, sorted by name, each with its handlers in the order Emit calls
// them. It is meant for an admin endpoint or a start-up log line, to show
// which handlers a program has actually linked in; it encodes as JSON as is.
//
// The list is a snapshot with the same consistency as Emit: Handlers reads
// the subscription table with one atomic load, as an Emit does, so the list
// is exactly what an Emit starting at that moment would call. Each Subscribe,
// unsubscribe and Clear is in it entirely or not at all; changes made after
// that load, including while Handlers runs, are not. Handlers is safe for
// concurrent use, including from a handler, and the returned slices belong to
// the caller.
//
// Unlike Emit, Handlers allocates: it copies every event name's handler list.
func (b *Bus) Handlers() []EventHandlers {
	events := b.subs.Load().eventMap()
	list := make([]EventHandlers, 0, len(events))
	for event, subs := range events {
		names := make([]string, len(subs))
		for i, s := range subs {
			names[i] = s.name
		}
		list = append(list, EventHandlers{Event: event, Handlers: names})
	}
	slices.SortFunc(list, func(a, b EventHandlers) int { return strings.Compare(a.Event, b.Event) })
	return list
}
