package analyzer

import (
	"bytes"
	"compress/flate"
	"encoding/gob"
	"fmt"
)

// The wire form of a Summary stores each distinct string once, in a
// table, and refers to it by index, and the whole is compressed with
// DEFLATE. A summary repeats the same strings many times (a package path
// in every position of its package, an event name in its emits,
// subscriptions and catalogue entry), the distinct ones share long
// prefixes (the module path), and under go vet the summary of a package
// near the top of the import graph holds most of the program: the fact
// files of the 5,000-package generated module came to 1.1 GB in plain gob.
// Index 0 stands for "", so empty strings cost nothing (gob omits zero
// fields). The compressor's output is a function of its input and level,
// so equal summaries still encode to equal bytes, which the build cache
// needs.

type wireSummary struct {
	Strings    []string // the table; index i+1 refers to Strings[i]
	Emits      []wireEmit
	Subs       []wireSub
	Dynamic    []wireDynamic
	Wrappers   []wireWrapper
	Catalogues []wireCatalogue
}

type wirePos struct{ Pkg, File, Line int }

type wireType struct {
	Name      int
	Interface bool
}

type wireEmit struct {
	Event   int
	Pos     wirePos
	Payload wireType
}

type wireSub struct {
	Event   int
	Pos     wirePos
	Handler wireType
	AtInit  bool
}

type wireDynamic struct {
	Kind    Kind
	Pos     wirePos
	Payload wireType
}

type wireWrapper struct {
	Func int
	Kind Kind
}

type wireCatalogue struct {
	Pkg, Name int
	Events    []wireCatalogueEvent
}

type wireCatalogueEvent struct {
	Name, Const, Type, Doc, Deprecated int
	Payload                            *wirePayload
	Pos                                wirePos
}

type wirePayload struct {
	Type   wireType
	Keys   []int
	Fields []wireField
}

type wireField struct{ Name, Type int }

// GobEncode encodes the flat form of s (see Flat) in the wire form.
func (s *Summary) GobEncode() ([]byte, error) {
	data, err := encodeWire(toWire(s.Flat()))
	if err != nil {
		return nil, fmt.Errorf("encoding summary: %w", err)
	}
	return data, nil
}

// GobDecode decodes a summary written by GobEncode.
func (s *Summary) GobDecode(data []byte) error {
	*s = Summary{}
	var w wireSummary
	if err := gob.NewDecoder(flate.NewReader(bytes.NewReader(data))).Decode(&w); err != nil {
		return fmt.Errorf("decoding summary: %w", err)
	}
	d := &wireDecoder{strings: w.Strings}
	d.summary(&w, s)
	if d.err != nil {
		return fmt.Errorf("decoding summary: %w", d.err)
	}
	s.normalize() // rebuilds Packages, which the wire form leaves out
	return nil
}

