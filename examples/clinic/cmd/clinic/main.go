// Command clinic runs a day at the clinic.
package main

import (
	"context"

	"example.com/clinic/services"

	// Handler packages take part by being imported.
	_ "example.com/clinic/notify"
)

// Mistake: example.com/clinic/accounting handles invoice.paid, but it is not
// imported here, so invoice.paid reaches no handler. eventlint -fix adds it.

func main() {
	services.Demo(context.Background())
}
