// Package events is a catalogue that names its payloads by aliases of
// package model's types: an alias and the type it denotes are one type,
// to the bus as to the checks.
//
//eventlint:catalogue
package events

import "example.com/lint/alias/model"

// Customer is model.Customer.
type Customer = model.Customer

// CustomerPage is a page of customers.
type CustomerPage = model.Page[Customer]

const (
	// CustomerCreated is emitted when a customer signs up.
	//
	//eventlint:payload *Customer
	CustomerCreated = "customer.created"

	// CustomerMerged is emitted when two customer records become one.
	//
	//eventlint:payload *Customer
	CustomerMerged = "customer.merged"

	// CustomerListed is emitted when a page of customers is shown.
	//
	//eventlint:payload model.Page[Customer]
	CustomerListed = "customer.listed"
)
