package analyzer

import (
	"errors"
	"fmt"
	"go/types"
	"slices"
	"strconv"
	"strings"
)

// This file is the one description of the bus APIs eventlint recognises.
// A bus function is described by a Shape: what it does (Kind), where its
// event name, payload and handler are, how a handler's payload type is
// read (Form) and where handlers run (Scope). The description has three
// sources, all of them read through a suite's BusAPI:
//
//   - presets, below: libraries recognised wherever they are imported;
//   - directives in the user's source (//eventlint:emit, see directive.go),
//     which travel as WrapperFacts of the declared objects;
//   - the -bus.funcs flag, entries parsed here and resolved against the
//     signature of the function they name when it is called.
//
// Adding a preset is one entry in presets plus its testdata.

// Form says how the payload type of a subscription's handler is read.
type Form uint8

const (
	// FormTyped: the handler's last parameter is the payload type, as in
	// func(ctx context.Context, T) error or func(T).
	FormTyped Form = iota
	// FormArgs: the handler's parameters are the published arguments, as
	// reflection-based buses call handlers.
	FormArgs
)

// Scope says where the handlers of a bus run.
type Scope uint8

const (
	// ScopeProcess: handlers run in the emitting process, so they must be
	// linked into the emitting program (EL3001, EL3002, EL3003, EL3005).
	ScopeProcess Scope = iota
	// ScopeBroker: subscribers may live in another process; the
	// per-program checks do not apply.
	ScopeBroker
)

// Shape says where a bus-like function takes its arguments: the index of
// the event name, of the payload (emits) and of the handler
// (subscriptions) among the parameters of its signature (the receiver
// excluded); -1 where there is none.
type Shape struct {
	Kind    Kind
	Name    int
	Payload int
	Handler int
	// List is set when Payload is a variadic parameter: the published
	// arguments are the list, not one value.
	List  bool
	Form  Form
	Scope Scope
}

// Preset is a bus library eventlint recognises wherever it is imported.
type Preset struct {
	Name  string // as docs/buses.md names it
	Path  string // the library's import path
	Funcs map[string]Shape
}

// BusPath is the import path of the bundled event bus.
const BusPath = "github.com/eventlint/eventlint/bus"

// EventBusPath is the import path of github.com/asaskevich/EventBus.
const EventBusPath = "github.com/asaskevich/EventBus"

func emitAt(name, payload int) Shape {
	return Shape{Kind: Emit, Name: name, Payload: payload, Handler: -1}
}

func subscribeAt(name, handler int, form Form) Shape {
	return Shape{Kind: Subscribe, Name: name, Payload: -1, Handler: handler, Form: form}
}

// presets are the bus libraries built in, keyed by types.Func.FullName
// within each. Interface methods are keyed by the interface that declares
// them (typeutil.Callee returns that method for a call through any
// interface that embeds it).
var presets = []*Preset{
	{
		Name: "the bundled bus", Path: BusPath,
		Funcs: map[string]Shape{
			BusPath + ".On":               subscribeAt(0, 1, FormTyped),
			BusPath + ".Subscribe":        subscribeAt(1, 2, FormTyped),
			BusPath + ".Emit":             emitAt(1, 2),
			"(*" + BusPath + ".Bus).Emit": emitAt(1, 2),
		},
	},
	{
		Name: "asaskevich/EventBus", Path: EventBusPath,
		Funcs: eventBusFuncs(),
	},
}

// eventBusFuncs describes EventBus: Publish(topic, args...) calls each
// handler by reflection with args, and the Subscribe family takes
// (topic, fn, ...). The methods exist on *EventBus and on the interfaces
// BusPublisher and BusSubscriber, which Bus, what New returns, embeds.
func eventBusFuncs() map[string]Shape {
	publish := Shape{Kind: Emit, Name: 0, Payload: 1, Handler: -1, List: true}
	m := map[string]Shape{
		"(*" + EventBusPath + ".EventBus).Publish":    publish,
		"(" + EventBusPath + ".BusPublisher).Publish": publish,
	}
	for _, name := range []string{"Subscribe", "SubscribeAsync", "SubscribeOnce", "SubscribeOnceAsync"} {
		m["(*"+EventBusPath+".EventBus)."+name] = subscribeAt(0, 1, FormArgs)
		m["("+EventBusPath+".BusSubscriber)."+name] = subscribeAt(0, 1, FormArgs)
	}
	return m
}

