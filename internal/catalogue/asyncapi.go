package catalogue

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/eventlint/eventlint/analyzer"
)

// AsyncAPIVersion is the version of the AsyncAPI specification the
// documents follow.
const AsyncAPIVersion = "3.0.0"

// The AsyncAPI 3.0 document, only the parts eventlint fills in. The
// module is the application: it sends what its packages emit and
// receives what they handle, each event on its own channel.
type asyncAPI struct {
	AsyncAPI           string                     `json:"asyncapi"`
	Info               asyncInfo                  `json:"info"`
	DefaultContentType string                     `json:"defaultContentType"`
	Channels           map[string]*asyncChannel   `json:"channels"`
	Operations         map[string]*asyncOperation `json:"operations"`
	Components         asyncComponents            `json:"components"`
}

type asyncInfo struct {
	Title       string `json:"title"`
	Version     string `json:"version"`
	Description string `json:"description,omitempty"`
}

type asyncRef struct {
	Ref string `json:"$ref"`
}

type asyncTag struct {
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
}

type asyncChannel struct {
	Address     string              `json:"address"`
	Title       string              `json:"title"`
	Description string              `json:"description,omitempty"`
	Messages    map[string]asyncRef `json:"messages"`
	Tags        []asyncTag          `json:"tags,omitempty"`
	Deprecated  string              `json:"x-eventlint-deprecated,omitempty"`
}

type asyncOperation struct {
	Action      string     `json:"action"` // send or receive
	Channel     asyncRef   `json:"channel"`
	Summary     string     `json:"summary"`
	Messages    []asyncRef `json:"messages"`
	Packages    []string   `json:"x-eventlint-packages"`
	Tags        []asyncTag `json:"tags,omitempty"`
	Deprecated  string     `json:"x-eventlint-deprecated,omitempty"`
	Description string     `json:"description,omitempty"`
}

type asyncMessage struct {
	Name        string     `json:"name"`
	Title       string     `json:"title"`
	Description string     `json:"description,omitempty"`
	Payload     *Schema    `json:"payload,omitempty"`
	Tags        []asyncTag `json:"tags,omitempty"`
	Constant    string     `json:"x-eventlint-constant"`
	GoPayload   string     `json:"x-eventlint-payload,omitempty"`
	Deprecated  string     `json:"x-eventlint-deprecated,omitempty"`
}

type asyncComponents struct {
	Messages map[string]*asyncMessage `json:"messages"`
	Schemas  map[string]*Schema       `json:"schemas"`
}

// buildAsyncAPI turns the page into an AsyncAPI document: per catalogued
// event a channel (its address is the event name), a message with the
// payload's JSON Schema, and a send operation when a package emits it, a
// receive operation when one handles it.
func buildAsyncAPI(page *Page) *asyncAPI {
	doc := &asyncAPI{
		AsyncAPI:           AsyncAPIVersion,
		Info:               asyncInfo{Title: "Events of this module", Version: page.APIVersion},
		DefaultContentType: "application/json",
		Channels:           map[string]*asyncChannel{},
		Operations:         map[string]*asyncOperation{},
		Components:         asyncComponents{Messages: map[string]*asyncMessage{}, Schemas: page.Schemas},
	}
	if page.Module != "" {
		doc.Info.Title = "Events of " + page.Module
	}
	if doc.Info.Version == "" {
		doc.Info.Version = "0.0.0"
	}
	if doc.Components.Schemas == nil {
		doc.Components.Schemas = map[string]*Schema{}
	}
	var docs []string
	consts := map[string]int{}
	for _, c := range page.Catalogues {
		if c.Doc != "" {
			docs = append(docs, c.Doc)
		}
		for _, e := range c.Events {
			consts[e.Const]++
		}
	}
	doc.Info.Description = strings.Join(docs, "\n\n")
	for _, c := range page.Catalogues {
		for _, e := range c.Events {
			id := e.Const
			if consts[id] > 1 {
				id = componentName(c.Pkg) + "." + e.Const // two catalogues declare the constant
			}
			var tags []asyncTag
			description := e.Doc
			if e.Deprecated != "" {
				tags = []asyncTag{{Name: "deprecated", Description: e.Deprecated}}
				description = strings.TrimSpace(description + "\n\nDeprecated: " + e.Deprecated)
			}
			doc.Components.Messages[id] = &asyncMessage{
				Name:        e.Name,
				Title:       e.Const,
				Description: description,
				Payload:     e.Schema,
				Tags:        tags,
				Constant:    c.Pkg + "." + e.Const,
				GoPayload:   ShortPayload(e.Payload),
				Deprecated:  e.Deprecated,
			}
			doc.Channels[id] = &asyncChannel{
				Address:     e.Name,
				Title:       e.Name,
				Description: description,
				Messages:    map[string]asyncRef{id: {Ref: "#/components/messages/" + id}},
				Tags:        tags,
				Deprecated:  e.Deprecated,
			}
			op := func(action, verb string, pkgs []string) {
				if len(pkgs) == 0 {
					return // nobody does it
				}
				rel := make([]string, len(pkgs))
				for i, p := range pkgs {
					rel[i] = RelPackage(p, page.Module)
				}
				doc.Operations[action+id] = &asyncOperation{
					Action:      action,
					Channel:     asyncRef{Ref: "#/channels/" + id},
					Summary:     fmt.Sprintf("%s %s %s", strings.Join(rel, ", "), verb, e.Name),
					Messages:    []asyncRef{{Ref: "#/channels/" + id + "/messages/" + id}},
					Packages:    pkgs,
					Tags:        tags,
					Deprecated:  e.Deprecated,
					Description: description,
				}
			}
			op("send", plural3(len(e.EmittedBy), "emit"), e.EmittedBy)
			op("receive", plural3(len(e.HandledBy), "handle"), e.HandledBy)
		}
	}
	return doc
}

