#!/usr/bin/env python3
"""torch.mm's speed on the products KernelBenchmark.gemm measures, as the ceiling to compare with.

    OPENBLAS_NUM_THREADS=2 OMP_NUM_THREADS=2 /usr/bin/python3 ae-bench/peers/torch_matmul.py [--threads N]

prints, for each shape m x k x n, the median GFLOP/s (2 m k n per product) of 7 runs of 0.5 s on
2 threads (or N; set OPENBLAS_NUM_THREADS to the same), and the slowest and fastest run. To hold
OpenBLAS to its AVX2 kernels, as on an AVX2 machine, add OPENBLAS_CORETYPE=Haswell.
"""
import argparse
import statistics
import time

import torch

SHAPES = [(256, 784, 256), (512, 1024, 1024)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=2, help="torch's intra-op threads (default 2)")
    threads = parser.parse_args().threads
    if threads < 1:
        parser.error(f"--threads must be at least 1, got {threads}")
    torch.set_num_threads(threads)
    for m, k, n in SHAPES:
        a = torch.rand(m, k)
        b = torch.rand(k, n)
        for _ in range(20):
            torch.mm(a, b)
        rates = []
        for _ in range(7):
            start = time.perf_counter()
            products = 0
            while time.perf_counter() - start < 0.5:
                torch.mm(a, b)
                products += 1
            rates.append(2 * m * k * n * products / (time.perf_counter() - start) / 1e9)
        print(f"{m}x{k}x{n}: torch.mm {statistics.median(rates):.0f} GFLOP/s "
              f"(runs from {min(rates):.0f} to {max(rates):.0f})")


if __name__ == "__main__":
    main()
