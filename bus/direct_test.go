package bus

import (
	"context"
	"testing"
	"unsafe"
)

// directCase subscribes a handler taking T, emits want and a payload of
// another type, and checks which path the subscription takes and what the
// handler receives.
func directCase[T comparable](t *testing.T, name string, want T, direct bool) {
	t.Run(name, func(t *testing.T) {
		var errs []*HandlerError
		b := New(WithErrorHandler(func(_ context.Context, err *HandlerError) { errs = append(errs, err) }))
		var got []T
		Subscribe(b, "thing.happened", func(_ context.Context, p T) error {
			got = append(got, p)
			return nil
		})
		s := b.subs.Load().lookup("thing.happened")[0]
		if isDirect := s.typ != unsafe.Pointer(&noDirect); isDirect != direct || (s.direct != nil) != direct {
			t.Errorf("direct path: %v, want %v", isDirect, direct)
		}
		b.Emit(context.Background(), "thing.happened", want)
		if len(got) != 1 || got[0] != want {
			t.Errorf("handler received %v, want [%v]", got, want)
		}
		// A payload of another type takes the asserting path: the handler
		// is not called and the mismatch is reported.
		b.Emit(context.Background(), "thing.happened", struct{ other int }{})
		if len(got) != 1 || len(errs) != 1 {
			t.Errorf("after a mismatched payload: %d handler calls, %d errors, want 1 and 1", len(got), len(errs))
		}
		// So does a nil payload, which only a handler taking an interface
		// type receives (as the zero T).
		var zero T
		wantCalls, wantErrs := 1, 2
		if any(zero) == nil {
			wantCalls, wantErrs = 2, 1
		}
		b.Emit(context.Background(), "thing.happened", nil)
		if len(got) != wantCalls || len(errs) != wantErrs {
			t.Errorf("after a nil payload: %d handler calls, %d errors, want %d and %d", len(got), len(errs), wantCalls, wantErrs)
		}
	})
}

type onePointer struct{ p *int }

// TestDirectCall checks that exactly the pointer-shaped payload types are
// handed to the handler by the direct path, and that both paths hand over
// the emitted value.
func TestDirectCall(t *testing.T) {
	n := 42
	ch := make(chan int)
	directCase(t, "pointer", &n, true)
	directCase(t, "nil pointer", (*int)(nil), true)
	directCase(t, "chan", ch, true)
	directCase(t, "unsafe.Pointer", unsafe.Pointer(&n), true)
	directCase(t, "struct of one pointer", onePointer{&n}, true)
	directCase(t, "array of one pointer", [1]*int{&n}, true)
	directCase(t, "int", 7, false)
	directCase(t, "zero int", 0, false)
	directCase(t, "string", "x", false)
	directCase(t, "two pointers", [2]*int{&n, &n}, false)
	directCase(t, "empty struct", struct{}{}, false)
	directCase(t, "error", error(context.Canceled), false)
}
