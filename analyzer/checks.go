package analyzer

import "slices"

// DocsURL is the page that documents every check; a finding links to
// DocsURL#<check ID> (drivers join Analyzer.URL and Diagnostic.Category).
const DocsURL = "https://github.com/eventlint/eventlint/blob/main/docs/checks.md"

// Driver coverage of a check.
const (
	// AllDrivers: the check runs under every driver (eventlint, go vet,
	// golangci-lint, nogo).
	AllDrivers = "all drivers"
	// StandaloneOnly: the check needs every package of the module at once,
	// which only the standalone eventlint command loads.
	StandaloneOnly = "standalone eventlint only"
)

// Check describes one kind of finding. It is the single source for
// -help/explain, docs/checks.md and the findings' Category and URL.
type Check struct {
	ID        string // stable, never reused: EL<analyzer digit><number>
	Analyzer  string // name of the analyzer that reports it
	Title     string // one line, lowercase, no period
	Since     string // the eventlint version that introduced it
	Drivers   string // AllDrivers or StandaloneOnly
	Rationale string // why it matters
	Before    string // Go code that is reported
	After     string // the same code, fixed
}

// URL is the check's documentation link.
func (c *Check) URL() string { return DocsURL + "#" + c.ID }

// Checks lists every check, ordered by ID.
var Checks = []*Check{
	CheckIgnoreDirective, CheckBusDirective,
	CheckNameFormat, CheckNamePastTense, CheckNameDynamic,
	CheckUncatalogued, CheckCatalogueLiteral, CheckDeprecatedEmit, CheckPayloadMismatch,
	CheckCatalogueDuplicate, CheckCataloguePayload, CheckCatalogueNotVisible, CheckCatalogueStale,
	CheckNoSubscriber, CheckHandlerType, CheckHandlerNotImported, CheckSubscriptionUnemitted, CheckPayloadUnreceived,
	CheckFieldsKeyUnknown, CheckFieldsAssert, CheckFieldsKeyType,
	CheckSamePackage,
}

// CheckByID returns the check with the given ID, or nil.
func CheckByID(id string) *Check {
	i := slices.IndexFunc(Checks, func(c *Check) bool { return c.ID == id })
	if i < 0 {
		return nil
	}
	return Checks[i]
}

const since = "v0.1.0"

var CheckIgnoreDirective = &Check{
	ID: "EL0001", Analyzer: "naming", Title: "malformed eventlint:ignore directive", Since: since, Drivers: AllDrivers,
	Rationale: "A suppression is a decision someone has to be able to revisit: the directive must say why, " +
		"and any check IDs it names must exist, or it silences nothing it was meant to.",
	Before: "bus.Emit(ctx, \"Legacy\", nil) //eventlint:ignore",
	After:  "bus.Emit(ctx, \"Legacy\", nil) //eventlint:ignore EL1001 consumed by the billing service, renamed in Q3",
}

var CheckBusDirective = &Check{
	ID: "EL0002", Analyzer: "naming", Title: "malformed eventlint:emit or eventlint:subscribe directive", Since: since030, Drivers: AllDrivers,
	Rationale: "A bus directive that does not parse declares nothing: the calls of the function it was meant to " +
		"declare are not sites, and every check on them silently stops. Keys are name, payload, handler, form and " +
		"scope, each once, name= is required, and a parameter is named, never an index (docs/buses.md).",
	Before: "//eventlint:emit name=0 payload=data\nfunc Publish(topic string, data any)",
	After:  "//eventlint:emit name=topic payload=data\nfunc Publish(topic string, data any)",
}

const since030 = "v0.3.0"

