// Package events is the catalogue of the interface example.
//
//eventlint:catalogue
package events

const (
	// OrderPlaced is emitted only through the ports.Publisher interface.
	OrderPlaced = "order.placed"
	// OrderShipped is subscribed to, but emitted under a misspelt name.
	OrderShipped = "order.shipped"
)
