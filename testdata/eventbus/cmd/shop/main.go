package main

import (
	EventBus "github.com/asaskevich/EventBus"

	"example.com/eventbus/app"
)

func main() {
	b := EventBus.New()
	app.Register(b)
	app.Run(b, nil)
}
