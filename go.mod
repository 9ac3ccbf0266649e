module github.com/eventlint/eventlint

go 1.26.0