// plural3 conjugates verb for a subject of n packages: "hr emits",
// "audit, notify handle".
func plural3(n int, verb string) string {
	if n == 1 {
		return verb + "s"
	}
	return verb
}

// AsyncAPIJSON renders the page as an AsyncAPI 3.0 document in JSON.
func AsyncAPIJSON(page *Page) ([]byte, error) {
	data, err := json.MarshalIndent(buildAsyncAPI(page), "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encoding the AsyncAPI document: %w", err)
	}
	return append(data, '\n'), nil
}

// AsyncAPIYAML renders the page as an AsyncAPI 3.0 document in YAML, the
// form AsyncAPI tools show in their examples. It is the JSON document
// read back as YAML nodes, which keep the order of the keys, and written
// in block style.
func AsyncAPIYAML(page *Page) ([]byte, error) {
	data, err := json.Marshal(buildAsyncAPI(page))
	if err != nil {
		return nil, fmt.Errorf("encoding the AsyncAPI document: %w", err)
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, fmt.Errorf("converting the AsyncAPI document to YAML: %w", err)
	}
	blockStyle(&root)
	var b bytes.Buffer
	b.WriteString("# Code generated by \"eventlint catalogue -format asyncapi\". DO NOT EDIT.\n")
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(&root); err != nil {
		return nil, fmt.Errorf("writing the AsyncAPI document as YAML: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("writing the AsyncAPI document as YAML: %w", err)
	}
	return b.Bytes(), nil
}

// blockStyle drops the flow style and quotes that the nodes have from the
// JSON syntax; the encoder then quotes only the strings that need it.
func blockStyle(n *yaml.Node) {
	n.Style = 0
	if n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode {
		if len(n.Content) == 0 {
			n.Style = yaml.FlowStyle // {} and [] read better than nothing
		}
	}
	for _, c := range n.Content {
		blockStyle(c)
	}
}

// payloadSchema derives the schema of an event's declared payload; nil
// when none is declared. A pointer payload is described by what it points
// to: emitters pass a value. The keys of bus.Fields are required, each
// with the schema of the type the catalogue gives it, or an unconstrained
// one for a key declared without a type.
func payloadSchema(p *analyzer.Payload, idx typeIndex, s *schemas) *Schema {
	switch {
	case p == nil:
		return nil
	case IsFields(p):
		sch := &Schema{Type: "object"}
		for _, k := range p.Keys {
			ks := &Schema{}
			if t := p.KeyType(k); t.Name != "" {
				ks = s.of(idx.lookup(t.Name))
			}
			sch.Properties = append(sch.Properties, Property{Name: k, Schema: ks})
		}
		sch.Required = p.Keys
		return sch
	}
	name := p.Type.Name
	if strings.HasPrefix(name, "*") {
		name = name[1:] // a value is emitted, not nil
	}
	return s.of(idx.lookup(name))
}
