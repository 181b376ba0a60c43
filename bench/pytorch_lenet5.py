"""Reference timing: one LeNet-5 (6-16-120-84) epoch in PyTorch on this machine, for comparison with
`prunus bench train`. Same model (ReLU, max pool, 28x28 padded 2), batch, optimiser and phase split.
Usage: OPENBLAS_NUM_THREADS=1 python3 bench/pytorch_lenet5.py [--images 60000] [--epochs 2] [--threads 2]"""
import argparse
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

p = argparse.ArgumentParser()
p.add_argument("--images", type=int, default=60000)
p.add_argument("--epochs", type=int, default=2)
p.add_argument("--batch", type=int, default=64)
p.add_argument("--threads", type=int, default=2)
a = p.parse_args()
torch.set_num_threads(a.threads)
torch.manual_seed(1)


class LeNet5(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 5, padding=2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(400, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = x.flatten(1)
        return self.fc3(F.relu(self.fc2(F.relu(self.fc1(x)))))


net = LeNet5()
opt = torch.optim.SGD(net.parameters(), lr=0.01, momentum=0.9)
images = torch.rand(a.images, 1, 28, 28)
labels = torch.randint(0, 10, (a.images,))
for epoch in range(a.epochs):
    perm = torch.randperm(a.images)
    t = {"data": 0.0, "forward": 0.0, "backward": 0.0, "optimizer": 0.0}
    start = time.perf_counter()
    for i in range(0, a.images, a.batch):
        t0 = time.perf_counter()
        idx = perm[i:i + a.batch]
        x, y = images[idx], labels[idx]
        t1 = time.perf_counter()
        loss = F.cross_entropy(net(x), y)
        loss.item()
        t2 = time.perf_counter()
        opt.zero_grad()
        loss.backward()
        t3 = time.perf_counter()
        opt.step()
        t4 = time.perf_counter()
        t["data"] += t1 - t0
        t["forward"] += t2 - t1
        t["backward"] += t3 - t2
        t["optimizer"] += t4 - t3
    total = time.perf_counter() - start
    print(f"torch {torch.__version__} epoch {epoch + 1}: {total:.2f} s, {a.images / total:.0f} images/s, "
          + ", ".join(f"{k} {v:.2f} s" for k, v in t.items()))
