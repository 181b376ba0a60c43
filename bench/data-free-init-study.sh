#!/usr/bin/env bash
# Srinivas & Babu's claim under two initialisations (issue 14): train LeNet-5-Caffe from kaiming-normal
# and from torch-default on mnist-sample (20 epochs) and Fashion-MNIST (3 epochs), seeds 1-3, then sweep
# FC1's neurons with data-free, random-neuron and naive-neuron (no retraining). Prints one table per
# dataset: test accuracy (mean +- std over the 3 parents) at each count removed.
# Usage: bench/data-free-init-study.sh [OUT]   (default runs/data-free-init; finished parts are kept)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-runs/data-free-init}"
mkdir -p "$out"
export PRUNUS_JAVA_OPTS="${PRUNUS_JAVA_OPTS:--Xmx8g -Dai.djl.pytorch.num_threads=1}"
counts=0,100,200,300,350,400,450,475
for ds in mnist-sample:20 fashion-mnist:3; do
  d="${ds%%:*}"; epochs="${ds##*:}"
  for init in kaiming-normal torch-default; do
    for seed in 1 2 3; do
      run="$out/$d-$init-s$seed"
      [ -f "$run/metrics.json" ] || { rm -rf "$run"; ./prunus train --model lenet5-caffe --dataset "$d" --epochs "$epochs" \
        --init "$init" --seed "$seed" --out "$run" | tail -1; }
      [ -f "$run-sweep/metrics.json" ] || { rm -rf "$run-sweep"; ./prunus sweep --from "$run" --counts "$counts" \
        --methods data-free,random-neuron,naive-neuron --out "$run-sweep" > /dev/null; }
    done
  done
done
python3 - "$out" <<'PY'
import csv, statistics, sys, os, json
out = sys.argv[1]
for d in ("mnist-sample", "fashion-mnist"):
    print("\n%s: test accuracy after removing FC1 neurons (no retraining), mean +- std over seeds 1-3" % d)
    rows = {}
    dense = {}
    for init in ("kaiming-normal", "torch-default"):
        dense[init] = [json.load(open(os.path.join(out, "%s-%s-s%d" % (d, init, s), "metrics.json")))["accuracy"]["test"]
                       for s in (1, 2, 3)]
        for s in (1, 2, 3):
            with open(os.path.join(out, "%s-%s-s%d-sweep" % (d, init, s), "sweep.csv")) as f:
                for r in csv.DictReader(f):
                    rows.setdefault((init, r["method"], int(r["removed"])), {}).setdefault(s, []).append(float(r["test_accuracy"]))
    for init in ("kaiming-normal", "torch-default"):
        print("%s: dense %.4f +- %.4f" % (init, statistics.mean(dense[init]), statistics.stdev(dense[init])))
    counts = sorted({k[2] for k in rows if k[1] != "data-free --auto"})
    header = "| FC1 removed |" + "".join(" %s %s |" % (i, m) for i in ("kaiming-normal", "torch-default")
                                          for m in ("data-free", "random-neuron", "naive-neuron"))
    print(header)
    for c in counts:
        cells = []
        for init in ("kaiming-normal", "torch-default"):
            for m in ("data-free", "random-neuron", "naive-neuron"):
                per_seed = [statistics.mean(v) for v in rows.get((init, m, c), {}).values()]
                cells.append("%.4f +- %.4f" % (statistics.mean(per_seed), statistics.stdev(per_seed)) if len(per_seed) > 1 else "-")
        print("| %d | %s |" % (c, " | ".join(cells)))
    for init in ("kaiming-normal", "torch-default"):
        auto = [(k[2], v[s][0]) for k, v in rows.items() if k[0] == init and k[1] == "data-free --auto" for s in v]
        removed = [a[0] for a in auto]
        acc = [a[1] for a in auto]
        print("%s, data-free --auto: %s removed, test accuracy %.4f +- %.4f" % (
            init, "/".join(map(str, removed)), statistics.mean(acc), statistics.stdev(acc)))
PY
