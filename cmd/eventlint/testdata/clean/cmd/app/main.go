package main

import (
	"context"

	"example.com/clean/notify"
	"github.com/eventlint/eventlint/bus"
)

func main() {
	bus.Emit(context.Background(), "employee.created", &notify.Employee{Name: "Ada"})
}
