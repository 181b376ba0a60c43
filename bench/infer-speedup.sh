#!/usr/bin/env bash
# The measured speed-up of compacted and sparse models (README "Measured: inference speed-up"):
#   VGG-16 (width 0.5) and ResNet-56, l1-structured at 50% of the channels, compacted, at batch 64, on
#   libtorch and ONNX Runtime (ResNet-56 also with --round-to 16); LeNet-300-100 magnitude-pruned to 5% density at batch 1, dense libtorch
#   against the Java sparse path.
# Timing needs weights, not trained ones: the CIFAR models are trained for one epoch on a small folder of
# random 32x32 RGB images that this script writes (CIFAR itself is not needed), LeNet-300-100 on
# mnist-sample. Run it on idle cores; every form is timed alternately in one process.
#   bench/infer-speedup.sh [WORKDIR] [REPETITIONS]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${1:-$(mktemp -d)}"
reps="${2:-50}"
prunus="${PRUNUS:-$here/prunus}"   # PRUNUS: another launcher, e.g. a copy of the jar
mkdir -p "$work"
cd "$work"
if [ ! -d rgb32 ]; then
  # 10 classes x 16 images of random pixels, as PNG (python's standard library only)
  python3 - <<'PY'
import os, random, struct, zlib
random.seed(1)
def png(path, w, h):
    raw = b"".join(b"\0" + bytes(random.randrange(256) for _ in range(3 * w)) for _ in range(h))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
for c in range(10):
    os.makedirs("rgb32/class%d" % c, exist_ok=True)
    for i in range(16):
        png("rgb32/class%d/%02d.png" % (c, i), 32, 32)
PY
fi
data=(--dataset folder:rgb32 --image-size 32x32 --channels 3)
[ -f vgg/model.prunus ] || "$prunus" train --model vgg16 --width 0.5 "${data[@]}" --epochs 1 --out vgg
[ -f vgg-l1/metrics.json ] || "$prunus" prune --method l1-structured --from vgg --sparsity 0.5 --compact --out vgg-l1
[ -f r56/model.prunus ] || "$prunus" train --model resnet56 "${data[@]}" --epochs 1 --out r56
[ -f r56-l1/metrics.json ] || "$prunus" prune --method l1-structured --from r56 --sparsity 0.5 --compact --out r56-l1
# the same with kept channel counts rounded up to multiples of 16 (stage 1's 8 of 16 become 16)
[ -f r56-l1-r16/metrics.json ] || "$prunus" prune --method l1-structured --from r56 --sparsity 0.5 --round-to 16 --compact --out r56-l1-r16
[ -f mlp/model.prunus ] || "$prunus" train --model lenet-300-100 --dataset mnist-sample --epochs 1 --out mlp
[ -f mlp-5/metrics.json ] || "$prunus" prune --method magnitude --from mlp --density 0.05 --out mlp-5
"$prunus" bench infer vgg-l1 r56-l1 r56-l1-r16 --batch 64 --runtime libtorch,onnxruntime --repetitions "$reps" --warmup 5
"$prunus" bench infer mlp-5 --batch 1 --runtime libtorch,java-csr,onnxruntime --repetitions "$((reps * 10))" --warmup 50
