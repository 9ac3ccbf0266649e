// Command shop runs a day at the shop. It constructs the bus and hands it to
// the services and to the handler packages it imports.
package main

import (
	"context"
	"log"

	"example.com/inhouse/orders"
	"example.com/inhouse/payments"
	"example.com/inhouse/pubsub"
	"example.com/inhouse/pubsub/memory"
	"example.com/inhouse/shipping"

	// Handler packages take part by being imported.
	_ "example.com/inhouse/mailer"
)

func main() {
	ctx := context.Background()
	bus := memory.New()
	pubsub.Attach(bus)

	shop := orders.New(bus)
	warehouse := shipping.NewWarehouse(bus)
	o, err := shop.Place(ctx, 1, "ada@example.com", 42)
	if err != nil {
		log.Fatal(err)
	}
	if err := payments.Capture(ctx, bus, o); err != nil {
		log.Fatal(err)
	}
	if err := warehouse.Ship(ctx, o); err != nil {
		log.Fatal(err)
	}
	if err := shop.Cancel(ctx, o); err != nil {
		log.Fatal(err)
	}
}
