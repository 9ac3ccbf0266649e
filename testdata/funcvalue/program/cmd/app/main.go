package main

import (
	"context"

	_ "example.com/lint/funcvalue/program/notify"
	"example.com/lint/funcvalue/program/store"
	"github.com/eventlint/eventlint/bus"
)

func main() {
	s := store.New(bus.Emit)
	s.Save(context.Background(), store.Record{ID: 1})
}
