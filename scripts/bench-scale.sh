#!/usr/bin/env bash
# bench-scale.sh compares `eventlint ./...` with `go vet ./...` on modules
# written by internal/gen (and, optionally, on other modules), for the
# analyzer section of BENCHMARKS.md.
#
# For each N in $NS it generates a module with N library packages (reused
# if $WORK/mN exists), warms a fresh build cache for it with `go build
# ./...`, and then times each tool $RUNS times. Every run gets its own copy
# of the warmed cache: the compiled dependencies are cached, but no vet
# results are (go vet caches them in GOCACHE, so a second run in the same
# cache would measure a cache hit). The timings are GNU time's: wall
# seconds, user+sys CPU seconds and the peak RSS of the largest single
# process (for go vet that is one of the go or vet processes, not their
# sum; for eventlint, eventlint or the go list it runs). The table shows
# the median of each column. It also reports the size of the Summary facts
# (BenchmarkAnalyzeGenerated in internal/driver).
#
# Environment:
#   NS       package counts (default "100 1000 5000")
#   RUNS     runs per tool and size (default 3)
#   VET_RUNS runs of go vet (default $RUNS; 0 leaves go vet out)
#   EVENTLINT an eventlint binary to measure instead of building one from
#            the checkout (for example an older version, to compare)
#   WORK     directory for the modules, caches and binary (default: a new
#            temporary directory; reuse one to skip generating and warming)
#   EXTRA    directories of other modules to compare on, space-separated
#            (each must build offline: run go mod download in it first)
#   FETCH    modules to fetch from the module proxy and compare on, as
#            path@version, space-separated; each is copied to $WORK and its
#            dependencies downloaded (the only step that uses the network)
#
# Usage (from anywhere in the checkout):
#   scripts/bench-scale.sh
#   NS="100 1000" RUNS=5 WORK=/tmp/scale scripts/bench-scale.sh
#   NS= EXTRA=/tmp/scale/rclone RUNS=3 WORK=/tmp/scale scripts/bench-scale.sh
#   NS= FETCH=github.com/rclone/rclone@v1.76.0 scripts/bench-scale.sh
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
NS=${NS-"100 1000 5000"}
RUNS=${RUNS:-3}
VET_RUNS=${VET_RUNS:-$RUNS}
WORK=${WORK:-$(mktemp -d -t eventlint-scale.XXXXXX)}
EXTRA=${EXTRA:-}
FETCH=${FETCH:-}
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)

# Fetch the FETCH modules while the network is still allowed.
for mv in $FETCH; do
	dest="$WORK/$(basename "${mv%@*}")"
	if [[ ! -d $dest ]]; then
		src=$(go mod download -json "$mv" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
		if [[ -z $src ]]; then
			echo "bench-scale: go mod download $mv gave no directory" >&2
			exit 2
		fi
		echo "bench-scale: copying $mv to $dest" >&2
		cp -r "$src" "$dest"
		chmod -R u+w "$dest"
		(cd "$dest" && GOFLAGS=-mod=mod go mod download)
	fi
	EXTRA="$EXTRA $dest"
done

if [[ ! -x /usr/bin/time ]]; then
	echo "bench-scale: /usr/bin/time (GNU time) is missing: apt-get install -y time" >&2
	exit 2
fi

# Offline, and go.sum of the generated modules may lack entries.
export GOPROXY=off GOFLAGS=-mod=mod GOWORK=off

echo "bench-scale: work directory $WORK" >&2
if [[ -n ${EVENTLINT:-} ]]; then
	cp "$EVENTLINT" "$WORK/eventlint"
else
	(cd "$repo" && go build -o "$WORK/eventlint" ./cmd/eventlint)
fi

# median prints the median of its arguments.
median() {
	printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}

# measure TOOL DIR CACHE RUNS runs the tool in DIR RUNS times, each with
# a fresh copy of CACHE, and prints "wall cpu rssMB" medians ("- - -" for
# no runs). The tool's own output is kept in $WORK/last-<tool>.out.
measure() {
	local tool=$1 dir=$2 cache=$3 runs=$4
	local walls=() cpus=() rss=()
	if ((runs == 0)); then
		echo "- - -"
		return
	fi
	for ((i = 1; i <= runs; i++)); do
		rm -rf "$WORK/gocache-run"
		cp -a "$cache" "$WORK/gocache-run"
		local cmd
		if [[ $tool == vet ]]; then
			cmd=(go vet ./...)
		else
			cmd=("$WORK/eventlint" ./...)
		fi
		local status=0
		(cd "$dir" && GOCACHE="$WORK/gocache-run" /usr/bin/time -f '%e %U %S %M' -o "$WORK/time.out" \
			"${cmd[@]}" >"$WORK/last-$tool.out" 2>&1) || status=$?
		# go vet exits 1 when it reports something, eventlint when it
		# finds something; 2 and above are failures.
		if ((status > 1)); then
			echo "bench-scale: ${cmd[*]} in $dir failed (exit $status):" >&2
			tail -20 "$WORK/last-$tool.out" >&2
			exit 2
		fi
		read -r wall user sys maxkb < <(tail -1 "$WORK/time.out")
		walls+=("$wall")
		cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%.2f", u + s}')")
		rss+=("$((maxkb / 1024))")
		echo "bench-scale: $(basename "$dir") $tool run $i: ${wall}s wall, ${cpus[-1]}s cpu, ${rss[-1]} MB" >&2
	done
	echo "$(median "${walls[@]}") $(median "${cpus[@]}") $(median "${rss[@]}")"
}