// BusAPI is a suite's description of the bus functions: the presets and
// the entries of its -bus.funcs flag. The directives of the user's source
// are not in it; they arrive as facts of the objects they declare.
type BusAPI struct {
	funcs map[string]Shape // presets, by types.Func.FullName
	paths []string         // import paths of the presets and of the flag's functions
	specs []funcSpec       // -bus.funcs entries
}

func newBusAPI() *BusAPI {
	a := &BusAPI{funcs: map[string]Shape{}}
	for _, p := range presets {
		for name, s := range p.Funcs {
			a.funcs[name] = s
		}
		a.paths = append(a.paths, p.Path)
	}
	return a
}

// shape returns the shape of fn if the API describes it. A -bus.funcs
// entry whose parameters do not resolve against fn's signature describes
// nothing (Unresolved says so).
func (a *BusAPI) shape(fn *types.Func) (Shape, bool) {
	name := fn.Origin().FullName()
	if s, ok := a.funcs[name]; ok {
		return s, true
	}
	for _, sp := range a.specs {
		if sp.fn != name {
			continue
		}
		if s, err := sp.resolve(fn.Signature()); err == nil {
			return s, true
		}
	}
	return Shape{}, false
}

// IsBusPath reports whether path is the import path of a bus library the
// API describes: a preset, or the package of a -bus.funcs function.
func (a *BusAPI) IsBusPath(path string) bool { return slices.Contains(a.paths, path) }

// Reaches reports whether code in pkg can call a bus the API describes:
// whether one of its libraries is among pkg's imports, directly or
// through other packages. A package that imports none of them reaches one
// all the same when it holds a value of a type from another package that
// embeds the bus (type Runtime struct{ *bus.Bus }; r.Emit(...)) and calls
// its methods.
//
// It is the one rule for "can this package contain a site", which every
// driver applies (buses declared by directives aside, which Model finds
// through the Summary of the declaring package): Model returns at once
// for a package that cannot, and the standalone driver's loader does not
// type-check such packages in full (it applies IsBusPath to the go list
// import graph, which has the type checker's imports and may have more).
// Under go vet, the imports of a package loaded from export data are the
// packages its exported API mentions, so a type that embeds the bus
// brings the bus with it.
func (a *BusAPI) Reaches(pkg *types.Package) bool {
	// Breadth first: a package that reaches the bus usually imports it.
	seen := map[*types.Package]bool{pkg: true}
	queue := []*types.Package{pkg}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		for _, imp := range p.Imports() {
			if a.IsBusPath(imp.Path()) {
				return true
			}
			if !seen[imp] {
				seen[imp] = true
				queue = append(queue, imp)
			}
		}
	}
	return false
}

// Unresolved returns, for each -bus.funcs entry that describes no
// function of pkgs (and their imports), a line saying so.
func (a *BusAPI) Unresolved(pkgs []*types.Package) []string {
	byPath := map[string]*types.Package{}
	var visit func(p *types.Package)
	visit = func(p *types.Package) {
		if byPath[p.Path()] != nil {
			return
		}
		byPath[p.Path()] = p
		for _, imp := range p.Imports() {
			visit(imp)
		}
	}
	for _, p := range pkgs {
		visit(p)
	}
	var out []string
	for _, sp := range a.specs {
		fn := lookupFunc(byPath[sp.path], sp.fn)
		if fn == nil {
			out = append(out, fmt.Sprintf("-%s: %s matches no function in the loaded packages", FlagBusFuncs, sp.fn))
			continue
		}
		if _, err := sp.resolve(fn.Signature()); err != nil {
			out = append(out, fmt.Sprintf("-%s: %s: %v", FlagBusFuncs, sp.fn, err))
		}
	}
	return out
}

