package catalogue

import (
	"strings"
	"testing"

	"github.com/eventlint/eventlint/analyzer"
)

const empPath = "example.com/app/events.Employee"

func employee(fields ...string) *analyzer.Payload {
	p := &analyzer.Payload{Type: analyzer.TypeRef{Name: "*" + empPath}}
	for _, f := range fields {
		name, typ, _ := strings.Cut(f, " ")
		p.Fields = append(p.Fields, analyzer.Field{Name: name, Type: typ})
	}
	return p
}

func fields(keys ...string) *analyzer.Payload {
	return &analyzer.Payload{Type: analyzer.TypeRef{Name: analyzer.BusPath + ".Fields"}, Keys: keys}
}

// cat builds a catalogue; events are given as "Const=name".
func cat(pkg string, events ...analyzer.CatalogueEvent) *analyzer.Catalogue {
	name := pkg[strings.LastIndexByte(pkg, '/')+1:]
	c := &analyzer.Catalogue{Pkg: pkg, Name: name, Events: events}
	// Sorted by name, as the analyzer keeps them.
	for i := range c.Events {
		for j := i + 1; j < len(c.Events); j++ {
			if c.Events[j].Name < c.Events[i].Name {
				c.Events[i], c.Events[j] = c.Events[j], c.Events[i]
			}
		}
	}
	return c
}

func ev(constName, name string, opts ...func(*analyzer.CatalogueEvent)) analyzer.CatalogueEvent {
	e := analyzer.CatalogueEvent{Const: constName, Name: name, Doc: "Emitted when something happened."}
	for _, o := range opts {
		o(&e)
	}
	return e
}

func withPayload(p *analyzer.Payload) func(*analyzer.CatalogueEvent) {
	return func(e *analyzer.CatalogueEvent) { e.Payload = p }
}

func withDeprecated(text string) func(*analyzer.CatalogueEvent) {
	return func(e *analyzer.CatalogueEvent) { e.Deprecated = text }
}

func withDoc(doc string) func(*analyzer.CatalogueEvent) {
	return func(e *analyzer.CatalogueEvent) { e.Doc = doc }
}

func withType(t string) func(*analyzer.CatalogueEvent) {
	return func(e *analyzer.CatalogueEvent) { e.Type = t }
}

func render(changes []Change) string {
	var b strings.Builder
	for _, c := range changes {
		if !c.Breaking {
			b.WriteString("info: ")
		}
		b.WriteString(c.String() + "\n")
	}
	return b.String()
}

