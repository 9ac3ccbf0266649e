// Package events is the catalogue of the ifaceport module.
//
//eventlint:catalogue
package events

// OrderPlaced is emitted when an order is placed.
const OrderPlaced = "order.placed"
