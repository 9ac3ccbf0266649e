// Package funcvalue calls the bus through function values: literals that
// forward their parameter, and bus functions stored in variables and
// struct fields. Calls through a variable that only ever holds one bus
// function are sites; a bus function stored where its calls cannot be
// followed is recorded as a computed-name site (see the summary).
package funcvalue

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

type Name string

type Job struct{ ID int }

func handle(context.Context, Job) error { return nil }

// A literal that forwards its parameter is a wrapper: its callers' names
// are checked, and its own bus call is not a computed-name site.
func register() {
	on := func(name Name) { bus.On(string(name), handle) }
	on("job.started")
	on("JobFinished") // want `^event name "JobFinished" has 1 segment, want <aggregate>\.<verb>: name it "job\.finished"$`
}

// A literal whose callers are not known (passed on as a callback) is no
// wrapper: the name it passes is computed.
func each(names []string, f func(string)) {
	for _, n := range names {
		f(n)
	}
}

func registerAll(names []string) {
	each(names, func(n string) {
		bus.On(n, handle) // want `^event name passed to bus\.On is not a compile-time constant, so its contract cannot be checked: use a constant$`
	})
}

// An unexported package variable that only ever holds bus.Emit.
var emit = bus.Emit

func fromVar(ctx context.Context) {
	emit(ctx, "job.queued", Job{})
	emit(ctx, "JobQueued", Job{}) // want `^event name "JobQueued" has 1 segment, want <aggregate>\.<verb>: name it "job\.queued"$`
}

// An unexported struct field set to bus.Emit wherever it is set.
type scheduler struct {
	emit func(context.Context, string, any)
	name string
}

func newScheduler() *scheduler {
	s := &scheduler{name: "default"}
	s.emit = bus.Emit
	return s
}

func literalScheduler() scheduler { return scheduler{bus.Emit, "literal"} }

func (s *scheduler) run(ctx context.Context) {
	s.emit(ctx, "job.scheduled", Job{})
	s.emit(ctx, "JobScheduled", Job{}) // want `^event name "JobScheduled" has 1 segment, want <aggregate>\.<verb>: name it "job\.scheduled"$`
}

// A field set from a parameter may hold any function: its calls are not
// sites, and the bus function its callers pass escapes (a computed-name
// site where it is passed).
type notifier struct {
	publish func(context.Context, string, any)
}

func newNotifier(publish func(context.Context, string, any)) *notifier {
	return &notifier{publish: publish}
}

func (n *notifier) run(ctx context.Context) {
	n.publish(ctx, "AnythingAtAll", nil) // not known to reach the bus
}

func wire() *notifier { return newNotifier(bus.Emit) }

// An exported variable may be set by another package: its calls are not
// sites, and the bus function stored in it escapes.
var Subscribe = bus.On[Job]

func fromExported() {
	Subscribe("JobAnything", handle) // not known to reach the bus
}

// A variable set to two different functions is not followed either.
var publish = bus.Emit

func replace() {
	publish = func(context.Context, string, any) {}
	publish(context.Background(), "NotKnown", nil)
}

// A wrapper passed as a value is called where it cannot be followed, as
// a bus function would be.
func announce(ctx context.Context, name string) { bus.Emit(ctx, name, nil) }

func later(f func(context.Context, string)) { f(context.Background(), "whatever.happened") }

func schedule() { later(announce) }
