package bus

import (
	"encoding/binary"
	"math/bits"
	"math/rand/v2"
	"unsafe"
)

// A table is an immutable snapshot of a Bus's subscriptions. Writers build a
// new one and publish it atomically; Emit only ever reads one.
//
// Besides the map that writers copy from, a table carries two open-addressing
// indexes over the event names, because on the Emit path the lookup is most
// of the time not spent in handlers, and a Go map lookup (which must hash
// the whole name with the runtime's general-purpose hash) costs more than
// the rest of a one-handler Emit:
//
//   - byAddr finds an event by the address and length of its name's bytes.
//     Event names are nearly always string constants, and the linker stores
//     identical string constants once, so the name passed to Emit usually
//     shares its bytes with the name passed to Subscribe. Hashing an address
//     is one multiplication. The match is exact: the table keeps the
//     subscribed name alive, so no other string can occupy its address, and
//     strings are immutable, so equal address and length mean equal names.
//   - slots finds an event by its name's contents, for names built at run
//     time; it uses a cheap multiply-fold hash over 8-byte words (event names
//     are short and chosen by the program, not by an adversary).
//
// Both have a power-of-two length at least twice len(events), so probes are
// short and always reach an empty slot. An empty slot has no subs; every
// event in the table has at least one.
type table struct {
	// events holds each event's subscriptions in registration order. It
	// and its slices are shared with later tables and never modified.
	events map[string][]*subscription
	slots  []slot
	byAddr []addrSlot
	mask   uint64

	// hooks is what Emit does besides calling handlers (see hooks), or nil.
	// It lives in the table rather than in the Bus so that the Emit path
	// still reads one atomic pointer, and so that an Emit calls its
	// handlers and its observer from the same snapshot.
	hooks *hooks
}

type slot struct {
	event string
	subs  []*subscription
}

type addrSlot struct {
	data *byte
	len  int
	subs []*subscription
}

// newTable returns a table indexing events, which the caller must not
// modify afterwards, and carrying h. It returns nil, the empty table, for an
// empty map and no hooks.
func newTable(events map[string][]*subscription, h *hooks) *table {
	if len(events) == 0 && h == nil {
		return nil
	}
	n := 8
	for n < 2*len(events) {
		n *= 2
	}
	t := &table{
		events: events,
		slots:  make([]slot, n),
		byAddr: make([]addrSlot, n),
		mask:   uint64(n - 1),
		hooks:  h,
	}
	for event, subs := range events {
		i := hashString(event) & t.mask
		for len(t.slots[i].subs) != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = slot{event: event, subs: subs}

		if len(event) == 0 {
			continue // no bytes, no address; found through slots
		}
		p := unsafe.StringData(event)
		i = hashAddr(p) & t.mask
		for len(t.byAddr[i].subs) != 0 {
			i = (i + 1) & t.mask
		}
		t.byAddr[i] = addrSlot{data: p, len: len(event), subs: subs}
	}
	return t
}

// lookup returns the subscriptions to event, or nil. t may be nil.
func (t *table) lookup(event string) []*subscription {
	if subs, ok := t.lookupFast(event); ok {
		return subs
	}
	return t.lookupSlow(event)
}

// lookupFast is lookup when event is at the first slot it probes in byAddr,
// the common case of a constant name: it returns event's subscriptions and
// true, or false if lookupSlow must look further. t may be nil.
//
// It is small enough to be inlined, so Emit finds a constant name without
// making a call.
func (t *table) lookupFast(event string) ([]*subscription, bool) {
	if t == nil {
		return nil, true
	}
	p := unsafe.StringData(event)
	s := &t.byAddr[hashAddr(p)&t.mask]
	return s.subs, len(s.subs) != 0 && s.data == p && s.len == len(event)
}

// lookupSlow is lookup on a table that is not nil, probing byAddr and then
// slots.
func (t *table) lookupSlow(event string) []*subscription {
	p := unsafe.StringData(event)
	for i := hashAddr(p) & t.mask; ; i = (i + 1) & t.mask {
		s := &t.byAddr[i]
		if len(s.subs) == 0 {
			break
		}
		if s.data == p && s.len == len(event) {
			return s.subs
		}
	}
	return t.lookupName(event)
}

// lookupName is lookup by the contents of the name, for names whose bytes
// are not the ones the table holds.
func (t *table) lookupName(event string) []*subscription {
	for i := hashString(event) & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if len(s.subs) == 0 {
			return nil
		}
		if s.event == event {
			return s.subs
		}
	}
}

// eventMap returns the map of subscriptions by event; t may be nil.
func (t *table) eventMap() map[string][]*subscription {
	if t == nil {
		return nil
	}
	return t.events
}

// hookSet returns the table's hooks, or nil; t may be nil.
func (t *table) hookSet() *hooks {
	if t == nil {
		return nil
	}
	return t.hooks
}

// hashSeed varies the hash between processes so that no particular set of
// event names collides everywhere.
var hashSeed = rand.Uint64()

const (
	hashMul1 = 0xa0761d6478bd642f
	hashMul2 = 0xe7037ed1a0b428db
)

// hashString hashes s a word at a time, folding a 64×64→128-bit multiply
// after each word (as wyhash does).
func hashString(s string) uint64 {
	h := hashSeed ^ uint64(len(s))*hashMul1
	b := unsafe.Slice(unsafe.StringData(s), len(s))
	if len(b) < 8 {
		var w uint64
		for i, c := range b {
			w |= uint64(c) << (8 * i)
		}
		return fold(h^w, hashMul2)
	}
	// The last word may overlap the one before it; that is fine for a hash
	// and saves a byte loop for the tail.
	last := binary.LittleEndian.Uint64(b[len(b)-8:])
	for len(b) > 8 {
		h = fold(h^binary.LittleEndian.Uint64(b), hashMul2)
		b = b[8:]
	}
	return fold(h^last, hashMul2)
}

// hashAddr hashes the address of a name's bytes by Fibonacci hashing; the
// high half of the product is the well-mixed half.
func hashAddr(p *byte) uint64 {
	return uint64(uintptr(unsafe.Pointer(p))) * 0x9e3779b97f4a7c15 >> 32
}

func fold(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	return hi ^ lo
}
