// Package phrasal emits events whose verb is a phrasal verb: a past
// participle followed by its particle is in the past tense.
package phrasal

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

func emits(ctx context.Context) {
	bus.Emit(ctx, "user.logged_in", nil)      // fine: logged, then its particle
	bus.Emit(ctx, "user.signed_up", nil)      // fine
	bus.Emit(ctx, "order.checked_out", nil)   // fine
	bus.Emit(ctx, "invoice.written_off", nil) // fine: an irregular participle, then its particle
	bus.Emit(ctx, "session.timed_out", nil)   // fine
	bus.Emit(ctx, "user.signed_back_in", nil) // fine: two particles
	bus.Emit(ctx, "user.logout", nil)         // want `^event name "user.logout" does not end in a past-tense verb \("logout"\): name it "user.logged_out"$`
	bus.Emit(ctx, "user.log_in", nil)         // want `^event name "user.log_in" does not end in a past-tense verb \("log_in"\): name it "user.logged_in"$`
	bus.Emit(ctx, "UserLogout", nil)          // want `^event name "UserLogout" has 1 segment, want <aggregate>.<verb>: name it "user.logged_out"$`
	bus.Emit(ctx, "user.out", nil)            // want `^event name "user.out" does not end in a past-tense verb \("out"\): name it <aggregate>.<verb> in lowercase snake_case with a past-tense verb, e.g. "order.refunded"$`
	bus.Emit(ctx, "app.startup", nil)         // want `^event name "app.startup" does not end in a past-tense verb \("startup"\): name it <aggregate>.<verb> in lowercase snake_case with a past-tense verb, e.g. "order.refunded"$`
}