var CheckNameFormat = &Check{
	ID: "EL1001", Analyzer: "naming", Title: "event name does not follow the naming style", Since: since, Drivers: AllDrivers,
	Rationale: "Event names are read by people and matched by code in other modules. One shape, " +
		"lowercase snake_case segments separated by dots, keeps them greppable and predictable: " +
		"the aggregate that changed, then what happened to it. That is the default style; -naming.style picks another " +
		"convention (snake: cert_obtained, path: /tasks/exit, pascal: NewRoundStep, nats: orders.eu.created, " +
		"cloudevents: com.example.order.created) and one flag per setting (separator, segments, case, past-tense, prefix, " +
		"version) overrides the style; the suggested name is in the configured style. See docs/naming.md.",
	Before: "bus.Emit(ctx, \"EmployeeCreated\", e)",
	After:  "bus.Emit(ctx, \"employee.created\", e)",
}

var CheckNamePastTense = &Check{
	ID: "EL1002", Analyzer: "naming", Title: "event name does not end in a past-tense verb", Since: since, Drivers: AllDrivers,
	Rationale: "An event records something that has happened; a command asks for something to happen. " +
		"A present-tense name (order.refund) reads as a command and invites handlers that reply to it. " +
		"A past participle followed by its particles (user.logged_in, invoice.written_off) is in the past tense; " +
		"a name whose verb cannot be told (a particle alone, a noun such as payment) gets no suggested name.",
	Before: "bus.Emit(ctx, \"order.refund\", o)",
	After:  "bus.Emit(ctx, \"order.refunded\", o)",
}

var CheckNameDynamic = &Check{
	ID: "EL1003", Analyzer: "naming", Title: "event name is not a compile-time constant", Since: since, Drivers: AllDrivers,
	Rationale: "A name computed at run time cannot be checked against the naming rule, the catalogue or the " +
		"program's subscribers. Use a constant, or a wrapper function that takes the name as a parameter " +
		"(its callers' constant names are then checked).",
	Before: "bus.Emit(ctx, kind+\".created\", e)",
	After:  "bus.Emit(ctx, events.EmployeeCreated, e)",
}

var CheckUncatalogued = &Check{
	ID: "EL2001", Analyzer: "catalogue", Title: "event is not declared in the catalogue", Since: since, Drivers: AllDrivers,
	Rationale: "The catalogue is the list of published events other modules may depend on. An event emitted " +
		"or subscribed to outside it is an undocumented contract, or a typo of a declared one.",
	Before: "bus.Emit(ctx, \"employee.hired\", e) // not in package events",
	After:  "// in package events:\nconst EmployeeHired = \"employee.hired\"\n\nbus.Emit(ctx, events.EmployeeHired, e)",
}

var CheckCatalogueLiteral = &Check{
	ID: "EL2002", Analyzer: "catalogue", Title: "string literal repeats a catalogued event name", Since: since, Drivers: AllDrivers,
	Rationale: "Spelling a catalogued name as a literal hides the dependency on the catalogue: a rename or " +
		"deprecation there does not reach this line. The suggested fix uses the constant.",
	Before: "bus.Emit(ctx, \"employee.created\", e)",
	After:  "bus.Emit(ctx, events.EmployeeCreated, e)",
}

var CheckDeprecatedEmit = &Check{
	ID: "EL2003", Analyzer: "catalogue", Title: "emit of a deprecated event", Since: since, Drivers: AllDrivers,
	Rationale: "A deprecated event is kept only so existing subscribers keep working during a migration; new " +
		"emits prolong it. Subscribing stays fine while the event is still emitted.",
	Before: "bus.Emit(ctx, events.PatientRegistered, p) // Deprecated: use PatientCreated",
	After:  "bus.Emit(ctx, events.PatientCreated, p)",
}

var CheckPayloadMismatch = &Check{
	ID: "EL2004", Analyzer: "catalogue", Title: "emitted payload does not match the catalogue", Since: since, Drivers: AllDrivers,
	Rationale: "Subscribers are written against the catalogued payload type; the bus skips a handler whose " +
		"type does not match, so a wrong payload is a silently lost event. Types are compared by identity: a type " +
		"alias and the type it denotes are one type, and messages name types as the code spells them.",
	Before: "//eventlint:payload Employee\nconst EmployeeCreated = \"employee.created\"\n\nbus.Emit(ctx, events.EmployeeCreated, &e) // *Employee",
	After:  "bus.Emit(ctx, events.EmployeeCreated, e)",
}

