#!/usr/bin/env bash
# Binding overhead of a top-10 match (README.md): C, PHP (FFI) and Go (cgo) run the same query
# (tests/scenario's job J00002, k = 10, no filter, no explanations, one engine thread) against
# 1,000 candidates and against 20 (where the match is cheap and the per-call cost shows). The three
# programs run interleaved, ROUNDS rounds each, in this one run; each round reports its median, and
# the table gives the median of the round medians per language and its ratio to C.
# Usage: benchmarks/bindings/run.sh [build dir] [iterations per round] [rounds]   (a Release build)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
iterations=${2:-200}
rounds=${3:-5}
scenario=$root/tests/scenario
out=$build/benchmarks/bindings
mkdir -p "$out"
export SKILLMATCH_LIBRARY=$build/libskillmatch.so
cc -O2 -std=c99 -I"$root/include" "$root/benchmarks/bindings/bench_match.c" -o "$out/bench_match_c" \
   -L"$build" -Wl,-rpath,"$build" -lskillmatch
(cd "$root/benchmarks/bindings/go" && GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local GOPATH=$build/bindings/go/path \
   GOCACHE=$build/bindings/go/cache CGO_LDFLAGS="-L$build -Wl,-rpath,$build" go build -o "$out/bench_match_go" .)
for candidates in 1000 20; do
  for round in $(seq "$rounds"); do
    "$out/bench_match_c" "$scenario" "$iterations" "$candidates"
    php -d ffi.enable=1 "$root/benchmarks/bindings/bench_match.php" "$scenario" "$iterations" "$candidates"
    "$out/bench_match_go" "$scenario" "$iterations" "$candidates"
  done | sort -k1,1 -k2,2n | awk -F'\t' -v n="$candidates" -v rounds="$rounds" '
    { v[$1] = v[$1] " " $2; c[$1]++; if (c[$1] == int((rounds + 1) / 2)) med[$1] = $2; sum[$1] = $3 }
    END {
      printf "%d candidates, top 10 (median of %d round medians, us per match):\n", n, rounds
      split("c php go", order, " ")
      for (i = 1; i <= 3; i++) { l = order[i]
        printf "  %-4s %10.2f   x%.3f of C   %+8.2f us   rounds:%s   %s\n", l, med[l], med[l] / med["c"], med[l] - med["c"], v[l],
               (sum[l] == sum["c"] ? "same results" : "CHECKSUM DIFFERS") }
    }'
done
