// Package field declares a bus as a struct of func-typed fields.
package field

import "context"

type Bus struct {
	//eventlint:emit name=name payload=p
	Emit func(ctx context.Context, name string, p any)
	// Unnamed parameters cannot be declared.
	//eventlint:emit name=name // want `^malformed eventlint:emit directive: name=name: no parameter of that name$`
	Send func(context.Context, string, any)
}

func Use(ctx context.Context, b Bus) {
	b.Emit(ctx, "UserCreated", nil) // want `^event name "UserCreated" has 1 segment`
	b.Emit(ctx, "user.created", nil)
}
