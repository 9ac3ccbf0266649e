// Package snake emits events named as caddy names them: one lowercase
// snake_case segment, in any tense (-naming.style=snake).
package snake

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

func emits(ctx context.Context) {
	bus.Emit(ctx, "cert_obtained", nil)       // fine
	bus.Emit(ctx, "cert_obtaining", nil)      // fine: the style has no tense rule
	bus.Emit(ctx, "tls_get_certificate", nil) // fine
	bus.Emit(ctx, "started", nil)             // fine
	bus.Emit(ctx, "CertObtained", nil)        // want `^event name "CertObtained" segment "CertObtained" is not lowercase snake_case: name it "cert_obtained"$`
	bus.Emit(ctx, "cert.failed", nil)         // want `^event name "cert.failed" has 2 segments, want <verb>: name it "cert_failed"$`
	bus.Emit(ctx, "cert-renewed", nil)        // want `^event name "cert-renewed" segment "cert-renewed" is not lowercase snake_case: name it "cert_renewed"$`
}
