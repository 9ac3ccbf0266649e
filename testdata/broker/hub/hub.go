// Package hub is a broker client: subscribers of what it publishes may
// live in other processes.
package hub

type Conn struct{}

func (*Conn) Publish(subject string, data []byte) {}
