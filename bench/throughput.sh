#!/usr/bin/env bash
# Throughput and peak RSS of `dunwatch scan` on generated inputs (data under /tmp, not committed).
#   bash bench/throughput.sh [OUT_DIR]       # default /tmp/dunwatch-bench
# Generates a ~1 GB mbox and a 100k-row CFPB-style CSV once, then runs --jobs 1 and 2 on each
# under /usr/bin/time -v; the summary lines go to OUT_DIR/results.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-/tmp/dunwatch-bench}
mkdir -p "$out"
[ -s "$out/bench.mbox" ] || npx tsx bench/corpus-gen.ts mbox "$out/bench.mbox" 1024
[ -s "$out/bench.csv" ] || npx tsx bench/corpus-gen.ts csv "$out/bench.csv" 100000
for spec in ${BENCH_RUNS:-mbox:2 csv:1 csv:2 mbox:1}; do
  kind=${spec%%:*}; jobs=${spec##*:}
  extra=(); [ "$kind" = csv ] && extra=(--preset cfpb)
  log="$out/$kind-j$jobs.log"
  /usr/bin/time -v npm run -s dunwatch -- scan "$out/bench.$kind" "${extra[@]}" --jobs "$jobs" --progress >/dev/null 2>"$log" || true
  {
    echo "$kind --jobs $jobs: $(ls -l "$out/bench.$kind" | awk '{print $5}') bytes"
    grep -E 'messages .* done in' "$log" | tail -1
    grep -E 'Elapsed \(wall|Maximum resident' "$log"
  } | tee -a "$out/results.txt"
done
