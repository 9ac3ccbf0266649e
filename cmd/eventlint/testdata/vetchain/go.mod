module example.com/vetchain

go 1.26.0

require github.com/eventlint/eventlint v0.0.0

replace github.com/eventlint/eventlint => ../../../..
