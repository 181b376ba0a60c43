#!/usr/bin/env bash
# RGP's claim, "at fixed n and k, a lower ASPL trains to a higher accuracy", measured with Prunus:
# mlp15 (15 linear layers, 64 wide; the first and last dense, the 13 others masked by one 64-node
# 4-regular graph, 6.25% of their weights kept) trained from scratch at init, for several graphs of
# one ASPL chain (the lattice, snapshots along the chain, the minimum-ASPL graph) and a random
# regular graph, over 3 seeds with the same training budget. Prints a Markdown table.
#
#   bench/rgp-aspl-study.sh [OUT_DIR] [DATASET] [EPOCHS]      (defaults: /tmp/rgp-aspl mnist-sample 10)
#
# Every run directory is kept under OUT_DIR; a finished run (metrics.json present) is not redone.
# --aspl-time 0: the graph search is bounded by its million proposals only, the same on any machine.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-/tmp/rgp-aspl}"
dataset="${2:-mnist-sample}"
epochs="${3:-10}"
graphs=(lattice snapshot:2 snapshot:5 snapshot:30 min-aspl)
mkdir -p "$out"
for seed in 1 2 3; do
  for g in "${graphs[@]}"; do
    run="$out/${g/:/-}-seed$seed"
    [ -f "$run/metrics.json" ] && continue
    rm -rf "$run"
    "$here/prunus" prune --method rgp --model mlp15 --dataset "$dataset" --nodes 64 --degree 4 --graph "$g" --aspl-time 0 \
      --epochs "$epochs" --lr 0.1 --lr-schedule cosine --weight-decay 5e-4 --seed "$seed" --out "$run" >/dev/null
  done
done
python3 - "$out" "${graphs[@]}" <<'PY'
import json, os, statistics, sys
out, graphs = sys.argv[1], sys.argv[2:]
print("| graph | ASPL (mean of 3) | ASPL / Moore | clustering | test accuracy, seeds 1 / 2 / 3 | mean ± std |")
print("|---|---|---|---|---|---|")
for g in graphs:
    runs = [json.load(open(os.path.join(out, f"{g.replace(':', '-')}-seed{s}", "metrics.json"))) for s in (1, 2, 3)]
    d = [r["pruning"]["details"] for r in runs]
    acc = [r["accuracy"]["test"] for r in runs]
    mean = lambda key: statistics.mean(x[key] for x in d)
    print(f"| {g} | {mean('aspl'):.3f} | {mean('moore_ratio'):.3f} | {mean('average_clustering'):.3f} | "
          + " / ".join(f"{a:.4f}" for a in acc) + f" | {statistics.mean(acc):.4f} ± {statistics.stdev(acc):.4f} |")
PY
