"""ONNX fixtures for prunus-onnx's tests: torchvision 0.14's classifiers exported by PyTorch 1.13's own exporter.

Nobody at Prunus wrote these graphs: each model is torchvision's, built with random weights from a fixed
seed (no download), its batch-norm scales, shifts and running statistics drawn too (so that an importer
that swapped gamma and beta, or mean and variance, would be caught), put in eval mode and exported by
torch.onnx.export. Batch norm stays a BatchNormalization node: the exporter folds it into the preceding
convolution only in TrainingMode.EVAL (its eval peephole pass); TrainingMode.PRESERVE of a model in eval
mode skips that pass and still exports batch norm with its running statistics (training_mode 0), and
Dropout as nothing. Constant folding stays on (shapes of fixed-size tensors become constants).

The opsets vary over the range PyTorch 1.13 writes (11 to 17), so the importer meets each form: Clip,
Pad, Split and Slice with attributes or inputs, HardSwish as one op (14+) or as HardSigmoid times x.
Two models have a dynamic batch axis; the others a batch of 1 (ShuffleNet's channel shuffle reads the
batch size, which a dynamic axis would turn into Shape/Gather ops).

Usage:
  /usr/bin/python3 bench/onnx_fixtures.py export OUT_DIR [MODEL ...]
      writes OUT_DIR/MODEL.onnx for each model (all by default) and OUT_DIR/fixtures.json describing them
  /usr/bin/python3 bench/onnx_fixtures.py check-safetensors MODEL FILE
      reads FILE (safetensors, parsed here with json and struct, not the safetensors package), loads it into
      the same torchvision model with load_state_dict(strict=True), then strict=False, and prints one JSON
      line: whether the strict load worked (or its error), the missing and unexpected keys, and the largest
      difference between the file's tensors and the model's own state_dict
Needs Debian's python3-torch, python3-torchvision and python3-onnx.
"""
import json
import os
import struct
import sys

import numpy as np
import torch
import torchvision

SEED = 20240515

# name -> (constructor keyword arguments, input side, opset, dynamic batch axis)
MODELS = {
    "resnet18": ({}, 224, 11, True),
    "mobilenet_v2": ({}, 224, 13, True),
    "mobilenet_v3_small": ({}, 224, 14, False),
    "vgg11_bn": ({}, 224, 13, False),
    "squeezenet1_1": ({}, 224, 17, False),
    "shufflenet_v2_x0_5": ({}, 224, 13, False),
    "densenet121": ({}, 224, 11, False),
    "efficientnet_b0": ({}, 224, 13, False),
    "googlenet": ({"aux_logits": False, "transform_input": False, "init_weights": True}, 224, 15, False),
    "regnet_x_400mf": ({}, 224, 16, False),
    "mnasnet0_5": ({}, 224, 12, False),
}


def build(name):
    """The torchvision model `name` with this script's random weights, in eval mode."""
    kwargs, _, _, _ = MODELS[name]
    torch.manual_seed(SEED)
    model = getattr(torchvision.models, name)(weights=None, **kwargs)
    g = torch.Generator().manual_seed(SEED + 1)
    with torch.no_grad():
        for m in model.modules():
            if isinstance(m, torch.nn.BatchNorm2d):
                c = m.num_features
                m.weight.copy_(0.5 + torch.rand(c, generator=g))
                m.bias.copy_(0.1 * torch.randn(c, generator=g))
                m.running_mean.copy_(0.1 * torch.randn(c, generator=g))
                m.running_var.copy_(0.5 + torch.rand(c, generator=g))
    return model.eval()


def export(out_dir, names):
    os.makedirs(out_dir, exist_ok=True)
    described = []
    for name in names:
        _, side, opset, dynamic = MODELS[name]
        model = build(name)
        x = torch.zeros(1, 3, side, side)
        path = os.path.join(out_dir, name + ".onnx")
        torch.onnx.export(
            model, x, path, input_names=["input"], output_names=["logits"], opset_version=opset,
            training=torch.onnx.TrainingMode.PRESERVE, do_constant_folding=True,
            dynamic_axes={"input": {0: "batch"}, "logits": {0: "batch"}} if dynamic else None)
        params = sum(p.numel() for p in model.parameters())
        described.append({"name": name, "file": name + ".onnx", "input": [3, side, side], "batch": None if dynamic else 1,
                          "opset": opset, "parameters": params, "torch": torch.__version__,
                          "torchvision": torchvision.__version__, "seed": SEED})
        print("exported %s (opset %d, %d parameters)" % (name, opset, params), file=sys.stderr)
    with open(os.path.join(out_dir, "fixtures.json"), "w") as f:
        json.dump({"fixtures": described}, f, indent=1)


def read_safetensors(path):
    """name -> float32 array, from the format's own description: an 8-byte little-endian header length, a JSON
    header {name: {dtype, shape, data_offsets}}, then the data, offsets relative to its start."""
    with open(path, "rb") as f:
        blob = f.read()
    (n,) = struct.unpack("<Q", blob[:8])
    header = json.loads(blob[8:8 + n].decode("utf-8"))
    data = blob[8 + n:]
    tensors = {}
    for key, entry in header.items():
        if key == "__metadata__":
            continue
        if entry["dtype"] != "F32":
            raise ValueError("%s: dtype %s, expected F32" % (key, entry["dtype"]))
        begin, end = entry["data_offsets"]
        tensors[key] = np.frombuffer(data[begin:end], dtype="<f4").reshape(entry["shape"])
    return tensors


def check_safetensors(name, path):
    tensors = read_safetensors(path)
    state = {k: torch.from_numpy(v.copy()) for k, v in tensors.items()}
    try:
        build(name).load_state_dict(state, strict=True)
        strict = "loaded"
    except RuntimeError as e:
        strict = str(e)
    model = build(name)
    reference = {k: v.clone() for k, v in model.state_dict().items()}
    result = model.load_state_dict(state, strict=False)
    worst = 0.0
    for k, v in tensors.items():
        if k in reference:
            worst = max(worst, float(np.max(np.abs(reference[k].numpy().astype(np.float64) - v))))
    print(json.dumps({"strict": strict, "missing": sorted(result.missing_keys),
                      "unexpected": sorted(result.unexpected_keys), "max_abs_difference": worst,
                      "tensors": len(tensors)}))


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "export":
        export(sys.argv[2], sys.argv[3:] or list(MODELS))
    elif len(sys.argv) == 4 and sys.argv[1] == "check-safetensors":
        check_safetensors(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
