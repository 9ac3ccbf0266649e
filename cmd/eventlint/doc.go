/*
Eventlint checks the event contracts around the in-process bus
(github.com/eventlint/eventlint/bus): event names, the event catalogue, and
that every emitted event reaches a subscriber linked into the program.

Usage:

	eventlint [flags] [packages]
	eventlint explain <check ID>...
	eventlint catalogue [flags] [packages]
	eventlint graph [flags] [packages]
	go vet -vettool=$(which eventlint) [analyzer flags] [packages]

The packages default to ./... . Flags come before the packages.
-C dir, given first, changes to dir before anything else, as for the go
command; paths in the output are then relative to dir.

# Standalone and under go vet

Run on its own, eventlint loads the packages with their dependencies,
type-checks them once, and runs every check, including the module-wide
ones (EL2008, EL3003, EL3004) that need all packages of the module at once;
these see the packages given on the command line, so run eventlint on
./... for them.

As go vet's -vettool, eventlint speaks the unit-checker protocol (it
recognises -V=full, -flags and a *.cfg argument) and analyses one package
at a time: every check except the module-wide ones runs, with go vet's
caching, output and -fix. Analyzer flags work the same way:

	go vet -vettool=$(which eventlint) -naming.segments=2,3 ./...

# Flags

	-format text|json|sarif|github
	        output format (default text; see Output)
	-fix    apply the first suggested fix of each finding, gofmt the
	        edited files, and report the findings left; overlapping
	        fixes are refused and nothing is written
	-diff   print the suggested fixes as a unified diff instead of
	        applying them (the diff on stdout, findings without a fix on
	        stderr)
	-test   also analyse test files, as go vet does (default true)
	-tags t comma-separated build tags
	-list   list the checks: ID, analyzer, title, drivers
	-version
	        print the version (the module version, "(devel)" for a build
	        from a checkout) and the Go version
	-help   print the flags

Analyzer flags, one set per analyzer (naming, catalogue, unregistered):

	-<analyzer>=false          turn an analyzer off; any -<analyzer>=true runs
	                           only the analyzers set so (as multichecker)
	-naming.style=path         naming style: default, snake, path, pascal, nats,
	                           cloudevents (see docs/naming.md); the naming
	                           flags below override the style's rules
	-naming.separator=:        string between segments (default .)
	-naming.case=kebab         case of every segment (default snake)
	-naming.prefix=com.example.
	                           what every name starts with (* for any
	                           reverse-DNS prefix)
	-naming.version            allow a version (v2) as the last segment
	-naming.segments=2,3       allowed numbers of segments (default 2)
	-naming.past-tense=false   do not require a past-tense verb (EL1002)
	-naming.irregular=a,b      extra past participles not ending in -ed
	-catalogue.require=path    import path of the catalogue every package that
	                           emits or subscribes must see (EL2007); a path
	                           that names no catalogue package is an error
	-catalogue=path            short for -catalogue.require=path
	-unregistered.roots=a,b    extra packages to treat as programs (library
	                           modules without commands)

eventlint -help lists them all with their defaults.

# Output

text, the default, prints one line per finding, paths relative to the
current directory when inside it and columns in bytes, as the Go toolchain
does:

	orders/orders.go:16:16: event name "OrderShipped" has 1 segment, want <aggregate>.<verb>: name it "order.shipped" [EL1001]

json prints an array of objects with the fields file, line, column,
end_line and end_column (when known), check, analyzer, title, message, url
and fixes (each {message, edits}; each edit {file, offset, end_offset,
line, column, end_line, end_column, new_text}); see package
github.com/eventlint/eventlint/internal/driver for their meaning.

sarif prints a SARIF 2.1.0 log for code-scanning services: one run, every
check as a rule (with its rationale and examples), each finding as a
result at level warning, file URIs relative to %SRCROOT% (the current
directory), columns in Unicode code points (columnKind unicodeCodePoints).

github prints GitHub Actions workflow commands, which become annotations
on a pull request:

	::warning file=orders/orders.go,line=16,col=16,title=EL1001 event name does not follow the naming style::event name "OrderShipped" ...

# Checks

Every finding names its check. eventlint -list prints the table,
eventlint explain EL1001 the rationale and examples of one check; the same
text is in docs/checks.md. A finding is suppressed, with a reason, by

	bus.Emit(ctx, "Legacy", nil) //eventlint:ignore EL1001 consumed by the billing service

# Exit codes

	0  no findings (with -fix: none left after fixing)
	1  findings reported, in any format (with -fix: findings without a fix remain;
	   with -diff: any finding)
	2  error: a bad flag, packages that do not load (their list, syntax and type
	   errors are printed as file:line:col: message), an analyzer failure, or a
	   failed or conflicting fix. Syntax errors are reported in every package
	   given; type errors in the packages that can reach the bus and in the
	   packages given that they import (go build and go vet report the
	   others)

Under go vet, go vet's own exit codes apply.
*/
package main
