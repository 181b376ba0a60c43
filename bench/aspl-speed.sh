#!/usr/bin/env bash
# RGP's ASPL search against the clock: the time to come within 1.5% of the Moore bound on 64 nodes of
# degree 4 (DESIGN.md's target: under a second), and how close it gets in a wall-clock budget on larger
# graphs. Prints `prunus bench aspl` output for each case; the README's table comes from it.
#
#   bench/aspl-speed.sh [SECONDS] [SEEDS]      (defaults: 30 3)
#
# The proposals depend only on the seed; how many fit in the budget depends on the machine and its load
# (printed first), so repeat it and say what else was running.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-30}"
seeds="${2:-3}"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
"$here/prunus" bench aspl --nodes 64 --degree 4 --seeds 20
for case in "256 8" "512 8" "1024 16"; do
  set -- $case
  "$here/prunus" bench aspl --nodes "$1" --degree "$2" --seeds "$seeds" --ratio 1 --max-steps 2000000000 \
    --time "$seconds"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
