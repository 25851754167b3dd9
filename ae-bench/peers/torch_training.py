#!/usr/bin/env python3
"""PyTorch training throughput on the networks ae4j's TrainingBenchmark trains.

The networks, data and optimizer are those of io.ae4j.bench.BenchNetwork: float32, Adam (lr 1e-3),
MSE, synthetic rows uniform in [0, 1). An epoch is the rows in shuffled batches; one step is
forward, loss, backward and Adam on one batch, as one JMH operation of TrainingBenchmark is.

    /usr/bin/python3 ae-bench/peers/torch_training.py --net mnist --threads 1 --seconds 2 --reps 5

prints one JSON line: the network, batch, threads, samples per second (the median over the
repetitions) and each repetition's value, and the versions. ae-bench/run.sh peers runs it.
"""
import argparse
import json
import platform
import re
import statistics
import sys
import time

# io.ae4j.bench.BenchNetwork: layer widths from the input to the output, hidden layers relu.
NETWORKS = {
    # The Keras tutorial (io.ae4j.KerasTutorial): 10 -> 10 -> 5 | 5 -> 10, every layer relu.
    "seed": {"widths": [10, 10, 5, 5, 10], "output": "relu", "batch": 10, "rows": 100},
    "mnist": {"widths": [784, 256, 64, 256, 784], "output": "sigmoid", "batch": 256, "rows": 2048},
    "wide": {"widths": [784, 1024, 1024, 784], "output": "sigmoid", "batch": 512, "rows": 2048},
}


def build(torch, net):
    """The network as a Sequential of Linear layers: relu between them, the output's activation last."""
    nn = torch.nn
    widths = net["widths"]
    layers = []
    for i in range(len(widths) - 1):
        layers.append(nn.Linear(widths[i], widths[i + 1]))
        last = i == len(widths) - 2
        layers.append(nn.Sigmoid() if last and net["output"] == "sigmoid" else nn.ReLU())
    return nn.Sequential(*layers)


def train_for(torch, model, optimizer, data, batch, seconds, generator):
    """Trains shuffled batches for at least `seconds`; returns the samples trained per second."""
    mse = torch.nn.functional.mse_loss
    rows = data.shape[0]
    samples = 0
    start = time.perf_counter()
    deadline = start + seconds
    while True:
        order = torch.randperm(rows, generator=generator)
        for first in range(0, rows, batch):
            x = data.index_select(0, order[first:first + batch])
            optimizer.zero_grad(set_to_none=True)
            loss = mse(model(x), x)
            loss.backward()
            optimizer.step()
            samples += x.shape[0]
            now = time.perf_counter()
            if now >= deadline:
                return samples / (now - start)


def blas(torch):
    """The BLAS library this process loaded (a distribution's torch names "generic" in its build
    info and takes whichever libblas the system provides), else torch's own build info."""
    try:
        with open("/proc/self/maps", encoding="utf-8") as maps:
            libraries = {line.split()[-1] for line in maps if line.count(" ") >= 5}
        for pattern in ("openblas", "mkl", "blis", "atlas", "libblas"):
            found = sorted(lib for lib in libraries if pattern in lib.rsplit("/", 1)[-1].lower())
            if found:
                return found[0].rsplit("/", 1)[-1]
    except OSError:
        pass
    info = re.search(r"BLAS_INFO=([^,\s]+)", torch.__config__.show())
    return info.group(1) if info else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--net", choices=sorted(NETWORKS), required=True)
    parser.add_argument("--threads", type=int, default=1, help="torch.set_num_threads (default 1)")
    parser.add_argument("--seconds", type=float, default=2.0, help="measured time per repetition (default 2)")
    parser.add_argument("--reps", type=int, default=5, help="measured repetitions (default 5)")
    parser.add_argument("--warmup", type=float, default=2.0, help="warm-up time before them (default 2)")
    args = parser.parse_args()
    if args.threads < 1 or args.reps < 1 or args.seconds <= 0 or args.warmup < 0:
        parser.error("--threads and --reps must be at least 1, --seconds above 0, --warmup not negative")

    import torch  # here, so that the network table above can be read without torch

    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    net = NETWORKS[args.net]
    generator = torch.Generator().manual_seed(2026)
    data = torch.rand(net["rows"], net["widths"][0], generator=generator, dtype=torch.float32)
    model = build(torch, net)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)

    if args.warmup > 0:
        train_for(torch, model, optimizer, data, net["batch"], args.warmup, generator)
    reps = [train_for(torch, model, optimizer, data, net["batch"], args.seconds, generator)
            for _ in range(args.reps)]

    print(json.dumps({
        "net": args.net,
        "batch": net["batch"],
        "rows": net["rows"],
        "threads": torch.get_num_threads(),
        "samples_per_s": statistics.median(reps),
        "reps_samples_per_s": reps,
        "seconds": args.seconds,
        "warmup": args.warmup,
        "torch": torch.__version__,
        "blas": blas(torch),
        "python": platform.python_version(),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