var CheckCatalogueDuplicate = &Check{
	ID: "EL2005", Analyzer: "catalogue", Title: "event declared twice in the catalogue", Since: since, Drivers: AllDrivers,
	Rationale: "Two constants for one event split its users between two names for the same contract; " +
		"deprecating or documenting one of them misses the other.",
	Before: "const (\n\tEmployeeCreated = \"employee.created\"\n\tEmployeeAdded   = \"employee.created\"\n)",
	After:  "const EmployeeCreated = \"employee.created\"",
}

var CheckCataloguePayload = &Check{
	ID: "EL2006", Analyzer: "catalogue", Title: "malformed payload directive", Since: since, Drivers: AllDrivers,
	Rationale: "A payload directive that does not resolve declares nothing, and payload checks silently stop. " +
		"Two payload directives on one constant leave it unknown which one is meant: it declares no payload " +
		"until one of them is removed, and the second is reported.",
	Before: "//eventlint:payload Employe\nconst EmployeeCreated = \"employee.created\"",
	After:  "//eventlint:payload Employee\nconst EmployeeCreated = \"employee.created\"",
}

var CheckCatalogueNotVisible = &Check{
	ID: "EL2007", Analyzer: "catalogue", Title: "package uses the bus without the required catalogue", Since: since, Drivers: AllDrivers,
	Rationale: "With -catalogue.require set, every package that emits or subscribes must take its event names " +
		"from that catalogue, so no event escapes it. One import fixes the package, so it is reported once, at " +
		"its first site, with the number of sites (its test files apart).",
	Before: "bus.Emit(ctx, \"employee.created\", e) // package does not import the catalogue",
	After:  "bus.Emit(ctx, events.EmployeeCreated, e)",
}

var CheckCatalogueStale = &Check{
	ID: "EL2008", Analyzer: "catalogue", Title: "catalogued event is never emitted", Since: since, Drivers: StandaloneOnly,
	Rationale: "A catalogue entry nothing emits promises subscribers an event that never comes. Remove it, " +
		"or mark it Deprecated: while other modules migrate. A module that emits under an event name computed at run " +
		"time may emit any event, so it is not checked (the rule of EL3004); so may one with a package that reaches the " +
		"bus only through an interface that a method wrapper of the module implements, whose calls eventlint does not analyse.",
	Before: "const EmployeeArchived = \"employee.archived\" // emitted nowhere in the module",
	After:  "// Deprecated: archiving was removed; nothing emits this any more.\nconst EmployeeArchived = \"employee.archived\"",
}

var CheckNoSubscriber = &Check{
	ID: "EL3001", Analyzer: "unregistered", Title: "event emitted with no subscriber in the program", Since: since, Drivers: AllDrivers,
	Rationale: "Handlers register themselves from init, so a handler package that the command does not import " +
		"never runs and its events are emitted into the void, silently. Reported in package main, naming the " +
		"emit sites; the standalone command also names the module's packages that would handle the event " +
		"and suggests the blank import. A program that subscribes under an event name computed at run time " +
		"might handle any event, so it is not checked. " +
		"Neither is a program that may subscribe through an interface: under go vet and golangci-lint, which do not see the " +
		"implementation, a call of an interface method that a method wrapper of the program has the name of counts as one " +
		"under a computed name.",
	Before: "package main\n\nimport _ \"example.com/app/hr\" // emits employee.created\n\nfunc main() {}",
	After:  "package main\n\nimport (\n\t_ \"example.com/app/hr\"\n\t_ \"example.com/app/notify\" // handles employee.created\n)\n\nfunc main() {}",
}

