// Command app links a, which links b, which links c: the emits and the
// handlers of the program are one to three imports below it, and go vet
// shows package main the facts of its direct imports only.
package main

import (
	"context"

	"example.com/vetchain/a"
)

func main() {
	a.Order(context.Background())
}
