#!/usr/bin/env bash
# Builds the benchmarks jar, runs a profile, and renders results.md and training.png from JMH's JSON.
#   ae-bench/run.sh quick   # about 10 minutes on 2 cores: 1 fork, short iterations, kernels at one shape
#   ae-bench/run.sh full    # the annotated settings: 2 forks, 3 warmup and 5 measured iterations
# Extra arguments go to JMH, e.g. `ae-bench/run.sh quick TrainingBenchmark -p network=MNIST`.
set -euo pipefail
cd "$(dirname "$0")/.."
profile="${1:-quick}"
shift || true

# Thread settings, the same for ae4j's ND4J backend and for Deeplearning4j (both use ND4J's natives):
# OpenMP threads sleep instead of spinning when idle (spinning costs 1.5-2.5x on 2 cores), and
# OpenBLAS 0.3.19 is told the core type it misdetects on Zen 5 unless the environment says otherwise.
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
export OPENBLAS_CORETYPE="${OPENBLAS_CORETYPE:-Haswell}"

./mvnw -B -q -pl ae-bench -am package -DskipTests
out="ae-bench/results/$profile"
mkdir -p "$out"
{
  echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs) x $(nproc)"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "OMP_WAIT_POLICY=$OMP_WAIT_POLICY OPENBLAS_CORETYPE=$OPENBLAS_CORETYPE"
  echo "command: ae-bench/run.sh $profile $*"
} > "$out/environment.txt"
jmh() {
  java -jar ae-bench/target/benchmarks.jar "$@"
}
case "$profile" in
  quick)
    # Warm-up of 3 x 2 s: Vector API code runs 10-100x slower until C2 has compiled it.
    if [ $# -gt 0 ]; then
      jmh -f 1 -wi 3 -w 2s -i 3 -r 1s -prof gc -rf json -rff "$out/selected.json" "$@"
      java -cp ae-bench/target/benchmarks.jar io.ae4j.bench.BenchReport "$out" "$out/selected.json"
      exit
    fi
    jmh 'TrainingBenchmark|SgemmCeilingBenchmark' -f 1 -wi 3 -w 2s -i 3 -r 1s -prof gc \
        -rf json -rff "$out/training.json"
    # Kernels and inference at one shape and with shorter iterations, to stay near 10 minutes.
    jmh 'InferenceBenchmark|KernelBenchmark' -p shape=256x784x256 -f 1 -wi 2 -w 1s -i 2 -r 1s \
        -rf json -rff "$out/others.json"
    java -cp ae-bench/target/benchmarks.jar io.ae4j.bench.BenchReport "$out" "$out/training.json" "$out/others.json"
    ;;
  full)
    jmh -prof gc -rf json -rff "$out/results.json" "$@"
    java -cp ae-bench/target/benchmarks.jar io.ae4j.bench.BenchReport "$out" "$out/results.json"
    ;;
  *) echo "usage: $0 quick|full [JMH arguments]" >&2; exit 2 ;;
esac
