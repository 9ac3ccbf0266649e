// Package ports declares the interface jobs emits through.
package ports

import "context"

type Emitter interface {
	Emit(ctx context.Context, event string, payload any)
}
