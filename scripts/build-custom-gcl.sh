#!/bin/sh
# build-custom-gcl.sh: build a golangci-lint with the eventlint plugin built
# in, from the Go module proxy (or the module cache alone), without git.
#
# It does what `golangci-lint custom` does with a .custom-gcl.yml that names
# a local checkout (path:), except that it takes the golangci-lint sources
# from the module proxy instead of cloning them from GitHub:
#
#   1. go mod download -json github.com/golangci/golangci-lint/v2@$GCL_VERSION
#   2. copy that source tree to a scratch directory, make it writable
#   3. write cmd/golangci-lint/plugins.go, blank-importing the plugin package
#   4. go mod edit -require=<eventlint module>@v0.0.0
#                  -replace=<eventlint module>=<this checkout>
#   5. go mod download (the only step that needs the network; it is skipped
#      when the module cache already holds everything)
#   6. go build -mod=mod -trimpath ./cmd/golangci-lint
#
# The binary is cached in
#
#   $EVENTLINT_GCL_CACHE/golangci-lint-$GCL_VERSION-<hash>/golangci-lint
#
# where <hash> covers the Go files of every package of this module that the
# plugin links in (found with go list -deps), go.mod, go.sum, the
# golangci-lint version and `go version`. A repeated run with unchanged
# sources prints the cached path at once; a cold build takes 3-4 minutes on
# 2 cores (0.75 GiB RSS, ~650 MB of build cache, ~310 MB of module cache).
# The hash is also put into the binary's version (main.version), which
# golangci-lint salts its result cache with: a rebuilt plugin never gets
# stale results from golangci-lint's cache. Binaries not used for two days
# are removed after each build; rm -rf "$EVENTLINT_GCL_CACHE" removes all.
#
# Usage:
#   scripts/build-custom-gcl.sh [-o path]
#
# Prints the path of the binary on stdout (progress goes to stderr); with
# -o it also copies the binary to path. Run it from anywhere.
#
# Environment:
#   GCL_VERSION          golangci-lint version (default v2.15.0; >= v2.14.0
#                        is needed for facts to cross packages reliably)
#   EVENTLINT_DIR        the eventlint checkout (default: this script's ../)
#   EVENTLINT_GCL_CACHE  cache directory (default: the user cache directory
#                        of Go's os.UserCacheDir, plus /eventlint)
#   GOPROXY, GOFLAGS,    as for any go command. Offline, with the modules in
#   GOMODCACHE, ...      the module cache: GOPROXY=off (or GOFLAGS=-mod=mod
#                        GOPROXY=off) works.
#
# Exit status: 0 built (or cached); 3 the module proxy/cache cannot provide
# golangci-lint or one of its dependencies; anything else: the build failed.
set -eu

GCL_VERSION=${GCL_VERSION:-v2.15.0}
GCL_MODULE=github.com/golangci/golangci-lint/v2

out=
while [ $# -gt 0 ]; do
	case $1 in
	-o) out=${2:?-o needs a path}; shift 2 ;;
	-h | --help) sed -n '2,/^set -eu/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'; exit 0 ;;
	*) echo "build-custom-gcl.sh: unknown argument $1 (see -h)" >&2; exit 2 ;;
	esac
done

log() { echo "build-custom-gcl: $*" >&2; }

sha256() {
	if command -v sha256sum >/dev/null 2>&1; then
		sha256sum | cut -d' ' -f1
	else
		shasum -a 256 | cut -d' ' -f1
	fi
}

root=${EVENTLINT_DIR:-$(cd "$(dirname "$0")/.." && pwd)}
root=$(cd "$root" && pwd)
if [ -z "${EVENTLINT_GCL_CACHE:-}" ]; then
	case $(uname -s) in
	Darwin) EVENTLINT_GCL_CACHE=$HOME/Library/Caches/eventlint ;;
	*) EVENTLINT_GCL_CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/eventlint ;;
	esac
fi

# Every go command here works on one module only.
export GOWORK=off

module=$(cd "$root" && go list -m)
plugin=$module/gclplugin

