// Package events is the shop's event catalogue: every event a package of the
// shop publishes is declared here, with its payload.
//
//eventlint:catalogue
package events

// Order is the payload of the order events.
type Order struct {
	ID    int
	Email string
	Total float64
}

// Payment is the payload of the payment events.
type Payment struct {
	OrderID int
	Amount  float64
}

const (
	// OrderPlaced is published when a customer has placed an order.
	//
	//eventlint:payload *Order
	OrderPlaced = "order.placed"

	// OrderShipped is published when the warehouse has sent an order.
	//
	//eventlint:payload *Order
	OrderShipped = "order.shipped"

	// PaymentCaptured is published when an order's payment is collected.
	//
	//eventlint:payload *Payment
	PaymentCaptured = "payment.captured"
)
