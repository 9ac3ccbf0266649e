// Package cloudevents emits events named as CloudEvents types: a
// reverse-DNS prefix, then <aggregate>.<verb>, maybe a version
// (-naming.style=cloudevents).
package cloudevents

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

func emits(ctx context.Context) {
	bus.Emit(ctx, "com.example.order.created", nil)      // fine
	bus.Emit(ctx, "com.github.pull_request.opened", nil) // fine
	bus.Emit(ctx, "com.example.object.deleted.v2", nil)  // fine: a version
	bus.Emit(ctx, "com.example.order.create", nil)       // want `^event name "com.example.order.create" does not end in a past-tense verb \("create"\): name it "com.example.order.created"$`
	bus.Emit(ctx, "order.created", nil)                  // want `^event name "order.created" does not start with a reverse-DNS prefix: name it <reverse-dns>.<aggregate>.<verb>\[.v<n>\] in lowercase snake_case with a past-tense verb, e.g. "com.example.order.refunded"$`
	bus.Emit(ctx, "com.example.Order.Created", nil)      // want `^event name "com.example.Order.Created" segment "Order" is not lowercase snake_case: name it "com.example.order.created"$`
}