# The key: the Go files of the module's packages the plugin links in,
# relative to the checkout, plus go.mod, go.sum and the versions.
files=$(cd "$root" && go list -deps -f \
	'{{if and .Module (eq .Module.Path "'"$module"'")}}{{$d := .Dir}}{{range .GoFiles}}{{$d}}/{{.}}{{"\n"}}{{end}}{{range .EmbedFiles}}{{$d}}/{{.}}{{"\n"}}{{end}}{{end}}' \
	"$plugin")
hash=$(
	cd "$root"
	echo "golangci-lint $GCL_VERSION"
	go version
	for f in $files go.mod go.sum; do
		f=${f#"$root"/}
		[ -f "$f" ] || continue
		echo "$f $(sha256 <"$f")"
	done | LC_ALL=C sort
)
hash=$(printf '%s\n' "$hash" | sha256 | cut -c1-16)

dir=$EVENTLINT_GCL_CACHE/golangci-lint-$GCL_VERSION-$hash
bin=$dir/golangci-lint
# One build per key at a time: tests running in parallel (go test ./...)
# wait for the first build instead of repeating it. The lock is a
# directory (mkdir is atomic everywhere); one older than 20 minutes is left
# over from a killed build and is taken over.
lock=$EVENTLINT_GCL_CACHE/golangci-lint-$GCL_VERSION-$hash.lock
mkdir -p "$EVENTLINT_GCL_CACHE"
locked=
while [ ! -x "$bin" ]; do
	if mkdir "$lock" 2>/dev/null; then
		locked=1
		trap 'rm -rf "$lock"' EXIT
		break
	fi
	if [ -n "$(find "$lock" -maxdepth 0 -mmin +20 2>/dev/null)" ]; then
		rm -rf "$lock"
		continue
	fi
	[ -n "${waited:-}" ] || log "waiting for another build of this key ($lock)"
	waited=1
	sleep 2
done
if [ -x "$bin" ]; then
	[ -n "$locked" ] && rm -rf "$lock"
	touch "$dir" # last used: see the clean-up below
	log "cached: $bin"
else
	log "building golangci-lint $GCL_VERSION with $plugin (key $hash); this takes a few minutes"
	if ! json=$(cd / && go mod download -json "$GCL_MODULE@$GCL_VERSION"); then
		log "the module proxy/cache cannot provide $GCL_MODULE@$GCL_VERSION:"
		printf '%s\n' "$json" | grep '"Error"' >&2 || true
		exit 3
	fi
	src=$(printf '%s\n' "$json" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",*$/\1/p')
	[ -d "$src" ] || { log "no source directory in: $json"; exit 1; }

	work=$(mktemp -d "${TMPDIR:-/tmp}/eventlint-gcl.XXXXXX")
	trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work" "${tmp:-}" "$lock"' EXIT
	cp -R "$src/." "$work/"
	chmod -R u+w "$work"

	cat >"$work/cmd/golangci-lint/plugins.go" <<EOF
package main

// Module plugins, as golangci-lint custom writes them.
import (
	_ "$plugin"
)
EOF
	(cd "$work" && go mod edit -require="$module@v0.0.0" -replace="$module=$root")

	log "fetching modules"
	if ! (cd "$work" && go mod download) >&2; then
		log "the module proxy/cache cannot provide the modules golangci-lint $GCL_VERSION needs"
		exit 3
	fi

	log "compiling"
	mkdir -p "$dir"
	tmp=$dir/golangci-lint.tmp.$$
	(cd "$work" && go build -mod=mod -trimpath \
		-ldflags "-s -w -X main.version=${GCL_VERSION#v}-eventlint-$hash -X 'main.date=$(date -u '+%Y-%m-%dT%H:%M:%SZ')'" \
		-o "$tmp" ./cmd/golangci-lint) >&2
	mv -f "$tmp" "$bin"
	log "built: $bin"
	# Each source change makes a new ~50 MB binary: drop the ones not used
	# for two days.
	find "$EVENTLINT_GCL_CACHE" -mindepth 1 -maxdepth 1 -type d -name 'golangci-lint-*' -mtime +1 \
		-exec rm -rf {} + 2>/dev/null || true
fi

if [ -n "$out" ]; then
	cp "$bin" "$out"
	chmod +x "$out"
	log "copied to $out"
fi
echo "$bin"
