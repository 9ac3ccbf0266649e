// Package analyzer holds the eventlint analyzers, which check the event
// contracts of programs built on the event bus in
// github.com/eventlint/eventlint/bus.
//
// # Analyzers
//
//   - naming: event names follow <aggregate>.<verb> with a past-tense verb
//     and are compile-time constants (EL1001–EL1003; EL0001 for malformed
//     ignore directives).
//   - catalogue: emitted and subscribed events are declared in the project's
//     event catalogue, with the declared payload, and deprecated events are
//     not emitted (EL2001–EL2008).
//   - unregistered: every event a program emits has a subscriber linked into
//     that program, handlers can receive what is emitted and emits reach a
//     handler, and handler packages are imported by a command
//     (EL3001–EL3005).
//   - fields: the keys bus.Fields handlers read are emitted, with the
//     types they assert, and emitted values have the key types the
//     catalogue declares (EL4001–EL4003).
//   - samepackage (opt-in): an event is not emitted and handled only
//     within one package (EL5001).
//
// All of them stand on the Model analyzer, which finds the bus call sites once
// per package and exports the facts the checks need. docs/checks.md
// documents every check; Checks is the registry behind it.
//
// # Flags
//
// With the eventlint command (and go vet -vettool) a flag is given as
// -<analyzer>.<flag>; in golangci-lint as a plugin setting.
//
//	| analyzer     | flag       | default | meaning                                                          |
//	|--------------|------------|---------|------------------------------------------------------------------|
//	| naming       | style      | default | naming style the other naming flags override (docs/naming.md)    |
//	| naming       | separator  | .       | string between segments                                          |
//	| naming       | segments   | 2       | allowed numbers of segments, e.g. 2,3 or 1-4                     |
//	| naming       | case       | snake   | case of every segment: snake, lower, camel, pascal, kebab        |
//	| naming       | prefix     | ""      | what every name starts with: com.example., /, or * (any)         |
//	| naming       | version    | false   | allow a version (v2) as the last segment                         |
//	| naming       | past-tense | true    | require a name to end in a past-tense verb (and its particles)   |
//	| naming       | irregular  | ""      | extra past participles not ending in -ed, comma-separated        |
//	| catalogue    | require    | ""      | import path of the catalogue every emitting package must see     |
//	| unregistered | roots      | ""      | extra packages to treat as programs (library modules)            |
//	| samepackage  | enable     | false   | report events emitted and handled only within one package        |
//
// The flag names are the constants FlagStyle, FlagSeparator,
// FlagSegments, FlagCase, FlagPastTense, FlagPrefix, FlagVersion,
// FlagIrregular, FlagRequire, FlagRoots and FlagEnable. The naming
// defaults are the default style's; the other naming flags override the
// style's values.
//
// # The catalogue
//
// A package is the event catalogue when one of its files carries the
// directive //eventlint:catalogue in its package doc comment or above its
// package clause. Each exported package-level string constant in it is a
// published event; its doc comment is the event's purpose, and a
// "Deprecated:" paragraph deprecates it (in the doc comment of a
// parenthesised const group, every constant of the group). The payload
// may be declared with //eventlint:payload followed by a type in scope in
// that file, or by bus.Fields{"key", ...} for a keyword payload, where
// each key may give the type of its values (bus.Fields{"invoice_id":
// string, "amount"}):
//
//	// Package events declares the events the clinic publishes.
//	//
//	//eventlint:catalogue
//	package events
//
//	type Patient struct{ ID int }
//
//	const (
//		// PatientCreated is emitted when a patient is first registered.
//		//
//		//eventlint:payload *Patient
//		PatientCreated = "patient.created"
//
//		// InvoicePaid is emitted when an invoice is settled.
//		//
//		//eventlint:payload bus.Fields{"invoice_id", "amount"}
//		InvoicePaid = "invoice.paid"
//	)
//
// Because the catalogue is Go source, go vet's and golangci-lint's result
// caches see every change to it.
//
// # Ignoring a finding
//
// A //eventlint:ignore directive suppresses the eventlint findings reported
// on a line: at the end of the line it covers that line, alone on a line it
// covers the next one. A reason is required; check IDs before the reason
// narrow it:
//
//	bus.Emit(ctx, "Legacy", nil) //eventlint:ignore EL1001 consumed by billing; renamed in Q3
//
//	//eventlint:ignore EL3001 the reporting service subscribes from another process
//	func main() {
//
// A directive without a reason, or naming an unknown check, is reported
// (EL0001). Findings in generated files (// Code generated ... DO NOT EDIT.)
// are never reported.
//
// # Wrappers
//
// A function that passes one of its parameters to the bus as the event
// name, directly or through another such function, is a wrapper: a call of
// it with a constant name is checked like a bus call, and the forwarding
// call inside it is not reported as a dynamic name. Wrappers are found
// across packages through object facts, as the printf checker finds printf
// wrappers.
package analyzer
