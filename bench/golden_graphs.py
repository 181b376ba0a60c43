"""Golden logits for Prunus's graph operations, computed by PyTorch: the oracle of GraphGoldenTest.

Each case is a small network written as a Prunus architecture (the JSON of model files: nodes over named
tensors) that uses the operations of torchvision's classifiers: depthwise, grouped, dilated and
rectangular convolutions, batch norm with its own epsilon, ReLU6 (clip), sigmoid, hard sigmoid, hard
swish, squeeze-excitation's broadcast product, concatenation, channel slices, channel shuffle (reshape,
transpose, reshape), max and average pooling with padding and ceil rounding, asymmetric padding and a
conv classifier. This script runs each graph with torch.nn.functional, an implementation of every
operation independent of Prunus's, in float64 and eval mode, with the weights and inputs of
bench/golden_zoo.py (a fixed function of each tensor's name and index).

Usage: python3 bench/golden_graphs.py [OUT.json]   (writes
prunus-core/src/test/resources/dev/prunus/golden/graph-logits.json by default)
"""
import json
import math
import sys

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, __import__("os").path.dirname(__file__))
from golden_zoo import values  # noqa: E402

BATCH = 2


class Graph:
    """A Prunus architecture under construction: nodes, shapes, parameter shapes."""

    def __init__(self, name, channels, height, width):
        self.name, self.input = name, [channels, height, width]
        self.nodes, self.params = [], {}
        self.count = 0

    def node(self, layer, inputs, name=None):
        if name is None:
            name = "%s_%d" % (layer["type"], self.count)
        self.count += 1
        self.nodes.append({"name": name, "layer": layer, "inputs": list(inputs)})
        return name

    def conv(self, name, x, cin, cout, k=(3, 3), s=(1, 1), p=(0, 0), d=(1, 1), groups=1, bias=False):
        self.params[name + ".weight"] = (cout, cin // groups, k[0], k[1])
        if bias:
            self.params[name + ".bias"] = (cout,)
        return self.node({"type": "conv", "name": name, "inChannels": cin, "outChannels": cout, "kernelH": k[0],
                          "kernelW": k[1], "strideH": s[0], "strideW": s[1], "padH": p[0], "padW": p[1],
                          "dilationH": d[0], "dilationW": d[1], "groups": groups, "bias": bias}, [x], name)

    def linear(self, name, x, fin, fout):
        self.params[name + ".weight"] = (fout, fin)
        self.params[name + ".bias"] = (fout,)
        return self.node({"type": "linear", "name": name, "inFeatures": fin, "outFeatures": fout, "bias": True}, [x], name)

    def bn(self, name, x, c, eps=1e-5):
        for leaf in ("gamma", "beta", "running_mean", "running_var"):
            self.params[name + "." + leaf] = (c,)
        return self.node({"type": "batch_norm", "name": name, "channels": c, "epsilon": eps}, [x], name)

    def op(self, kind, *inputs, **attrs):
        layer = {"type": kind}
        layer.update(attrs)
        return self.node(layer, inputs, attrs.get("name"))

    def json(self, classes):
        return {"name": self.name, "input": {"channels": self.input[0], "height": self.input[1],
                                             "width": self.input[2]},
                "numClasses": classes, "width": 1.0, "nodes": self.nodes}


def mbv2(g):
    x = g.conv("expand", "input", 8, 16, k=(1, 1))
    x = g.op("clip", g.bn("expand_bn", x, 16, eps=1e-3), min=0.0, max=6.0)
    x = g.conv("dw", x, 16, 16, p=(1, 1), groups=16)
    x = g.op("clip", g.bn("dw_bn", x, 16, eps=1e-3), min=0.0, max=6.0)
    x = g.bn("project_bn", g.conv("project", x, 16, 8, k=(1, 1)), 8, eps=1e-3)
    x = g.op("add", x, "input")
    x = g.op("flatten", g.op("global_avg_pool", x))
    g.linear("fc", x, 8, 5)


def squeeze_excitation(g):
    x = g.op("hard_swish", g.bn("stem_bn", g.conv("stem", "input", 8, 16, s=(2, 2), p=(1, 1)), 16))
    s = g.op("global_avg_pool", x)
    s = g.op("relu", g.conv("se_reduce", s, 16, 4, k=(1, 1), bias=True))
    s = g.op("hard_sigmoid", g.conv("se_expand", s, 4, 16, k=(1, 1), bias=True), alpha=1 / 6, beta=0.5)
    x = g.op("mul", x, s)
    x = g.op("relu", g.conv("head", x, 16, 12, k=(1, 1)))
    g.linear("fc", g.op("flatten", g.op("global_avg_pool", x)), 12, 5)


def fire(g):
    x = g.op("relu", g.conv("stem", "input", 3, 8, s=(2, 2), bias=True))
    x = g.op("max_pool", x, kernelH=3, kernelW=3, strideH=2, strideW=2, padH=0, padW=0, ceil=True)
    sq = g.op("relu", g.conv("squeeze", x, 8, 4, k=(1, 1), bias=True))
    e1 = g.op("relu", g.conv("expand1", sq, 4, 6, k=(1, 1), bias=True))
    e3 = g.op("relu", g.conv("expand3", sq, 4, 6, p=(1, 1), bias=True))
    x = g.op("concat", e1, e3, axis=0)
    x = g.op("relu", g.conv("classifier", x, 12, 5, k=(1, 1), bias=True))
    g.op("flatten", g.op("global_avg_pool", x))


def shuffle(g):
    x = g.op("relu", g.bn("stem_bn", g.conv("stem", "input", 4, 16, p=(1, 1)), 16))
    a = g.op("slice", x, axis=0, start=0, end=8, step=1)
    b = g.op("slice", x, axis=0, start=8, end=16, step=1)
    b = g.op("relu", g.bn("branch_bn", g.conv("branch", b, 8, 8, k=(1, 1)), 8))
    b = g.bn("branch_dw_bn", g.conv("branch_dw", b, 8, 8, p=(1, 1), groups=8), 8)
    x = g.op("concat", a, b, axis=0)
    x = g.op("reshape", x, dims=[2, 8, 6, 6])
    x = g.op("transpose", x, perm=[1, 0, 2, 3])
    x = g.op("reshape", x, dims=[16, 6, 6])
    g.linear("fc", g.op("flatten", g.op("global_avg_pool", x)), 16, 5)


def dense(g):
    stem = g.conv("stem", "input", 3, 8, p=(1, 1))
    y = g.op("relu", g.bn("l1_norm1", stem, 8))
    y = g.op("relu", g.bn("l1_norm2", g.conv("l1_conv1", y, 8, 8, k=(1, 1)), 8))
    y = g.conv("l1_conv2", y, 8, 4, p=(1, 1))
    x = g.op("concat", stem, y, axis=0)
    z = g.op("relu", g.bn("l2_norm1", x, 12))
    z = g.conv("l2_conv", z, 12, 4, p=(1, 1))
    x = g.op("concat", x, z, axis=0)
    x = g.op("relu", g.bn("transition_norm", x, 16))
    x = g.conv("transition", x, 16, 8, k=(1, 1))
    x = g.op("avg_pool", x, kernelH=3, kernelW=3, strideH=2, strideW=2, padH=1, padW=1, ceil=False, countPadding=False)
    x = g.op("relu", g.bn("final_norm", x, 8))
    g.linear("fc", g.op("flatten", g.op("global_avg_pool", x)), 8, 5)


def grouped(g):
    x = g.conv("grouped", "input", 4, 8, k=(3, 3), p=(2, 2), d=(2, 2), groups=2, bias=True)
    x = g.conv("rect", x, 8, 8, k=(1, 3), s=(1, 2), p=(0, 1))
    x = g.op("avg_pool", x, kernelH=3, kernelW=3, strideH=1, strideW=1, padH=1, padW=1, ceil=False, countPadding=True)
    x = g.op("mul", x, g.op("sigmoid", x))
    g.linear("fc", g.op("flatten", x), 8 * 9 * 5, 5)


def pooling(g):
    x = g.op("pad", "input", before=[0, 0, 1], after=[0, 1, 0])
    x = g.op("relu", g.conv("c", x, 3, 6, p=(1, 1)))
    x = g.op("max_pool", x, kernelH=3, kernelW=3, strideH=2, strideW=2, padH=1, padW=1, ceil=True)
    x = g.op("channel_gate", x, name="gate", channels=6)
    g.linear("fc", g.op("flatten", x), 6 * 6 * 6, 5)


CASES = [
    ("mbv2-block", (8, 10, 10), mbv2),
    ("squeeze-excitation", (8, 9, 9), squeeze_excitation),
    ("fire-concat", (3, 17, 17), fire),
    ("channel-shuffle", (4, 6, 6), shuffle),
    ("dense-pre-activation", (3, 8, 8), dense),
    ("grouped-dilated-rectangular", (4, 9, 9), grouped),
    ("padded-ceil-pooling", (3, 10, 10), pooling),
]


def weights(params):
    w = {}
    for name, shape in params.items():
        leaf = name.rsplit(".", 1)[1]
        n = int(np.prod(shape))
        if leaf == "weight":
            w[name] = values(name, shape, 0.0, math.sqrt(6.0 / (n // shape[0])))
        elif leaf in ("bias", "beta", "running_mean"):
            w[name] = values(name, shape, 0.0, 0.1)
        elif leaf == "gamma":
            w[name] = values(name, shape, 0.5, 0.25)
        else:
            w[name] = values(name, shape, 1.0, 0.5)
    return {k: torch.from_numpy(v.astype(np.float64)) for k, v in w.items()}


def run(arch, w, x, tensors=None):
    """Interprets a Prunus architecture with torch.nn.functional (every tensor into {@code tensors} if given)."""
    t = {"input": x}
    for n in arch["nodes"]:
        L, ins = n["layer"], [t[i] for i in n["inputs"]]
        a, kind = ins[0], L["type"]
        if kind == "conv":
            y = F.conv2d(a, w[L["name"] + ".weight"], w.get(L["name"] + ".bias") if L["bias"] else None,
                         (L["strideH"], L["strideW"]), (L["padH"], L["padW"]), (L["dilationH"], L["dilationW"]),
                         L["groups"])
        elif kind == "linear":
            y = F.linear(a, w[L["name"] + ".weight"], w[L["name"] + ".bias"])
        elif kind == "batch_norm":
            p = L["name"]
            y = F.batch_norm(a, w[p + ".running_mean"], w[p + ".running_var"], w[p + ".gamma"], w[p + ".beta"],
                             False, 0.0, L["epsilon"])
        elif kind == "relu":
            y = F.relu(a)
        elif kind == "clip":
            y = a.clamp(L["min"], L["max"])
        elif kind == "sigmoid":
            y = torch.sigmoid(a)
        elif kind == "hard_sigmoid":
            y = (L["alpha"] * a + L["beta"]).clamp(0, 1)
        elif kind == "hard_swish":
            y = F.hardswish(a)
        elif kind == "max_pool":
            y = F.max_pool2d(a, (L["kernelH"], L["kernelW"]), (L["strideH"], L["strideW"]), (L["padH"], L["padW"]),
                             ceil_mode=L["ceil"])
        elif kind == "avg_pool":
            y = F.avg_pool2d(a, (L["kernelH"], L["kernelW"]), (L["strideH"], L["strideW"]), (L["padH"], L["padW"]),
                             ceil_mode=L["ceil"], count_include_pad=L["countPadding"])
        elif kind == "global_avg_pool":
            y = a.mean(dim=(2, 3), keepdim=True)
        elif kind == "flatten":
            y = a.flatten(1)
        elif kind == "reshape":
            y = a.reshape([a.shape[0]] + L["dims"])
        elif kind == "transpose":
            y = a.permute([0] + [p + 1 for p in L["perm"]])
        elif kind == "pad":
            pads = []
            for b, e in reversed(list(zip(L["before"], L["after"]))):
                pads += [b, e]
            y = F.pad(a, pads)
        elif kind == "slice":
            idx = [slice(None)] * a.dim()
            idx[L["axis"] + 1] = slice(L["start"], L["end"], L["step"])
            y = a[tuple(idx)]
        elif kind == "channel_gate":
            y = a
        elif kind == "add":
            y = ins[0] + ins[1]
        elif kind == "mul":
            y = ins[0] * ins[1]
        elif kind == "concat":
            y = torch.cat(ins, dim=L["axis"] + 1)
        else:
            raise ValueError(kind)
        t[n["name"]] = y
    if tensors is not None:
        tensors.update(t)
    return t[arch["nodes"][-1]["name"]]


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "prunus-core/src/test/resources/dev/prunus/golden/graph-logits.json"
    cases = []
    for name, shape, build in CASES:
        g = Graph(name, *shape)
        build(g)
        x = torch.from_numpy(values("input", (BATCH,) + shape, 0.0, 1.0).astype(np.float64))
        with torch.no_grad():
            logits = run(g.json(0), weights(g.params), x)
        arch = g.json(logits.shape[1])
        cases.append({"architecture": arch, "batch": BATCH, "logits": [float(v) for v in logits.flatten()]})
        print("%-28s %2d nodes  logits %s  max |logit| %.4g" % (name, len(g.nodes), tuple(logits.shape),
                                                                logits.abs().max().item()))
    doc = {"about": "bench/golden_graphs.py: logits of small Prunus graphs computed by torch.nn.functional "
                    "(float64, eval mode); weights and inputs are golden_zoo.py's fixed functions of name and index",
           "torch": torch.__version__, "cases": cases}
    with open(out, "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
