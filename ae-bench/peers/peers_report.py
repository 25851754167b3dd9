#!/usr/bin/env python3
"""Writes peers.md from the JSON files `ae-bench/run.sh peers` leaves in its results directory.

    python3 ae-bench/peers/peers_report.py OUT_DIR --networks MNIST,WIDE,SEED --rounds 2 ...

Reads OUT_DIR/ae4j-NET-BACKEND-rROUND.json (JMH, one training step per operation),
OUT_DIR/torch-NET-rROUND.json (torch_training.py) and OUT_DIR/commands.txt. Needs only the
standard library.
"""
import argparse
import datetime
import json
import os
import statistics
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from torch_training import NETWORKS  # noqa: E402  (the table only; torch is not imported)


def jmh_samples_per_s(path, batch):
    """The median of a JMH run's measured iterations, in samples per second; None if absent."""
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        results = json.load(f)
    if not results:
        return None
    metric = results[0]["primaryMetric"]
    if metric["scoreUnit"] != "ops/s":
        raise SystemExit(f"{path}: expected ops/s, found {metric['scoreUnit']}")
    iterations = [score for fork in metric["rawData"] for score in fork]
    return statistics.median(iterations) * batch


def torch_run(path):
    """torch_training.py's JSON line; None if absent or empty."""
    if not os.path.exists(path) or os.path.getsize(path) == 0:
        return None
    with open(path, encoding="utf-8") as f:
        return json.loads(f.read().strip().splitlines()[-1])


def cpu():
    """Model name and the flags that matter here, from /proc/cpuinfo."""
    name, flags = "unknown", set()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                key, _, value = line.partition(":")
                key = key.strip()
                if key == "model name" and name == "unknown":
                    name = value.strip()
                elif key == "flags" and not flags:
                    flags = set(value.split())
    except OSError:
        pass
    if "avx512f" in flags:
        simd = "AVX-512 (avx512f)"
    elif "avx2" in flags:
        simd = "AVX2 only (no avx512f)"
    else:
        simd = "neither AVX2 nor AVX-512"
    return name, simd


def number(value):
    return "n/a" if value is None else f"{value:,.0f}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--networks", required=True)
    parser.add_argument("--rounds", type=int, required=True)
    parser.add_argument("--java", default="unknown")
    parser.add_argument("--jvm-flags", default="", help="the forked JVM's effective UseAVX etc.")
    parser.add_argument("--jvm-args", default="", help="PEER_JVM_ARGS")
    parser.add_argument("--jmh", default="", help="the JMH options of every run")
    parser.add_argument("--torch-skipped", default="", help="why PyTorch did not run, if it did not")
    parser.add_argument("--torch-isa", default="", help="the settings that held PyTorch to AVX2, if any")
    args = parser.parse_args()

    networks = [n for n in args.networks.split(",") if n]
    rounds = range(1, args.rounds + 1)
    rows, details, torch_version, blas = [], [], None, None
    for net in networks:
        batch = NETWORKS[net.lower()]["batch"]
        vector = [jmh_samples_per_s(os.path.join(args.out, f"ae4j-{net}-vector-r{r}.json"), batch)
                  for r in rounds]
        nd4j = jmh_samples_per_s(os.path.join(args.out, f"ae4j-{net}-nd4j-r1.json"), batch)
        torch_runs = [torch_run(os.path.join(args.out, f"torch-{net}-r{r}.json")) for r in rounds]
        peers = []
        for run in torch_runs:
            if run is None:
                peers.append(None)
                continue
            if run["batch"] != batch:
                raise SystemExit(f"{net}: PyTorch trained batch {run['batch']}, ae4j {batch}")
            torch_version, blas = run["torch"], run.get("blas")
            peers.append(run["samples_per_s"])
        measured_vector = [v for v in vector if v is not None]
        measured_peer = [p for p in peers if p is not None]
        ae4j = statistics.median(measured_vector) if measured_vector else None
        peer = statistics.median(measured_peer) if measured_peer else None
        ratio = f"{ae4j / peer:.2f}x" if ae4j and peer else "n/a"
        rows.append(f"| {net} | {batch} | {number(ae4j)} | {number(peer)} | **{ratio}** | {number(nd4j)} |")
        details.append(f"| {net} | {', '.join(number(v) for v in vector)} | "
                       f"{', '.join(number(p) for p in peers)} |")

    name, simd = cpu()
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    if args.torch_skipped:
        peer_line = f"not measured: {args.torch_skipped}"
    else:
        peer_line = f"PyTorch {torch_version or 'unknown'}" + (f" (BLAS: {blas})" if blas else "")
        if blas and blas.startswith("libblas"):
            # Debian's python3-torch takes whichever libblas.so.3 the system provides; the reference
            # BLAS measured 20 times slower than OpenBLAS on MNIST, which makes any ratio meaningless.
            peer_line += (" **the reference BLAS, not OpenBLAS: these PyTorch figures are far below its best;"
                          " `apt-get install libopenblas0-pthread` and run again**")
        if args.torch_isa:
            peer_line += f"; held to AVX2 like the JVMs: `{args.torch_isa}`"
    commands_path = os.path.join(args.out, "commands.txt")
    commands = open(commands_path, encoding="utf-8").read().rstrip() if os.path.exists(commands_path) else ""
    date = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")

    lines = [
        "# ae4j against PyTorch, side by side",
        "",
        "Training throughput in samples per second, one training step (forward, MSE, backward, Adam",
        "1e-3) per operation, float32, synthetic data in [0, 1). Written by `ae-bench/run.sh peers`.",
        "",
        f"- **Date**: {date}",
        f"- **CPU**: {name}, {cores} cores, {simd}",
        f"- **JVM**: {args.java}; effective {args.jvm_flags or 'flags unknown'}; "
        f"PEER_JVM_ARGS: {('`' + args.jvm_args + '`') if args.jvm_args else 'none'}",
        f"- **Peer**: {peer_line}",
        f"- **Rounds**: {args.rounds}, alternating ae4j and PyTorch per network; JMH options "
        f"`{args.jmh}`",
        "",
        "| network | batch | ae4j vector | PyTorch | ae4j / PyTorch | ae4j nd4j (round 1) |",
        "|---|---:|---:|---:|---:|---:|",
        *rows,
        "",
        "ae4j: the median of each JMH run's measured iterations (operations per second times the",
        "batch), then the median over rounds. PyTorch: the median of each run's repetitions, then the",
        "median over rounds. Every round's value:",
        "",
        "| network | ae4j vector, per round | PyTorch, per round |",
        "|---|---|---|",
        *details,
        "",
        "## Commands",
        "",
        "```",
        commands,
        "```",
        "",
    ]
    with open(os.path.join(args.out, "peers.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
