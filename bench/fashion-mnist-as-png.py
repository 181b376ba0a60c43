#!/usr/bin/env python3
"""Writes Fashion-MNIST as PNG image folders, for the README's `--dataset folder:PATH` measurements.

Reads the IDX files of the Debian package dataset-fashion-mnist (/usr/share/datasets/fashion-mnist) and
writes, in the current folder:
  fmnist10k/CLASS/NNNNN.png           the 10,000 test images as class folders
  fmnist/train/CLASS/NNNNN.png        with `--full`: the 60,000 training images
  fmnist/test/CLASS/NNNNN.png         and the 10,000 test images
CLASS is 0-t-shirt .. 9-ankle-boot, so the sorted folder names give the catalogue's class indices; NNNNN
is the image's index in its IDX file. Needs python3-numpy and python3-pil.
    python3 bench/fashion-mnist-as-png.py --full
    ./prunus train --model lenet5 --dataset folder:fmnist --channels 1 --epochs 1 --seed 1 --out runs/fmnist-png
"""
import gzip
import os
import sys

import numpy as np
from PIL import Image

NAMES = ["0-t-shirt", "1-trouser", "2-pullover", "3-dress", "4-coat", "5-sandal", "6-shirt", "7-sneaker", "8-bag",
         "9-ankle-boot"]
SOURCE = "/usr/share/datasets/fashion-mnist"


def idx(name, offset):
    with gzip.open(os.path.join(SOURCE, name)) as f:
        return np.frombuffer(f.read(), np.uint8, offset=offset)


def write(root, images, labels):
    for n in NAMES:
        os.makedirs(os.path.join(root, n), exist_ok=True)
    for i, (image, label) in enumerate(zip(images, labels)):
        Image.fromarray(image).save(os.path.join(root, NAMES[label], "%05d.png" % i))


test_images = idx("t10k-images-idx3-ubyte.gz", 16).reshape(-1, 28, 28)
test_labels = idx("t10k-labels-idx1-ubyte.gz", 8)
write("fmnist10k", test_images, test_labels)
if "--full" in sys.argv[1:]:
    write("fmnist/train", idx("train-images-idx3-ubyte.gz", 16).reshape(-1, 28, 28), idx("train-labels-idx1-ubyte.gz", 8))
    write("fmnist/test", test_images, test_labels)
