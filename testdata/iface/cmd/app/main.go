// Command app wires the bus adapter into the order service.
package main

import (
	"context"

	"example.com/lint/iface/busadapter"
	"example.com/lint/iface/orders"
	_ "example.com/lint/iface/shipping"
)

func main() {
	s := orders.New(busadapter.Publisher{})
	s.Place(context.Background(), orders.Order{ID: 1})
	s.Ship(context.Background(), orders.Order{ID: 1})
}
