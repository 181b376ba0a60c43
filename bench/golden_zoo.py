"""Golden logits for Prunus's model zoo, computed by PyTorch: the oracle of ZooGoldenTest.

Every zoo model is written here again from its published description (METHODS.md B.6), independently of
Prunus's Java code: LeNet-300-100, LeNet-5 (6-16-120-84, padded 2) and its Caffe variant (20-50-500),
VGG-16 for CIFAR with batch norm, ResNet-20/56 with option-A shortcuts (stride-2 subsampling and zero
channels), the CIFAR ResNet-18 with projection shortcuts, and the 15-layer MLP with batch norm. Weights,
batch-norm statistics and inputs are not random draws but a fixed function of each tensor's name and
element index (FNV-1a of the name, SplitMix64 of the index, 24 bits to [-1, 1)), so that the Java test
rebuilds them exactly without any file of weights. Logits are computed in float64 in eval mode.

Usage: python3 bench/golden_zoo.py [OUT.json]   (Debian's python3-torch; writes
prunus-core/src/test/resources/dev/prunus/golden/zoo-logits.json by default)
"""
import json
import math
import sys

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

MASK = (1 << 64) - 1


def fnv1a64(name):
    h = 0xCBF29CE484222325
    for b in name.encode("utf-8"):
        h ^= b
        h = (h * 0x100000001B3) & MASK
    return h


def unit(name, n):
    """n values in [-1, 1): 24 bits of SplitMix64(fnv1a64(name) + i * golden gamma), i = 0..n-1."""
    with np.errstate(over="ignore"):
        x = np.uint64(fnv1a64(name)) + np.arange(n, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)
        z = x + np.uint64(0x9E3779B97F4A7C15)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z = z ^ (z >> np.uint64(31))
    return (z >> np.uint64(40)).astype(np.float64) / float(1 << 24) * 2.0 - 1.0


def values(name, shape, offset, scale):
    """float32(offset + scale * unit): the same rounding as the Java side."""
    return (offset + scale * unit(name, int(np.prod(shape)))).astype(np.float32).reshape(shape)


def scaled(units, width):
    return max(1, int(math.floor(units * width + 0.5)))


def pad_to_32(size):
    return (32 - size + 1) // 2 if size < 32 else 0


class LeNet300100(nn.Module):
    def __init__(self, inp, classes, width):
        super().__init__()
        c, h, w = inp
        self.fc1 = nn.Linear(c * h * w, scaled(300, width))
        self.fc2 = nn.Linear(scaled(300, width), scaled(100, width))
        self.fc3 = nn.Linear(scaled(100, width), classes)

    def forward(self, x):
        x = x.flatten(1)
        return self.fc3(F.relu(self.fc2(F.relu(self.fc1(x)))))