// lookupFunc returns the function or method of pkg whose FullName is
// full, or nil.
func lookupFunc(pkg *types.Package, full string) *types.Func {
	if pkg == nil {
		return nil
	}
	for _, name := range pkg.Scope().Names() {
		obj := pkg.Scope().Lookup(name)
		if fn, ok := obj.(*types.Func); ok && fn.FullName() == full {
			return fn
		}
		tn, ok := obj.(*types.TypeName)
		if !ok {
			continue
		}
		for _, t := range []types.Type{tn.Type(), types.NewPointer(tn.Type())} {
			ms := types.NewMethodSet(t)
			for i := range ms.Len() {
				if fn, ok := ms.At(i).Obj().(*types.Func); ok && fn.FullName() == full {
					return fn
				}
			}
		}
	}
	return nil
}

// FlagFuncs is the model analyzer's flag that adds bus functions; the
// model is named bus, so the flag is -bus.funcs (FlagBusFuncs).
const (
	FlagFuncs    = "funcs"
	FlagBusFuncs = "bus." + FlagFuncs
)

// funcSpec is one -bus.funcs entry: FUNC:KIND:key=value,...
type funcSpec struct {
	fn   string // types.Func.FullName
	path string // its package's import path
	kind Kind
	keys []keyValue
}

type keyValue struct{ key, value string }

// busFuncsFlag is the flag.Value of -bus.funcs: a semicolon-separated
// list of entries, the flag repeatable.
type busFuncsFlag struct{ api *BusAPI }

func (f busFuncsFlag) String() string {
	if f.api == nil {
		return ""
	}
	var out []string
	for _, sp := range f.api.specs {
		var kv []string
		for _, k := range sp.keys {
			kv = append(kv, k.key+"="+k.value)
		}
		out = append(out, sp.fn+":"+sp.kind.String()+":"+strings.Join(kv, ","))
	}
	return strings.Join(out, ";")
}

func (f busFuncsFlag) Set(v string) error {
	for entry := range strings.SplitSeq(v, ";") {
		entry = strings.TrimSpace(entry)
		if entry == "" {
			continue
		}
		sp, err := parseFuncSpec(entry)
		if err != nil {
			return fmt.Errorf("entry %q: %w", entry, err)
		}
		f.api.specs = append(f.api.specs, sp)
		if !f.api.IsBusPath(sp.path) {
			f.api.paths = append(f.api.paths, sp.path)
		}
	}
	return nil
}

// parseFuncSpec parses FUNC:KIND:key=value,... The parameter values are
// checked against the function's signature when it is found.
func parseFuncSpec(entry string) (funcSpec, error) {
	// FUNC contains no colon; KIND neither.
	fn, rest, ok := strings.Cut(entry, ":")
	if !ok {
		return funcSpec{}, errors.New("want FUNC:KIND:key=value,...")
	}
	kind, list, _ := strings.Cut(rest, ":")
	sp := funcSpec{fn: fn}
	switch kind {
	case "emit":
		sp.kind = Emit
	case "subscribe":
		sp.kind = Subscribe
	default:
		return funcSpec{}, fmt.Errorf("kind %q is not emit or subscribe", kind)
	}
	path, err := funcPath(fn)
	if err != nil {
		return funcSpec{}, err
	}
	sp.path = path
	if list != "" {
		for kv := range strings.SplitSeq(list, ",") {
			k, v, ok := strings.Cut(kv, "=")
			if !ok || v == "" {
				return funcSpec{}, fmt.Errorf("%q is not key=value", kv)
			}
			sp.keys = append(sp.keys, keyValue{k, v})
		}
	}
	if err := checkKeys(sp.kind, sp.keys); err != nil {
		return funcSpec{}, err
	}
	return sp, nil
}

