package analyzer

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// FieldsFact is the object fact of a function with a bus.Fields parameter
// that reads keys from it: a handler, or a helper that a handler passes
// its payload to (func str(f bus.Fields, key string) string).
type FieldsFact struct {
	Param int       // index of the bus.Fields parameter
	Reads []KeyRead // the keys read, in source order
	// Opaque is set when the function also reads keys it cannot name (a
	// computed key, a range over the map): a handler that does so may take
	// whatever keys it is given, so its reads are not checked.
	Opaque bool
}

// AFact marks FieldsFact as an analysis fact.
func (*FieldsFact) AFact() {}

func (f *FieldsFact) String() string {
	return fmt.Sprintf("reads(param=%d, keys=%d, opaque=%t)", f.Param, len(f.Reads), f.Opaque)
}

// KeyRead is one read of a key from a bus.Fields parameter.
type KeyRead struct {
	Key      string // the key, when it is a constant
	KeyParam int    // otherwise the index of the parameter that names the key; -1 when Key is set
	Assert   TypeRef
	Pos      Pos // the index expression, or the call of the helper that reads it

	at token.Pos // Pos in the package being analysed; not part of the fact
}

// fieldRead is a key read by a handler subscribed in the package being
// analysed, with the position to report it at: the read itself when it is
// in this package, else the handler argument.
type fieldRead struct {
	ReadRecord
	at token.Pos
}

// addFieldsRecords adds to own the keys of the package's bus.Fields
// emits and the keys its bus.Fields handlers read, exports a FieldsFact
// for each function of the package that reads keys from a bus.Fields
// parameter, and keeps the reads of the package's handlers in res.
func addFieldsRecords(pass *analysis.Pass, in *inspector.Inspector, vs *vars, res *Result, own *Summary) {
	r := &fieldsReader{
		pass:  pass,
		root:  in.Root(),
		vars:  vs,
		funcs: map[*types.Func]inspector.Cursor{},
		facts: map[*types.Func]*FieldsFact{},
		busy:  map[*types.Func]bool{},
	}
	var order []*types.Func
	for c := range in.Root().Preorder((*ast.FuncDecl)(nil)) {
		decl := c.Node().(*ast.FuncDecl)
		if fn, ok := pass.TypesInfo.Defs[decl.Name].(*types.Func); ok && decl.Body != nil {
			r.funcs[fn] = c
			order = append(order, fn)
		}
	}
	// In source order: with recursion, what a function's fact holds
	// depends on where the computation started, and facts must be the
	// same on every run.
	for _, fn := range order {
		if f := r.fact(fn); f != nil {
			pass.ExportObjectFact(fn, f)
		}
	}
	for _, s := range res.Sites {
		if s.InTest || s.Forwarded || !s.Const {
			continue // not linked into programs, or not a known event
		}
		pos := posOf(pass.Fset, pass.Pkg, s.Pos())
		switch {
		case s.Kind == Emit && isFields(s.Payload.Name):
			keys, vals, ok := literalKeys(pass.TypesInfo, s.PayloadExpr)
			if !ok {
				own.FieldKeys = append(own.FieldKeys, FieldKeyRecord{Event: s.Name, Pos: pos, Unknown: true})
				continue // built elsewhere: its keys are not known here
			}
			for i, k := range keys {
				own.FieldKeys = append(own.FieldKeys, FieldKeyRecord{
					Event: s.Name, Pos: pos, Key: k, Type: typeRefOf(pass.TypesInfo.TypeOf(vals[i])),
				})
			}
		case s.Kind == Subscribe && isFields(s.Handler.Name):
			f := r.handler(s.HandlerExpr)
			if f == nil || f.Opaque {
				continue // reads nothing known, or any key
			}
			for _, kr := range f.Reads {
				if kr.KeyParam >= 0 {
					continue // cannot happen: a handler has no key parameter
				}
				rec := ReadRecord{Event: s.Name, Sub: pos, Key: kr.Key, Pos: kr.Pos, Assert: kr.Assert}
				at := kr.at
				if !at.IsValid() {
					at = s.HandlerExpr.Pos() // the read is in another package
				}
				own.Reads = append(own.Reads, rec)
				res.fieldReads = append(res.fieldReads, fieldRead{ReadRecord: rec, at: at})
			}
		}
	}
}

