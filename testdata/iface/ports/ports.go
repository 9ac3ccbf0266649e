// Package ports declares the interface the services emit through; the
// implementation is chosen by the command.
package ports

import "context"

type Publisher interface {
	Publish(ctx context.Context, event string, payload any)
}
