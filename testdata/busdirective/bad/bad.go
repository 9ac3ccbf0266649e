// Package bad holds malformed bus directives.
package bad

//eventlint:emit name=0 payload=data // want `^malformed eventlint:emit directive: name=0: no parameter of that name$`
func ByIndex(topic string, data any) {}

//eventlint:emit payload=data // want `^malformed eventlint:emit directive: missing name=<parameter>$`
func NoName(topic string, data any) {}

//eventlint:emit name=topic name=topic // want `^malformed eventlint:emit directive: key "name" given twice$`
func Twice(topic string, data any) {}

//eventlint:subscribe name=topic payload=data // want `^malformed eventlint:subscribe directive: unknown key "payload" \(subscribe takes name, handler, form, scope\)$`
func Unknown(topic string, data any) {}

//eventlint:subscribe name=topic form=reflect // want `^malformed eventlint:subscribe directive: form=reflect: want typed or args$`
func Form(topic string, h func(any)) {}

//eventlint:emit name=topic // want `^malformed eventlint:emit directive: put it in the doc comment of a function, method, interface method or func-typed struct field$`
var V = 1

type S struct {
	//eventlint:emit name=topic // want `^malformed eventlint:emit directive: the field is not of func type$`
	N int
}

//eventlint:emit name=topic payload=data
func Good(topic string, data any) {}

func use() {
	Good("Good", nil) // want `^event name "Good" has 1 segment`
}
