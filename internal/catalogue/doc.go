// Package catalogue is the logic behind eventlint catalogue and eventlint
// graph: it renders a module's event catalogues as a "Published events"
// page (Markdown or JSON) or an AsyncAPI 3.0 document (AsyncAPIYAML,
// AsyncAPIJSON, with JSON Schemas derived from the payload types), writes
// a first catalogue from the event names the code already uses (Init),
// compares the catalogues of two revisions for breaking changes (Compare,
// ExtractRevision), and draws the event flow (BuildGraph, Mermaid, DOT).
//
// Everything here works on driver.Load's phase-1 result: the catalogues
// come from the Model results of the loaded packages (analyzer.Result
// Catalogue), the emitters and handlers from the module view (each
// package's own non-test sites). Nothing is re-derived from syntax except
// the catalogue package's doc comment.
//
// # JSON schema
//
// WriteJSON writes one object; the fields are stable (new fields may be
// added, none removed or changed in meaning while "schema" stays 1):
//
//	schema       int     1
//	module       string  the module path ("" when unknown)
//	catalogues   array   one object per catalogue package, sorted by package:
//	  package    string  import path of the catalogue package
//	  name       string  its package name
//	  doc        string  its package doc comment, directives removed
//	  events     array   sorted by name:
//	    name        string  the event name (the constant's value)
//	    constant    string  the constant's identifier
//	    type        string  the constant's type, qualified; "" when untyped
//	    position    string  "dir/file.go:line" relative to the module root
//	    doc         string  the purpose: the doc comment without directives and
//	                        Deprecated paragraph; paragraphs separated by "\n\n"
//	    status      string  "active" or "deprecated"
//	    deprecated  string  the Deprecated: text ("" when active)
//	    payload     object  null when no payload is declared, else:
//	      type      string  qualified type ("*example.com/app/events.Employee",
//	                        "github.com/eventlint/eventlint/bus.Fields")
//	      short     string  as written in Go ("*events.Employee",
//	                        `bus.Fields{"amount", "invoice_id"}`)
//	      keys      array   of string: bus.Fields keys, sorted; [] otherwise
//	      fields    array   struct payloads: {name, type} of the exported
//	                        fields in declaration order; [] otherwise
//	    emitted_by  array   of string: import paths of the packages whose
//	                        non-test code emits the event, sorted; [] if none
//	    handled_by  array   of string: the same for subscriptions
package catalogue
