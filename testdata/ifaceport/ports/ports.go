// Package ports declares what orders needs of the bus, without importing
// it.
package ports

import "context"

type Publisher interface {
	Publish(ctx context.Context, event string, payload any)
}