# check_expected DIR fails unless eventlint's last output in DIR (a
# generated module) holds exactly the findings planted in its EXPECTED.txt,
# compared as "CHECK file:line" pairs: a fast wrong answer is no result.
check_expected() {
	local dir=$1
	local want got
	want=$(grep -v '^#' "$dir/EXPECTED.txt" | awk '{print $1, $2}' | sort)
	got=$(sed -n 's/^\([^:]*:[0-9]*\):[0-9]*: .*\[\(EL[0-9]*\)\]$/\2 \1/p' "$WORK/last-eventlint.out" | sort)
	if [[ $want != "$got" ]]; then
		echo "bench-scale: eventlint's findings in $dir differ from EXPECTED.txt:" >&2
		diff <(echo "$want") <(echo "$got") >&2 || true
		exit 2
	fi
}

# compare NAME DIR warms a cache for DIR and prints a table row.
compare() {
	local name=$1 dir=$2
	local cache="$WORK/gocache-$name"
	if [[ ! -d $cache ]]; then
		echo "bench-scale: warming $cache with go build ./..." >&2
		(cd "$dir" && GOCACHE="$cache" go build ./...)
	fi
	local pkgs
	pkgs=$(cd "$dir" && GOCACHE="$cache" go list ./... | wc -l)
	read -r vwall vcpu vrss < <(measure vet "$dir" "$cache" "$VET_RUNS")
	read -r ewall ecpu erss < <(measure eventlint "$dir" "$cache" "$RUNS")
	if [[ -f $dir/EXPECTED.txt ]]; then
		check_expected "$dir"
	fi
	local ratio=-
	if [[ $vwall != - ]]; then
		ratio=$(awk -v e="$ewall" -v v="$vwall" 'BEGIN {printf "%.2f", e / v}')
	fi
	echo "| $name | $pkgs | $vwall | $vcpu | $vrss | $ewall | $ecpu | $erss | $ratio |" >>"$WORK/table.md"
}

: >"$WORK/table.md"
: >"$WORK/facts.md"
for n in $NS; do
	mod="$WORK/m$n"
	if [[ ! -d $mod ]]; then
		(cd "$repo" && go run ./internal/gen/cmd/genmodule -n "$n" -o "$mod" >&2)
	fi
	compare "gen-$n" "$mod"
	# The Summary fact sizes, from one more (untimed) analysis.
	out=$(cd "$repo" && EVENTLINT_BENCH_DIR="$mod" GOCACHE="$WORK/gocache-gen-$n" \
		go test -run '^$' -bench 'AnalyzeGenerated/selective' -benchtime 1x ./internal/driver)
	echo "$out" | awk -v n="$n" '/^BenchmarkAnalyzeGenerated/ {
		for (i = 1; i <= NF; i++) m[$(i + 1)] = $i
		printf "| %s | %d | %d | %d | %d |\n", n, m["packages"], m["analysed"], m["main-summary-B"], m["total-summary-B"]
	}' >>"$WORK/facts.md"
done
for dir in $EXTRA; do
	compare "$(basename "$dir")" "$dir"
done

echo
echo "| module | packages | go vet s | go vet cpu s | go vet MB | eventlint s | eventlint cpu s | eventlint MB | eventlint / vet |"
echo "|---|---|---|---|---|---|---|---|---|"
cat "$WORK/table.md"
if [[ -s $WORK/facts.md ]]; then
	echo
	echo "| N | packages | analysed (with test variants) | largest Summary of a command, B | all Summary facts, B |"
	echo "|---|---|---|---|---|"
	cat "$WORK/facts.md"
fi