// fieldsReader finds the keys functions read from their bus.Fields
// parameter.
type fieldsReader struct {
	pass  *analysis.Pass
	root  inspector.Cursor
	vars  *vars                            // the package's variables: which hold one function, which are assigned to
	funcs map[*types.Func]inspector.Cursor // the package's functions with a body
	facts map[*types.Func]*FieldsFact      // computed so far
	busy  map[*types.Func]bool             // being computed: a recursive call is not followed
}

// fact returns the keys fn reads from its bus.Fields parameter, or nil if
// it has none or reads no key.
func (r *fieldsReader) fact(fn *types.Func) *FieldsFact {
	fn = fn.Origin()
	if fn.Pkg() != r.pass.Pkg {
		f := new(FieldsFact)
		if fn.Pkg() == nil || !r.pass.ImportObjectFact(fn, f) {
			return nil // a builtin, or reads nothing
		}
		// Drivers that keep facts in memory hand over the positions in
		// the other package too: they are not this package's to report at.
		f.Reads = slices.Clone(f.Reads)
		for i := range f.Reads {
			f.Reads[i].at = token.NoPos
		}
		return f
	}
	if f, ok := r.facts[fn]; ok {
		return f
	}
	c, ok := r.funcs[fn]
	if !ok || r.busy[fn] {
		return nil // no body, or a recursive call
	}
	r.busy[fn] = true
	f := r.reads(c, fn.Signature())
	delete(r.busy, fn)
	r.facts[fn] = f
	return f
}

// handler returns the keys the handler e reads, or nil when e is not a
// function the analysis can follow (a func value from elsewhere, a call).
func (r *fieldsReader) handler(e ast.Expr) *FieldsFact {
	if e == nil {
		return nil
	}
	if lit, ok := ast.Unparen(e).(*ast.FuncLit); ok {
		c, found := r.root.FindNode(lit)
		sig, isSig := r.pass.TypesInfo.TypeOf(lit).(*types.Signature)
		if !found || !isSig {
			return nil
		}
		return r.reads(c, sig)
	}
	fn := funcValue(r.pass.TypesInfo, e)
	if fn == nil {
		if v, ok := r.pass.TypesInfo.Uses[identOf(e)].(*types.Var); ok {
			fn = r.vars.funcs[v.Origin()].fn // a variable that holds one function
		}
	}
	if fn == nil {
		return nil
	}
	return r.fact(fn)
}

// fieldsParam returns the index of sig's only bus.Fields parameter, or -1.
func fieldsParam(sig *types.Signature) int {
	param := -1
	for i := range sig.Params().Len() {
		if !isFields(typeRefOf(sig.Params().At(i).Type()).Name) {
			continue
		}
		if param >= 0 || (sig.Variadic() && i == sig.Params().Len()-1) {
			return -1 // two of them, or a ...bus.Fields slice
		}
		param = i
	}
	return param
}

