// Package quiet does not use the bus: the requirement does not apply.
package quiet

// Hello is not an event.
const Hello = "hello.said" // fine: not a site
