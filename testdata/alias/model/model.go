// Package model declares the types the catalogue of package events
// republishes under aliases.
package model

type Customer struct{ ID string }

type Page[T any] struct{ Items []T }
