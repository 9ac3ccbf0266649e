// Package a takes orders through b.
package a

import (
	"context"

	"example.com/vetchain/b"
)

// Order places and ships an order.
func Order(ctx context.Context) {
	b.Place(ctx, 7)
}
