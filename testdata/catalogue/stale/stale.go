// Package stale is a catalogue for the module-wide check: the test gives
// the analyzer a module view in which only some of its events are emitted.
//
//eventlint:catalogue
package stale

const (
	// ShiftPlanned is emitted by a package of the module view.
	ShiftPlanned = "shift.planned"

	// ShiftSwapped is emitted nowhere.
	ShiftSwapped = "shift.swapped" // want `^event "shift.swapped" is catalogued but nothing in the module emits it: remove it or mark it Deprecated$`

	// ShiftCancelled is only subscribed to, never emitted.
	ShiftCancelled = "shift.cancelled" // want `^event "shift.cancelled" is catalogued but nothing in the module emits it: remove it or mark it Deprecated$`

	// ShiftDropped is emitted nowhere any more.
	//
	// Deprecated: shifts are cancelled, not dropped.
	ShiftDropped = "shift.dropped" // fine: deprecated events are on their way out

	// ShiftDuplicate is reported as a duplicate, not as never emitted.
	ShiftDuplicate = "shift.planned" // want `^event "shift.planned" is already declared by ShiftPlanned at line 9: keep one constant per event$`
)