// encodeWire gob-encodes w and compresses it. BestSpeed: a higher level
// saved a further 8% on the generated modules' summaries for four times
// the time.
func encodeWire(w *wireSummary) ([]byte, error) {
	var buf bytes.Buffer
	zw, err := flate.NewWriter(&buf, flate.BestSpeed)
	if err != nil {
		return nil, err
	}
	if err := gob.NewEncoder(zw).Encode(w); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// toWire converts s, which must be flat, to the wire form. The table lists
// strings in the order the records first use them, so equal summaries
// encode to equal bytes.
func toWire(s *Summary) *wireSummary {
	e := &wireEncoder{index: map[string]int{}}
	w := new(wireSummary)
	for _, r := range s.Emits {
		w.Emits = append(w.Emits, wireEmit{Event: e.str(r.Event), Pos: e.pos(r.Pos), Payload: e.typ(r.Payload)})
	}
	for _, r := range s.Subs {
		w.Subs = append(w.Subs, wireSub{Event: e.str(r.Event), Pos: e.pos(r.Pos), Handler: e.typ(r.Handler), AtInit: r.AtInit})
	}
	for _, r := range s.Dynamic {
		w.Dynamic = append(w.Dynamic, wireDynamic{Kind: r.Kind, Pos: e.pos(r.Pos), Payload: e.typ(r.Payload)})
	}
	for _, r := range s.Wrappers {
		w.Wrappers = append(w.Wrappers, wireWrapper{Func: e.str(r.Func), Kind: r.Kind})
	}
	for _, c := range s.Catalogues {
		wc := wireCatalogue{Pkg: e.str(c.Pkg), Name: e.str(c.Name)}
		for _, ev := range c.Events {
			we := wireCatalogueEvent{
				Name: e.str(ev.Name), Const: e.str(ev.Const), Type: e.str(ev.Type),
				Doc: e.str(ev.Doc), Deprecated: e.str(ev.Deprecated), Pos: e.pos(ev.Pos),
			}
			if p := ev.Payload; p != nil {
				wp := &wirePayload{Type: e.typ(p.Type)}
				for _, k := range p.Keys {
					wp.Keys = append(wp.Keys, e.str(k))
				}
				for _, f := range p.Fields {
					wp.Fields = append(wp.Fields, wireField{Name: e.str(f.Name), Type: e.str(f.Type)})
				}
				we.Payload = wp
			}
			wc.Events = append(wc.Events, we)
		}
		w.Catalogues = append(w.Catalogues, wc)
	}
	w.Strings = e.strings
	return w
}

type wireEncoder struct {
	strings []string
	index   map[string]int
}

func (e *wireEncoder) str(s string) int {
	if s == "" {
		return 0
	}
	if i, ok := e.index[s]; ok {
		return i
	}
	e.strings = append(e.strings, s)
	e.index[s] = len(e.strings)
	return len(e.strings)
}

func (e *wireEncoder) pos(p Pos) wirePos {
	return wirePos{Pkg: e.str(p.Pkg), File: e.str(p.File), Line: p.Line}
}

func (e *wireEncoder) typ(t TypeRef) wireType {
	return wireType{Name: e.str(t.Name), Interface: t.Interface}
}

// wireDecoder resolves indices; the first bad one is kept in err, so a
// corrupt fact file gives an error instead of a panic.
type wireDecoder struct {
	strings []string
	err     error
}

func (d *wireDecoder) str(i int) string {
	switch {
	case i == 0:
		return ""
	case i < 0 || i > len(d.strings):
		if d.err == nil {
			d.err = fmt.Errorf("string index %d out of range [0, %d]", i, len(d.strings))
		}
		return ""
	}
	return d.strings[i-1]
}

func (d *wireDecoder) pos(p wirePos) Pos {
	return Pos{Pkg: d.str(p.Pkg), File: d.str(p.File), Line: p.Line}
}

func (d *wireDecoder) typ(t wireType) TypeRef {
	return TypeRef{Name: d.str(t.Name), Interface: t.Interface}
}

func (d *wireDecoder) summary(w *wireSummary, s *Summary) {
	for _, r := range w.Emits {
		s.Emits = append(s.Emits, EmitRecord{Event: d.str(r.Event), Pos: d.pos(r.Pos), Payload: d.typ(r.Payload)})
	}
	for _, r := range w.Subs {
		s.Subs = append(s.Subs, SubRecord{Event: d.str(r.Event), Pos: d.pos(r.Pos), Handler: d.typ(r.Handler), AtInit: r.AtInit})
	}
	for _, r := range w.Dynamic {
		s.Dynamic = append(s.Dynamic, DynamicRecord{Kind: r.Kind, Pos: d.pos(r.Pos), Payload: d.typ(r.Payload)})
	}
	for _, r := range w.Wrappers {
		s.Wrappers = append(s.Wrappers, WrapperRecord{Func: d.str(r.Func), Kind: r.Kind})
	}
	for _, wc := range w.Catalogues {
		c := &Catalogue{Pkg: d.str(wc.Pkg), Name: d.str(wc.Name)}
		for _, we := range wc.Events {
			ev := CatalogueEvent{
				Name: d.str(we.Name), Const: d.str(we.Const), Type: d.str(we.Type),
				Doc: d.str(we.Doc), Deprecated: d.str(we.Deprecated), Pos: d.pos(we.Pos),
			}
			if wp := we.Payload; wp != nil {
				p := &Payload{Type: d.typ(wp.Type)}
				for _, k := range wp.Keys {
					p.Keys = append(p.Keys, d.str(k))
				}
				for _, f := range wp.Fields {
					p.Fields = append(p.Fields, Field{Name: d.str(f.Name), Type: d.str(f.Type)})
				}
				ev.Payload = p
			}
			c.Events = append(c.Events, ev)
		}
		s.Catalogues = append(s.Catalogues, c)
	}
}
