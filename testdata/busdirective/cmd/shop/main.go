package main

import (
	"context"

	"example.com/lint/busdirective/hub"
	"example.com/lint/busdirective/orders"
)

func main() {
	h := hub.New()
	orders.Listen(h)
	_ = orders.Ship(context.Background(), h, &orders.Order{ID: 1})
}
