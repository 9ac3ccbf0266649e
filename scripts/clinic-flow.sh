#!/bin/sh
# Redraws docs/clinic-flow.svg, the picture of examples/clinic's event flow
# in docs/graph.md, with eventlint graph and Graphviz. TestGraphClinicSVG
# (cmd/eventlint) fails when the picture no longer shows the example's flow.
set -eu
cd "$(dirname "$0")/.."
go run ./cmd/eventlint -C examples/clinic graph -format dot | dot -Tsvg -o docs/clinic-flow.svg