var CheckHandlerType = &Check{
	ID: "EL3002", Analyzer: "unregistered", Title: "handler can never receive the emitted payload", Since: since, Drivers: AllDrivers,
	Rationale: "The bus hands a payload to a handler only if it has the handler's type T; a handler whose T " +
		"matches no emitted payload is skipped at every emit. A bus that calls handlers with the published arguments by " +
		"reflection (EventBus, form=args) does not skip the handler: the call panics, so the same mismatch is reported. " +
		"Only concrete types are compared, and a handler is not " +
		"reported when the program emits, under an event name computed at run time, a payload that could have its type.",
	Before: "bus.On(\"employee.created\", func(ctx context.Context, e hr.Employee) error {...}) // emitted as *hr.Employee",
	After:  "bus.On(\"employee.created\", func(ctx context.Context, e *hr.Employee) error {...})",
}

var CheckHandlerNotImported = &Check{
	ID: "EL3003", Analyzer: "unregistered", Title: "handler package is not imported by any command", Since: since, Drivers: StandaloneOnly,
	Rationale: "A package that registers handlers during initialisation takes part only if a program imports " +
		"it; if no command of the module does, its handlers never run. A module without commands is a library " +
		"and is not checked, unless -unregistered.roots names the packages that stand for its programs. One import " +
		"fixes the package, so it is reported once, at its first registration, with the number of registrations.",
	Before: "package notify\n\nfunc init() { bus.On(\"employee.created\", sendWelcomeMail) } // no command imports notify",
	After:  "package main\n\nimport _ \"example.com/app/notify\"",
}

var CheckSubscriptionUnemitted = &Check{
	ID: "EL3004", Analyzer: "unregistered", Title: "subscription to an event nothing emits", Since: since, Drivers: StandaloneOnly,
	Rationale: "A handler for an event no package of the module emits never runs; most often the name is a " +
		"typo of an emitted event. A module that emits under an event name computed at run time may emit any event, " +
		"so it is not checked (the rule of EL2008); so may one with a package that reaches the bus only through an " +
		"interface that a method wrapper of the module implements, whose calls eventlint does not analyse.",
	Before: "bus.On(\"employe.created\", sendWelcomeMail)",
	After:  "bus.On(\"employee.created\", sendWelcomeMail)",
}

var CheckPayloadUnreceived = &Check{
	ID: "EL3005", Analyzer: "unregistered", Title: "emitted payload reaches no handler of the event", Since: since020, Drivers: AllDrivers,
	Rationale: "The bus hands a payload only to the handlers whose type T it has. An emit whose payload type no handler " +
		"of its event takes is delivered to none of them (each reports a type mismatch to the error handler at run " +
		"time), even when other emits of the event reach them, which keeps EL3002 quiet. Reported in package main, naming the emit sites and the handlers. Only concrete types are " +
		"compared: a handler that takes an interface may receive anything, and a program that subscribes under an event " +
		"name computed at run time is not checked. When no emit of the event reaches any handler, EL3002 reports the " +
		"handlers instead.",
	Before: "bus.On(\"employee.hired\", func(ctx context.Context, e *hr.Employee) error {...})\n\n" +
		"bus.Emit(ctx, \"employee.hired\", &e) // reaches the handler\nbus.Emit(ctx, \"employee.hired\", e)  // hr.Employee: reaches none",
	After: "bus.Emit(ctx, \"employee.hired\", &e)",
}

const since020 = "v0.2.0"

