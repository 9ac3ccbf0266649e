// Command app wires orders to the bus through adapter.
package main

import (
	"context"

	"example.com/lint/ifaceport/adapter"
	_ "example.com/lint/ifaceport/notify"
	"example.com/lint/ifaceport/orders"
)

func main() {
	orders.Service{Pub: adapter.BusPublisher{}}.Place(context.Background())
}