// reads returns the keys the function at c, of signature sig, reads from
// its bus.Fields parameter, or nil if it has none or reads no key. A key
// is read by f[k], f[k].(T), v, ok := f[k], or by passing f to a function
// that reads it (with the key as an argument, for helpers that take it).
// Writes (f[k] = v) are not reads, and a key the function writes is not
// counted as read.
func (r *fieldsReader) reads(c inspector.Cursor, sig *types.Signature) *FieldsFact {
	param := fieldsParam(sig)
	if param < 0 {
		return nil
	}
	info := r.pass.TypesInfo
	v := sig.Params().At(param)
	f := &FieldsFact{Param: param}
	written := map[string]bool{} // constant keys the function stores itself
	for ic := range c.Preorder((*ast.Ident)(nil)) {
		if info.Uses[ic.Node().(*ast.Ident)] != v {
			continue // not the parameter
		}
		use := unparenCursor(ic)
		switch use.ParentEdgeKind() {
		case edge.IndexExpr_X:
			idx := use.Parent()
			read, ok := r.keyRead(idx.Node().(*ast.IndexExpr).Index, sig)
			if k := idx.ParentEdgeKind(); k == edge.AssignStmt_Lhs || k == edge.IncDecStmt_X {
				if ok && read.KeyParam < 0 {
					written[read.Key] = true
				}
				continue // a write
			}
			if !ok {
				f.Opaque = true
				continue
			}
			read.at = idx.Node().Pos()
			read.Pos = posOf(r.pass.Fset, r.pass.Pkg, read.at)
			if at := unparenCursor(idx); at.ParentEdgeKind() == edge.TypeAssertExpr_X {
				if ta := at.Parent().Node().(*ast.TypeAssertExpr); ta.Type != nil {
					read.Assert = typeRefOf(info.TypeOf(ta.Type)) // not .(type), a type switch
				}
			}
			f.Reads = append(f.Reads, read)
		case edge.RangeStmt_X:
			f.Opaque = true // it takes every key there is
		case edge.CallExpr_Args:
			r.callReads(f, use.Parent().Node().(*ast.CallExpr), use.ParentEdgeIndex(), sig)
		}
	}
	// A key the function stores is there when it reads it, whatever the
	// emits pass.
	f.Reads = slices.DeleteFunc(f.Reads, func(kr KeyRead) bool { return kr.KeyParam < 0 && written[kr.Key] })
	if len(f.Reads) == 0 && !f.Opaque {
		return nil
	}
	return f
}

// keyRead describes a read of key expression e in a function of
// signature sig: a constant, or a parameter of the function, which the
// callers then supply. It reports false for a key computed otherwise.
func (r *fieldsReader) keyRead(e ast.Expr, sig *types.Signature) (KeyRead, bool) {
	if tv, ok := r.pass.TypesInfo.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		return KeyRead{Key: constant.StringVal(tv.Value), KeyParam: -1}, true
	}
	if i := forwardedParam(r.pass.TypesInfo, r.vars, sig, e); i >= 0 {
		return KeyRead{KeyParam: i}, true
	}
	return KeyRead{}, false
}

// callReads adds to f the reads of a function that call passes f's
// parameter to as argument arg: the callee's reads, at the call, with the
// keys it takes as parameters resolved from the call's arguments. Calls
// the analysis cannot follow (builtins such as len and delete, func
// values, functions that read no key) add nothing.
func (r *fieldsReader) callReads(f *FieldsFact, call *ast.CallExpr, arg int, sig *types.Signature) {
	info := r.pass.TypesInfo
	callee := typeutil.StaticCallee(info, call)
	if callee == nil {
		if v, ok := info.Uses[identOf(call.Fun)].(*types.Var); ok {
			callee = r.vars.funcs[v.Origin()].fn
		}
	}
	if callee == nil {
		return // not a call of a known function
	}
	offset := 0
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if s := info.Selections[sel]; s != nil && s.Kind() == types.MethodExpr {
			offset = 1 // the receiver is the first argument
		}
	}
	cf := r.fact(callee)
	if cf == nil || cf.Param+offset != arg {
		return // reads no key from this argument
	}
	f.Opaque = f.Opaque || cf.Opaque
	for _, kr := range cf.Reads {
		read := KeyRead{Key: kr.Key, KeyParam: -1, Assert: kr.Assert, at: call.Pos()}
		read.Pos = posOf(r.pass.Fset, r.pass.Pkg, read.at)
		if kr.KeyParam >= 0 {
			i := kr.KeyParam + offset
			if i >= len(call.Args) {
				f.Opaque = true
				continue // not a well-formed call
			}
			k, ok := r.keyRead(call.Args[i], sig)
			if !ok {
				f.Opaque = true
				continue // a computed key
			}
			read.Key, read.KeyParam = k.Key, k.KeyParam
		}
		f.Reads = append(f.Reads, read)
	}
}

// unparenCursor returns the outermost parenthesized expression around c.
func unparenCursor(c inspector.Cursor) inspector.Cursor {
	for c.ParentEdgeKind() == edge.ParenExpr_X {
		c = c.Parent()
	}
	return c
}
