// Command clinic-admin hires staff from the command line.
package main

import (
	"context"
	"os"

	"example.com/clinic/hr"
	_ "example.com/clinic/notify"
)

func main() {
	name := "Ada"
	if len(os.Args) > 1 {
		name = os.Args[1]
	}
	hr.Hire(context.Background(), name, name+"@example.com")
}