// funcPath returns the import path of the package of a function spelled
// as types.Func.FullName prints it: pkg/path.F, (*pkg/path.T).M,
// (pkg/path.I).M.
func funcPath(fn string) (string, error) {
	bad := fmt.Errorf("function %q is not pkg/path.Func, (*pkg/path.T).Method or (pkg/path.T).Method", fn)
	qual := fn
	if strings.HasPrefix(fn, "(") {
		end := strings.Index(fn, ").")
		if end < 0 || end+2 == len(fn) {
			return "", bad
		}
		qual = strings.TrimPrefix(fn[1:end], "*")
	}
	slash := strings.LastIndexByte(qual, '/')
	dot := strings.LastIndexByte(qual, '.')
	if dot <= slash+1 || dot == len(qual)-1 {
		return "", bad
	}
	return qual[:dot], nil
}

// checkKeys checks the keys of a directive or flag entry that do not
// depend on the signature: known keys, each at most once, name= present,
// and form and scope values.
func checkKeys(kind Kind, kvs []keyValue) error {
	allowed := []string{"name", "payload", "scope"}
	if kind == Subscribe {
		allowed = []string{"name", "handler", "form", "scope"}
	}
	seen := map[string]bool{}
	for _, kv := range kvs {
		if !slices.Contains(allowed, kv.key) {
			return fmt.Errorf("unknown key %q (%s takes %s)", kv.key, kind, strings.Join(allowed, ", "))
		}
		if seen[kv.key] {
			return fmt.Errorf("key %q given twice", kv.key)
		}
		seen[kv.key] = true
		switch kv.key {
		case "form":
			if kv.value != "typed" && kv.value != "args" {
				return fmt.Errorf("form=%s: want typed or args", kv.value)
			}
		case "scope":
			if kv.value != "process" && kv.value != "broker" {
				return fmt.Errorf("scope=%s: want process or broker", kv.value)
			}
		}
	}
	if !seen["name"] {
		return errors.New("missing name=<parameter>")
	}
	return nil
}

// resolve returns the shape the entry describes for a function of
// signature sig.
func (sp funcSpec) resolve(sig *types.Signature) (Shape, error) {
	return shapeOf(sp.kind, sp.keys, sig, true)
}

// shapeOf turns checked keys into a shape for sig; parameters are named,
// or, with indexes set, also given as 0-based indexes.
func shapeOf(kind Kind, kvs []keyValue, sig *types.Signature, indexes bool) (Shape, error) {
	s := Shape{Kind: kind, Name: -1, Payload: -1, Handler: -1}
	for _, kv := range kvs {
		var dst *int
		switch kv.key {
		case "name":
			dst = &s.Name
		case "payload":
			dst = &s.Payload
		case "handler":
			dst = &s.Handler
		case "form":
			if kv.value == "args" {
				s.Form = FormArgs
			}
			continue
		case "scope":
			if kv.value == "broker" {
				s.Scope = ScopeBroker
			}
			continue
		}
		i, err := paramIndex(sig, kv.value, indexes)
		if err != nil {
			return Shape{}, fmt.Errorf("%s=%s: %w", kv.key, kv.value, err)
		}
		*dst = i
	}
	variadic := sig.Variadic() && sig.Params().Len() > 0
	last := sig.Params().Len() - 1
	if variadic && s.Name == last {
		return Shape{}, fmt.Errorf("name=%s: the event name cannot be a variadic parameter", sig.Params().At(last).Name())
	}
	s.List = variadic && s.Payload == last
	return s, nil
}

// paramIndex returns the index of the parameter of sig named v or, with
// indexes set, of index v.
func paramIndex(sig *types.Signature, v string, indexes bool) (int, error) {
	if indexes {
		if i, err := strconv.Atoi(v); err == nil {
			if i < 0 || i >= sig.Params().Len() {
				return 0, fmt.Errorf("the function has %d parameters", sig.Params().Len())
			}
			return i, nil
		}
	}
	for i := range sig.Params().Len() {
		if p := sig.Params().At(i); p.Name() == v && v != "_" {
			return i, nil
		}
	}
	return 0, errors.New("no parameter of that name")
}
