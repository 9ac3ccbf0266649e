package analyzer

import "slices"

// Unhandled returns the events s emits that no subscription in s
// receives, sorted: for the flat summary of a program, what EL3001
// reports. It returns nil when s subscribes under a computed name (or
// through an interface method a subscribing wrapper may implement), which
// may be any of them. eventlint graph draws the same answer.
func (s *Summary) Unhandled() []string {
	s = s.InProcess()
	if hasDynamic(programDynamic(s), Subscribe) {
		return nil // a subscription under a computed name may handle any event
	}
	var out []string
	for _, event := range emittedEvents(s) {
		if len(s.SubsOf(event)) == 0 {
			out = append(out, event)
		}
	}
	return out
}

// NeverRun reports whether the handlers p registers at init never run:
// the module has programs (commands, or roots) and none of them links p
// in. It is the condition of EL3003.
func (v *ModuleView) NeverRun(p *PackageView, roots []string) bool {
	programs, linked := v.Linked(roots)
	return len(programs) > 0 && !linked[p.Path]
}

// InProcess returns the flat summary s without the emits and subscriptions
// of buses whose scope is broker: their subscribers may live in another
// process, so the program checks (EL3001, EL3002, EL3005) do not look at
// them. It returns s itself when there are none.
func (s *Summary) InProcess() *Summary {
	if !slices.ContainsFunc(s.Emits, func(e EmitRecord) bool { return e.Broker }) &&
		!slices.ContainsFunc(s.Subs, func(r SubRecord) bool { return r.Broker }) {
		return s
	}
	c := *s
	c.Emits = slices.DeleteFunc(slices.Clone(s.Emits), func(e EmitRecord) bool { return e.Broker })
	c.Subs = slices.DeleteFunc(slices.Clone(s.Subs), func(r SubRecord) bool { return r.Broker })
	return &c
}
