package ignore

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

func emits(ctx context.Context, kind string) {
	bus.Emit(ctx, "EmployeeCreated", nil) //eventlint:ignore consumed by the payroll service under this name

	//eventlint:ignore EL1001 the old name stays until payroll has moved over
	bus.Emit(ctx, "PatientCreated", nil) // fine: the directive above covers this line

	//eventlint:ignore EL1003, EL1001 a list of IDs, comma-separated
	bus.Emit(ctx, kind+".created", nil) // fine: EL1003 is in the directive's list

	//eventlint:ignore EL1002 narrowed to another check, so it does not cover EL1001
	bus.Emit(ctx, "ShiftPlanned", nil) // want `^event name "ShiftPlanned" has 1 segment, want <aggregate>.<verb>: name it "shift.planned"$`

	// A malformed directive suppresses nothing, and the directive runs to
	// the end of the line, so its expectations sit on the line above.
	// want +1 `^ignore directive needs a reason: write //eventlint:ignore \[check IDs\] <why this is fine>$` `^event name "RotaPublished" has 1 segment`
	bus.Emit(ctx, "RotaPublished", nil) //eventlint:ignore

	// want +1 `^ignore directive names unknown check EL9999: see eventlint -list for the check IDs$` `^event name "WardOpened" has 1 segment`
	bus.Emit(ctx, "WardOpened", nil) //eventlint:ignore EL9999 no such check

	//eventlint:ignore the blank line below ends its reach

	bus.Emit(ctx, "BedFreed", nil) // want `^event name "BedFreed" has 1 segment, want <aggregate>.<verb>: name it "bed.freed"$`

	bus.Emit(ctx, "order.refund", nil) //eventlint:ignore EL1002 trailing, with an ID
	bus.Emit(ctx, "order.cancel", nil) // want `^event name "order.cancel" does not end in a past-tense verb \("cancel"\): name it "order.canceled"$`
}
