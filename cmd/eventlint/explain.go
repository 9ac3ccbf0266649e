package main

import (
	"fmt"
	"os"

	"github.com/eventlint/eventlint/internal/driver"
)

func init() {
	subcommands["explain"] = runExplain
	subcommandHelp["explain"] = "explain checks: eventlint explain EL1001 [EL1002...]"
}

// runExplain prints the documentation of each check named in args.
func runExplain(args []string) int {
	if len(args) == 0 {
		fmt.Fprintln(os.Stderr, "eventlint: explain needs a check ID, e.g. eventlint explain EL1001 (eventlint -list shows them)")
		return driver.ExitError
	}
	for i, id := range args {
		c, err := driver.LookupCheck(id)
		if err != nil {
			fmt.Fprintf(os.Stderr, "eventlint: %v\n", err)
			return driver.ExitError
		}
		if i > 0 {
			fmt.Println()
		}
		if err := driver.Explain(os.Stdout, c); err != nil {
			fmt.Fprintf(os.Stderr, "eventlint: %v\n", err)
			return driver.ExitError
		}
	}
	return driver.ExitOK
}
