#!/usr/bin/env bash
# Training throughput of Prunus (DJL/libtorch) against PyTorch on the same machine, back to back:
# LeNet-5 6-16-120-84, 60,000 Fashion-MNIST-sized images per epoch, batch 64, SGD 0.01/0.9, 2 threads.
# Needs Debian's python3-torch for the reference (apt-get install python3-torch).
set -euo pipefail
cd "$(dirname "$0")/.."
epochs="${EPOCHS:-3}"
echo "== prunus bench train (dense) =="
./prunus bench train --model lenet5 --dataset fashion-mnist --batch-size 64 --epochs "$epochs"
echo "== prunus bench train (random mask, density 0.1) =="
./prunus bench train --model lenet5 --dataset fashion-mnist --batch-size 64 --epochs "$epochs" --mask-density 0.1
echo "== PyTorch reference =="
if /usr/bin/python3 -c 'import torch' 2>/dev/null; then
  OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/pytorch_lenet5.py --epochs "$epochs" --threads 2
else
  echo "python3-torch is not installed: apt-get install python3-torch" >&2
fi
