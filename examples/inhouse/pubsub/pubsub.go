// Package pubsub is the shop's own event bus, as the domain packages see it:
// two interfaces, implemented by package memory and handed to them by the
// command that constructs it. eventlint knows the bus from the directives on
// the interface methods, so calls through them are checked wherever the
// implementation is.
package pubsub

import "context"

// Publisher delivers events to the handlers subscribed to them.
type Publisher interface {
	// Publish hands payload to every handler subscribed to event.
	//
	//eventlint:emit name=event payload=payload
	Publish(ctx context.Context, event string, payload any) error
}

// Subscriber registers handlers. A handler is a
// func(context.Context, T) error; it receives the payloads of its event
// that are a T, and is skipped for the others.
type Subscriber interface {
	// Subscribe adds handler to the handlers of event.
	//
	//eventlint:subscribe name=event handler=handler
	Subscribe(event string, handler any)
}

// plugins are the subscriptions the handler packages registered at init.
var plugins []func(Subscriber)

// Plug registers subscriptions to make once the command has constructed its
// bus. Handler packages call it from init, so a command takes part in them
// by importing the package.
func Plug(subscribe func(Subscriber)) {
	plugins = append(plugins, subscribe)
}

// Attach makes the subscriptions of every handler package linked into the
// program on s.
func Attach(s Subscriber) {
	for _, subscribe := range plugins {
		subscribe(s)
	}
}
