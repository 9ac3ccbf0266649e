package main

import "example.com/lint/broker/hub"

func main() { // want `^event "order.placed" is emitted but no handler linked into this program subscribes to it`
	c := new(hub.Conn)
	c.Publish("order.placed", nil)
}