var CheckFieldsKeyUnknown = &Check{
	ID: "EL4001", Analyzer: "fields", Title: "bus.Fields handler reads a key no emit provides", Since: since020, Drivers: AllDrivers,
	Rationale: "A missing key reads as nil: the handler does not fail, it quietly works with nothing, most often " +
		"because of a typo (from_sate) or a key renamed on one side. The keys a handler reads with f[\"k\"], " +
		"f[\"k\"].(T) or v, ok := f[\"k\"], directly or through a helper that takes the key as a constant " +
		"argument, are compared with the keys of the bus.Fields literals emitted for the event and the keys the " +
		"catalogue declares. Reported in package main for the emits linked into the program, and at the read " +
		"for the whole module by the standalone command. It stays silent when it cannot know the emitted keys " +
		"(a payload built elsewhere or held in a variable, an interface-typed payload, an emit under a computed " +
		"name) and for a handler that reads a computed key or ranges over the map, which takes whatever it gets.",
	Before: "bus.Emit(ctx, events.EmployeeStatusChanged, bus.Fields{\"from_state\": old, \"to_state\": s})\n\n" +
		"from, _ := f[\"from_sate\"].(string)",
	After: "from, _ := f[\"from_state\"].(string)",
}

var CheckFieldsAssert = &Check{
	ID: "EL4002", Analyzer: "fields", Title: "bus.Fields handler asserts a type the emitted values do not have", Since: since020, Drivers: AllDrivers,
	Rationale: "f[\"k\"].(T) succeeds only if the value has dynamic type T; when every emit passes a value of " +
		"another concrete type, the assertion always fails (or panics without the comma-ok form). When the " +
		"catalogue declares the key's type (//eventlint:payload bus.Fields{\"k\": int}), the assertion is " +
		"checked against that, at the read, under every driver; otherwise against the emitted values, reported " +
		"where EL4001 is. Only concrete types are compared: a value of an interface type, or an assertion to " +
		"an interface, is not reported.",
	Before: "bus.Emit(ctx, events.EmployeeCreated, bus.Fields{\"employee_id\": e.ID}) // an int\n\n" +
		"id := f[\"employee_id\"].(string)",
	After: "id := f[\"employee_id\"].(int)",
}

var CheckFieldsKeyType = &Check{
	ID: "EL4003", Analyzer: "fields", Title: "bus.Fields value does not have the type the catalogue declares for its key", Since: since020, Drivers: AllDrivers,
	Rationale: "The catalogue may give the type of each key of a keyword payload " +
		"(//eventlint:payload bus.Fields{\"employee_id\": int}); handlers are written against it. An emitted " +
		"value of another concrete type makes their type assertions fail. Values whose static type is an " +
		"interface may hold the right type and are not reported.",
	Before: "//eventlint:payload bus.Fields{\"employee_id\": int}\nconst EmployeeCreated = \"employee.created\"\n\n" +
		"bus.Emit(ctx, events.EmployeeCreated, bus.Fields{\"employee_id\": strconv.Itoa(e.ID)})",
	After: "bus.Emit(ctx, events.EmployeeCreated, bus.Fields{\"employee_id\": e.ID})",
}

var CheckSamePackage = &Check{
	ID: "EL5001", Analyzer: "samepackage", Title: "event is emitted and handled only within one package (opt-in)", Since: since020, Drivers: AllDrivers,
	Rationale: "The rule this project started from: call directly when caller and callee are in the same " +
		"module; use the bus when the callee is another business module or several modules react. A bus is " +
		"for crossing module boundaries. An event that never leaves its package hides a plain function call " +
		"from the compiler, from call graphs and from readers. Off by default; -samepackage.enable turns it on. " +
		"The standalone command looks at the whole module and reports at the emits; other drivers look at each " +
		"program and report in package main. An emit or subscription under a computed name in another package " +
		"may be this event, so then nothing is reported.",
	Before: "package hr\n\nfunc init() { bus.On(events.EmployeeHired, openPayrollFile) }\n\n" +
		"func Hire(ctx context.Context, e *Employee) { bus.Emit(ctx, events.EmployeeHired, e) }",
	After: "package hr\n\nfunc Hire(ctx context.Context, e *Employee) error { return openPayrollFile(ctx, e) }",
}