class LeNet5(nn.Module):
    """Classic 6-16-120-84 with ReLU and max pooling; a 28x28 input is padded by 2 in conv1."""

    def __init__(self, inp, classes, width):
        super().__init__()
        c, h, _ = inp
        pad = pad_to_32(h)
        c1, c2, f1, f2 = (scaled(u, width) for u in (6, 16, 120, 84))
        side = ((h + 2 * pad - 4) // 2 - 4) // 2
        self.conv1 = nn.Conv2d(c, c1, 5, padding=pad)
        self.conv2 = nn.Conv2d(c1, c2, 5)
        self.fc1 = nn.Linear(c2 * side * side, f1)
        self.fc2 = nn.Linear(f1, f2)
        self.fc3 = nn.Linear(f2, classes)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = x.flatten(1)
        return self.fc3(F.relu(self.fc2(F.relu(self.fc1(x)))))


class LeNet5Caffe(nn.Module):
    """Caffe's 20-50-500 LeNet: no padding."""

    def __init__(self, inp, classes, width):
        super().__init__()
        c, h, _ = inp
        c1, c2, f1 = (scaled(u, width) for u in (20, 50, 500))
        side = ((h - 4) // 2 - 4) // 2
        self.conv1 = nn.Conv2d(c, c1, 5)
        self.conv2 = nn.Conv2d(c1, c2, 5)
        self.fc1 = nn.Linear(c2 * side * side, f1)
        self.fc2 = nn.Linear(f1, classes)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        return self.fc2(F.relu(self.fc1(x.flatten(1))))


class Vgg16(nn.Module):
    CONFIG = [64, 64, "M", 128, 128, "M", 256, 256, 256, "M", 512, 512, 512, "M", 512, 512, 512, "M"]

    def __init__(self, inp, classes, width):
        super().__init__()
        c, h, _ = inp
        self.pad = pad_to_32(h)
        side = h + 2 * self.pad
        self.steps = []
        n = 0
        for v in self.CONFIG:
            if v == "M":
                self.steps.append("M")
                side //= 2
                continue
            n += 1
            out = scaled(v, width)
            setattr(self, "conv%d" % n, nn.Conv2d(c, out, 3, padding=1))
            setattr(self, "bn%d" % n, nn.BatchNorm2d(out))
            self.steps.append(n)
            c = out
        self.fc1 = nn.Linear(c * side * side, classes)

    def forward(self, x):
        x = F.pad(x, [self.pad] * 4)
        for s in self.steps:
            if s == "M":
                x = F.max_pool2d(x, 2)
            else:
                x = F.relu(getattr(self, "bn%d" % s)(getattr(self, "conv%d" % s)(x)))
        return self.fc1(x.flatten(1))


class BasicBlock(nn.Module):
    def __init__(self, cin, cout, stride, projection):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.stride, self.cin, self.cout = stride, cin, cout
        self.projection = projection and (stride != 1 or cin != cout)
        if self.projection:
            self.shortcut = nn.Sequential()
            self.shortcut.add_module("conv", nn.Conv2d(cin, cout, 1, stride, bias=False))
            self.shortcut.add_module("bn", nn.BatchNorm2d(cout))

    def forward(self, x):
        out = self.bn2(self.conv2(F.relu(self.bn1(self.conv1(x)))))
        if self.projection:
            s = self.shortcut(x)
        elif self.stride != 1 or self.cin != self.cout:
            # option A (He et al. 2016): subsample, then zero channels, half before and half after
            extra = self.cout - self.cin
            s = F.pad(x[:, :, ::self.stride, ::self.stride], [0, 0, 0, 0, extra // 2, extra - extra // 2])
        else:
            s = x
        return F.relu(out + s)


class ResNet(nn.Module):
    def __init__(self, inp, classes, width, stages, blocks, stem, projection):
        super().__init__()
        c, h, _ = inp
        self.pad = pad_to_32(h)
        cin = scaled(stem, width)
        self.conv1 = nn.Conv2d(c, cin, 3, 1, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cin)
        self.layers = []
        for s, units in enumerate(stages):
            cout = scaled(units, width)
            layer = nn.Sequential()
            for b in range(blocks):
                stride = 2 if s > 0 and b == 0 else 1
                layer.add_module(str(b), BasicBlock(cin, cout, stride, projection))
                cin = cout
            setattr(self, "layer%d" % (s + 1), layer)
            self.layers.append(layer)
        self.fc = nn.Linear(cin, classes)

    def forward(self, x):
        x = F.pad(x, [self.pad] * 4)
        x = F.relu(self.bn1(self.conv1(x)))
        for layer in self.layers:
            x = layer(x)
        return self.fc(x.mean(dim=(2, 3)))


class Mlp15(nn.Module):
    def __init__(self, inp, classes, width):
        super().__init__()
        c, h, w = inp
        hidden = scaled(64, width)
        n = c * h * w
        for i in range(1, 15):
            setattr(self, "fc%d" % i, nn.Linear(n, hidden, bias=False))
            setattr(self, "bn%d" % i, nn.BatchNorm1d(hidden))
            n = hidden
        self.fc15 = nn.Linear(n, classes)

    def forward(self, x):
        x = x.flatten(1)
        for i in range(1, 15):
            x = F.relu(getattr(self, "bn%d" % i)(getattr(self, "fc%d" % i)(x)))
        return self.fc15(x)


MODELS = {
    "lenet-300-100": LeNet300100,
    "lenet5": LeNet5,
    "lenet5-caffe": LeNet5Caffe,
    "vgg16": Vgg16,
    "resnet20": lambda i, k, w: ResNet(i, k, w, (16, 32, 64), 3, 16, False),
    "resnet56": lambda i, k, w: ResNet(i, k, w, (16, 32, 64), 9, 16, False),
    "resnet18": lambda i, k, w: ResNet(i, k, w, (64, 128, 256, 512), 2, 64, True),
    "mlp15": Mlp15,
}

# (model, width, input shape): each at its standard input and width, plus widths whose channel counts
# leave a remainder over oneDNN's blocks of 16 and 1-channel 28x28 inputs padded to 32x32
CASES = [
    ("lenet-300-100", 1.0, (1, 28, 28)),
    ("lenet5", 1.0, (1, 28, 28)),
    ("lenet5-caffe", 1.0, (1, 28, 28)),
    ("lenet5-caffe", 0.9, (1, 28, 28)),
    ("vgg16", 1.0, (3, 32, 32)),
    ("vgg16", 0.3, (3, 32, 32)),
    ("vgg16", 0.25, (1, 28, 28)),
    ("resnet20", 1.0, (3, 32, 32)),
    ("resnet20", 1.25, (1, 28, 28)),
    ("resnet56", 1.0, (3, 32, 32)),
    ("resnet18", 1.0, (3, 32, 32)),
    ("resnet18", 0.3, (3, 32, 32)),
    ("mlp15", 1.0, (1, 28, 28)),
]
BATCH = 2
CLASSES = 10


def prunus_name(name, module):
    """Prunus's name of a PyTorch parameter or buffer: batch norm's weight and bias are gamma and beta."""
    if isinstance(module, (nn.BatchNorm1d, nn.BatchNorm2d)):
        base, leaf = name.rsplit(".", 1)
        return base + "." + {"weight": "gamma", "bias": "beta"}.get(leaf, leaf)
    return name


def fill(model):
    names = []
    for mname, module in model.named_modules():
        for pname, t in list(module.named_parameters(recurse=False)) + list(module.named_buffers(recurse=False)):
            if pname == "num_batches_tracked":
                continue
            full = prunus_name((mname + "." if mname else "") + pname, module)
            names.append(full)
            leaf = full.rsplit(".", 1)[1]
            if leaf == "weight":
                fan_in = int(np.prod(t.shape[1:]))
                v = values(full, tuple(t.shape), 0.0, math.sqrt(6.0 / fan_in))
            elif leaf == "bias" or leaf == "beta" or leaf == "running_mean":
                v = values(full, tuple(t.shape), 0.0, 0.1)
            elif leaf == "gamma":
                v = values(full, tuple(t.shape), 0.5, 0.25)
            elif leaf == "running_var":
                v = values(full, tuple(t.shape), 1.0, 0.5)
            else:
                raise ValueError(full)
            with torch.no_grad():
                t.copy_(torch.from_numpy(v))
    return names


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "prunus-core/src/test/resources/dev/prunus/golden/zoo-logits.json"
    cases = []
    for model_id, width, inp in CASES:
        model = MODELS[model_id](inp, CLASSES, width)
        names = fill(model)
        model = model.double().eval()
        x = torch.from_numpy(values("input", (BATCH,) + inp, 0.0, 1.0).astype(np.float64))
        with torch.no_grad():
            logits = model(x)
        cases.append({
            "model": model_id, "width": width, "input": list(inp), "classes": CLASSES, "batch": BATCH,
            "tensors": len(names), "logits": [float(v) for v in logits.flatten()],
        })
        print("%-14s width %-4s input %-12s %3d tensors  max |logit| %.4g" % (
            model_id, width, "x".join(map(str, inp)), len(names), logits.abs().max().item()))
    doc = {
        "about": "bench/golden_zoo.py: logits of Prunus's zoo models computed by PyTorch (float64, eval mode) "
                 "with weights and inputs that are a fixed function of each tensor's name and index",
        "torch": torch.__version__,
        "cases": cases,
    }
    with open(out, "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
