// Package constgroup is a catalogue whose events are deprecated by the
// doc comment of their const group, as go doc shows it.
//
//eventlint:catalogue
package constgroup

// VisitBooked is emitted when a visit is booked.
const VisitBooked = "visit.booked"

// The events of the first booking system.
//
// Deprecated: the booking service emits visit.booked; these go away in v3.
const (
	// AppointmentBooked is emitted when an appointment is booked.
	AppointmentBooked = "appointment.booked"

	AppointmentMoved = "appointment.moved" // fine: nothing emits it, but the group is deprecated

	// AppointmentCancelled is emitted when an appointment is cancelled.
	//
	// Deprecated: emit visit.cancelled.
	AppointmentCancelled = "appointment.cancelled" // its own notice takes precedence
)

// The visit events nothing emits yet. The group's doc has no Deprecated:
// paragraph, so its constants are not deprecated.
const (
	// VisitCancelled is emitted when a visit is cancelled.
	VisitCancelled = "visit.cancelled" // want `^event "visit.cancelled" is catalogued but nothing in the module emits it: remove it or mark it Deprecated$`

	// VisitMissed is emitted when a patient misses a visit.
	VisitMissed = "visit.missed" // want `^event "visit.missed" is catalogued but nothing in the module emits it: remove it or mark it Deprecated$`
)
