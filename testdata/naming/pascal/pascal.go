// Package pascal emits events named as cometbft names them: one
// PascalCase segment (-naming.style=pascal).
package pascal

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

const (
	EventNewRoundStep = "NewRoundStep"
	EventVote         = "Vote"
	EventTimeoutWait  = "timeout_wait"
)

func emits(ctx context.Context) {
	bus.Emit(ctx, EventNewRoundStep, nil)        // fine
	bus.Emit(ctx, EventVote, nil)                // fine
	bus.Emit(ctx, "ValidatorSetUpdates", nil)    // fine
	bus.Emit(ctx, EventTimeoutWait, nil)         // want `^event name "timeout_wait" segment "timeout_wait" is not PascalCase: name it "TimeoutWait"$`
	bus.Emit(ctx, "newBlock", nil)               // want `^event name "newBlock" segment "newBlock" is not PascalCase: name it "NewBlock"$`
	bus.Emit(ctx, "consensus.NewRoundStep", nil) // want `^event name "consensus.NewRoundStep" has 2 segments, want <verb>: name it "ConsensusNewRoundStep"$`
}