func TestCompare(t *testing.T) {
	t.Parallel()
	const pkg = "example.com/app/events"
	for _, tc := range []struct {
		name     string
		old, new []*analyzer.Catalogue
		want     string
	}{
		{
			name: "unchanged",
			old:  []*analyzer.Catalogue{cat(pkg, ev("A", "a.created", withPayload(employee("ID int"))))},
			new:  []*analyzer.Catalogue{cat(pkg, ev("A", "a.created", withPayload(employee("ID int"))))},
			want: "",
		},
		{
			name: "name changed under the same constant",
			old:  []*analyzer.Catalogue{cat(pkg, ev("EmployeeCreated", "employee.created"))},
			new:  []*analyzer.Catalogue{cat(pkg, ev("EmployeeCreated", "employee.added"))},
			want: "events.EmployeeCreated: event name changed from \"employee.created\" to \"employee.added\"\n",
		},
		{
			name: "removed, and added",
			old:  []*analyzer.Catalogue{cat(pkg, ev("A", "a.created"), ev("B", "b.created"))},
			new:  []*analyzer.Catalogue{cat(pkg, ev("A", "a.created"), ev("C", "c.created"))},
			want: "events.B: event \"b.created\" removed\ninfo: events.C: event \"c.created\" added\n",
		},
		{
			name: "constant renamed, event kept",
			old:  []*analyzer.Catalogue{cat(pkg, ev("Old", "a.created", withPayload(employee("ID int"))))},
			new:  []*analyzer.Catalogue{cat(pkg, ev("New", "a.created", withPayload(employee())))},
			// Breaking changes come first within a subject.
			want: "events.Old: payload *events.Employee lost field ID\n" +
				"info: events.Old: constant renamed to events.New (event \"a.created\" kept)\n",
		},
		{
			name: "moved to another catalogue",
			old:  []*analyzer.Catalogue{cat(pkg, ev("A", "a.created")), cat("example.com/app/hr/hrevents")},
			new:  []*analyzer.Catalogue{cat(pkg), cat("example.com/app/hr/hrevents", ev("Created", "a.created"))},
			want: "info: events.A: event \"a.created\" moved to hrevents.Created\n",
		},
		{
			name: "catalogue package removed",
			old:  []*analyzer.Catalogue{cat(pkg, ev("A", "a.created"), ev("B", "b.created"))},
			new:  nil,
			want: "events.A: event \"a.created\" removed\nevents.B: event \"b.created\" removed\n",
		},
		{
			name: "payload fields",
			old:  []*analyzer.Catalogue{cat(pkg, ev("A", "a.created", withPayload(employee("ID int", "Email string", "Status string"))))},
			new:  []*analyzer.Catalogue{cat(pkg, ev("A", "a.created", withPayload(employee("ID int", "Status example.com/app/hr.Status", "Phone string"))))},
			want: "events.A: payload *events.Employee lost field Email\n" +
				"events.A: payload *events.Employee field Status changed type from string to hr.Status\n" +
				"info: events.A: payload *events.Employee gained field Phone\n",
		},
		{
			name: "payload type changed",
			old:  []*analyzer.Catalogue{cat(pkg, ev("A", "a.created", withPayload(employee("ID int"))))},
			new:  []*analyzer.Catalogue{cat(pkg, ev("A", "a.created", withPayload(&analyzer.Payload{Type: analyzer.TypeRef{Name: empPath}, Fields: []analyzer.Field{{Name: "ID", Type: "int"}}})))},
			want: "events.A: payload type changed from *events.Employee to events.Employee\n",
		},
		{
			name: "payload type changed to a namesake in another package",
			old:  []*analyzer.Catalogue{cat(pkg, ev("A", "a.created", withPayload(employee())))},
			new:  []*analyzer.Catalogue{cat(pkg, ev("A", "a.created", withPayload(&analyzer.Payload{Type: analyzer.TypeRef{Name: "*example.com/other/events.Employee"}})))},
			want: "events.A: payload type changed from *example.com/app/events.Employee to *example.com/other/events.Employee\n",
		},
		{
			name: "payload declaration removed and added",
			old:  []*analyzer.Catalogue{cat(pkg, ev("A", "a.created", withPayload(employee())), ev("B", "b.created"))},
			new:  []*analyzer.Catalogue{cat(pkg, ev("A", "a.created"), ev("B", "b.created", withPayload(fields("id"))))},
			want: "events.A: payload declaration removed (was *events.Employee)\n" +
				"info: events.B: payload declared: bus.Fields{\"id\"}\n",
		},
		{
			name: "bus.Fields keys",
			old:  []*analyzer.Catalogue{cat(pkg, ev("A", "a.paid", withPayload(fields("amount", "invoice_id"))))},
			new:  []*analyzer.Catalogue{cat(pkg, ev("A", "a.paid", withPayload(fields("amount", "currency"))))},
			want: "events.A: payload bus.Fields lost key \"invoice_id\"\ninfo: events.A: payload bus.Fields gained key \"currency\"\n",
		},
		{
			name: "deprecation, doc and constant type",
			old: []*analyzer.Catalogue{cat(pkg,
				ev("A", "a.created"), ev("B", "b.created", withDeprecated("use A")), ev("C", "c.created"), ev("D", "d.created", withDeprecated("old")))},
			new: []*analyzer.Catalogue{cat(pkg,
				ev("A", "a.created", withDeprecated("use C")), ev("B", "b.created"),
				ev("C", "c.created", withDoc("C is new."), withType("example.com/app/events.Name")), ev("D", "d.created", withDeprecated("older")))},
			want: "info: events.A: deprecated: use C\n" +
				"info: events.B: no longer deprecated\n" +
				"info: events.C: constant type changed from untyped string to events.Name\n" +
				"info: events.C: doc comment changed\n" +
				"info: events.D: deprecation notice changed: older\n",
		},
		{
			name: "two catalogues with the same package name",
			old:  []*analyzer.Catalogue{cat("example.com/a/events", ev("X", "x.created")), cat("example.com/b/events", ev("X", "y.created"))},
			new:  []*analyzer.Catalogue{cat("example.com/a/events", ev("X", "x.created")), cat("example.com/b/events")},
			want: "example.com/b/events.X: event \"y.created\" removed\n",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := render(Compare(tc.old, tc.new)); got != tc.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}
