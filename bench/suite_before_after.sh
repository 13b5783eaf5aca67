#!/usr/bin/env bash
# The test suite before and after a change, side by side on the same machine, as each `make test` runs
# it: BEFORE (default 6911cc6, the main before the renovation: one process) and HEAD (pytest-xdist,
# one worker per core). Two rounds, alternating, so both see the same load. Usage:
#   bench/suite_before_after.sh [BEFORE_COMMIT]      (PostgreSQL must run: `devtools/pg.py start`)
set -euo pipefail
cd "$(dirname "$0")/.."
BEFORE=${1:-6911cc6}
WORK=.local/bench-suite
rm -rf "$WORK" && mkdir -p "$WORK"
git worktree add -q --detach "$WORK/before" "$BEFORE"
git worktree add -q --detach "$WORK/after" HEAD
trap 'git worktree remove --force "$WORK/before"; git worktree remove --force "$WORK/after"' EXIT
for tree in before after; do (cd "$WORK/$tree" && make install >/dev/null); done
export DATABASE_URL=${DATABASE_URL:-$(.venv/bin/python devtools/pg.py url)}
for round in 1 2; do
  for tree in before after; do
    args=(-q -p no:randomly)
    [ "$tree" = after ] && args+=(--numprocesses=auto)
    start=$(date +%s.%N)
    (cd "$WORK/$tree" && DIFE_TEST_DB_SUFFIX=_bench_$tree .venv/bin/python -m pytest "${args[@]}" >"../$tree-$round.log" 2>&1) || true
    end=$(date +%s.%N)
    printf 'round %s %-6s %6.1f s  load %s  %s\n' "$round" "$tree" "$(echo "$end - $start" | bc)" \
      "$(cut -d' ' -f1 /proc/loadavg)" "$(tail -1 "$WORK/$tree-$round.log")"
  done
done
