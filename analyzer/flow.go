package analyzer

// Unhandled returns the events s emits that no subscription in s
// receives, sorted: for the flat summary of a program, what EL3001
// reports. It returns nil when s subscribes under a computed name (or
// through an interface method a subscribing wrapper may implement), which
// may be any of them. eventlint graph draws the same answer.
func (s *Summary) Unhandled() []string {
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
