#!/usr/bin/env bash
# Re-makes the plots in README.md (docs/img/*.png) from the small experiment files: runs each one (a
# finished run is kept, so a second call only redraws), writes its report with --charts, and copies the
# charts the README shows. The runs take about an hour on 2 idle cores, most of it the Small-World and
# NNrelief files.
#
#   bench/readme-plots.sh [RUNS_DIR]        (default: prunus-runs)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-$here/prunus-runs}"
img="$here/docs/img"
mkdir -p "$img"

# experiment file, then "chart title as its report's file names it (without the NN- prefix) = README image" pairs
plot() {
  local name="$1"; shift
  "$here/prunus" experiment "$here/experiments/$name.yaml" --out "$runs/$name" >/dev/null
  rm -rf "$runs/$name/charts"
  "$here/prunus" report "$runs/$name" --out "$runs/$name/report.html" --charts "$runs/$name/charts" >/dev/null
  for pair in "$@"; do
    cp "$runs/$name"/charts/[0-9][0-9]-"${pair%%=*}" "$img/${pair#*=}"
  done
}

plot mnist-sample-lenet300 \
  test-accuracy-lenet-300-100-on-mnist-sample.png=baselines-lenet300-mnist-sample.png
plot fashion-mnist-lenet5 \
  test-accuracy-lenet5-on-fashion-mnist.png=baselines-lenet5-fashion-mnist.png
plot mnist-sample-rgp-aspl \
  relational-graphs-aspl-against-accuracy-mlp15-on-mnist-sample.png=rgp-aspl-mlp15.png
plot mnist-sample-data-free \
  test-accuracy-lenet5-caffe-on-mnist-sample.png=data-free-lenet5-caffe.png
plot fashion-mnist-small-world \
  test-accuracy-lenet5-caffe-on-fashion-mnist.png=small-world-lenet5-caffe.png
plot relief-extreme \
  accuracy-after-each-round-lenet-300-100-on-fashion-mnist.png=relief-rounds-lenet300-fashion-mnist.png \
  accuracy-after-each-round-lenet-300-100-on-mnist-sample.png=relief-rounds-lenet300-mnist-sample.png
plot relief-extreme-lenet5 \
  accuracy-after-each-round-lenet5-caffe-on-mnist-sample.png=relief-rounds-lenet5-caffe-mnist-sample.png
ls -l "$img"
