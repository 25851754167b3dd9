#!/usr/bin/env bash
# Builds the benchmarks jar, runs a profile, and renders results.md and training.png from JMH's JSON.
#   ae-bench/run.sh quick   # about 10 minutes on 2 cores: 1 fork, short iterations, kernels at one shape
#   ae-bench/run.sh full    # the annotated settings: 2 forks, 3 warmup and 5 measured iterations
#   ae-bench/run.sh peers   # ae4j's vector backend against PyTorch, alternating; writes results/peers/peers.md
# Extra arguments go to JMH, e.g. `ae-bench/run.sh quick TrainingBenchmark -p network=MNIST`;
# for peers they name the networks, e.g. `ae-bench/run.sh peers MNIST,WIDE` (default MNIST,WIDE,SEED).
# peers reads PEER_ROUNDS (default 2), PEER_JMH (JMH options, default -f 1 -wi 3 -w 2s -i 5 -r 2s),
# PEER_TORCH (torch_training.py options, default --seconds 2 --reps 5 --warmup 2), PEER_ND4J (0 leaves
# out the nd4j backend's run in round 1), PEER_JVM_ARGS (for the benchmark JVMs, e.g. -XX:UseAVX=2)
# and PEER_PYTHON (the interpreter with torch, default /usr/bin/python3).
set -euo pipefail
cd "$(dirname "$0")/.."
profile="${1:-quick}"
shift || true
usage="usage: $0 quick|full [JMH arguments] | peers [networks]"
case "$profile" in
  quick|full|peers) ;;
  *) echo "$usage" >&2; exit 2 ;;
esac

# Thread settings, the same for ae4j's ND4J backend and for Deeplearning4j (both use ND4J's natives):
# OpenMP threads sleep instead of spinning when idle (spinning costs 1.5-2.5x on 2 cores), and
# OpenBLAS 0.3.19 is told the core type it misdetects on Zen 5 unless the environment says otherwise.
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
export OPENBLAS_CORETYPE="${OPENBLAS_CORETYPE:-Haswell}"

# peers: networks and settings checked before the build, not after it.
if [ "$profile" = peers ]; then
  IFS=', ' read -r -a requested <<< "${*:-MNIST,WIDE,SEED}"
  nets=()
  for net in "${requested[@]}"; do
    [ -z "$net" ] && continue
    case "${net^^}" in
      SEED|MNIST|WIDE) nets+=("${net^^}") ;;
      *) echo "peers: unknown network '$net' (SEED, MNIST or WIDE)" >&2; exit 2 ;;
    esac
  done
  if [ ${#nets[@]} -eq 0 ]; then echo "$usage" >&2; exit 2; fi
  rounds="${PEER_ROUNDS:-2}"
  if ! [[ "$rounds" =~ ^[1-9][0-9]*$ ]]; then
    echo "peers: PEER_ROUNDS must be a positive whole number, not '$rounds'" >&2; exit 2
  fi
  read -r -a jmh_opts <<< "${PEER_JMH:--f 1 -wi 3 -w 2s -i 5 -r 2s}"
  read -r -a torch_opts <<< "${PEER_TORCH:---seconds 2 --reps 5 --warmup 2}"
  read -r -a peer_jvm <<< "${PEER_JVM_ARGS:-}"
  peer_python="${PEER_PYTHON:-/usr/bin/python3}"
  jvm_opts=()
  if [ ${#peer_jvm[@]} -gt 0 ]; then
    # -jvmArgs, not -jvmArgsAppend: TrainingBenchmark's @Fork(jvmArgsAppend) holds the heap size
    # and --add-modules jdk.incubator.vector, which -jvmArgsAppend on the command line replaces.
    jvm_opts=(-jvmArgs "${peer_jvm[*]}")
  fi
  # The flags the benchmark JVMs run with; a bad option fails here, before the build.
  if ! jvm_flags=$(java "${peer_jvm[@]}" -XX:+PrintFlagsFinal -version 2>/dev/null \
      | awk '$2 == "UseAVX" || $2 == "MaxVectorSize" { printf "%s%s=%s", sep, $2, $4; sep = ", " }'); then
    echo "peers: java does not start with PEER_JVM_ARGS='${PEER_JVM_ARGS:-}'" >&2; exit 2
  fi
  torch_skipped=""
  if ! "$peer_python" -c 'import torch' >/dev/null 2>&1; then
    torch_skipped="$peer_python cannot import torch"
    echo "peers: $torch_skipped, so PyTorch is skipped and ae4j runs alone;" \
         "install it with \`apt-get install python3-torch\` or point PEER_PYTHON at a python that has it"
  fi
fi

build=(./mvnw -B -q -pl ae-bench -am package -DskipTests)
"${build[@]}"
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
  peers)
    # ae4j and PyTorch on the same networks in the same minutes: per network and round, one JMH
    # run of the vector backend (round 1 adds the nd4j backend), then one PyTorch run.
    rm -f "$out"/ae4j-*.json "$out"/torch-*.json "$out/peers.md"
    quoted() {  # the arguments as a shell reads them back, quoted only where they need it
      local arg words=()
      for arg in "$@"; do
        if [[ "$arg" =~ ^[A-Za-z0-9_./=:,+@%-]+$ ]]; then words+=("$arg"); else words+=("'${arg//\'/\'\\\'\'}'"); fi
      done
      echo "${words[*]}"
    }
    {
      settings=""
      while IFS= read -r setting; do
        settings+="${setting%%=*}=$(quoted "${setting#*=}") "
      done < <(env | grep -E '^PEER_[A-Z0-9_]+=' | sort)
      echo "# $settings$(quoted ae-bench/run.sh peers "$@")"
      quoted "${build[@]}"
      echo "export OMP_WAIT_POLICY=$OMP_WAIT_POLICY OPENBLAS_CORETYPE=$OPENBLAS_CORETYPE"
    } > "$out/commands.txt"
    record() { quoted "$@" >> "$out/commands.txt"; }
    run_ae4j() {  # network backend round
      local cmd=(java -jar ae-bench/target/benchmarks.jar 'io\.ae4j\.bench\.TrainingBenchmark\.step'
                 -p "network=$1" -p "backend=$2" "${jmh_opts[@]}" "${jvm_opts[@]}"
                 -rf json -rff "$out/ae4j-$1-$2-r$3.json")
      record "${cmd[@]}"
      "${cmd[@]}"
    }
    run_torch() {  # network round
      # PyTorch's best setting on 2 cores: one intra-op thread, its BLAS (OpenBLAS) on two, and
      # OpenBLAS left to detect the core itself (the export above is for ND4J's own OpenBLAS)...
      local cmd=(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "${torch_isa[@]}" OPENBLAS_NUM_THREADS=2 OMP_NUM_THREADS=1
                 "$peer_python" ae-bench/peers/torch_training.py --net "${1,,}" --threads 1 "${torch_opts[@]}")
      local file="$out/torch-$1-r$2.json"
      echo "$(quoted "${cmd[@]}") > $file" >> "$out/commands.txt"
      "${cmd[@]}" > "$file"
      echo "PyTorch $1, round $2: $(cat "$file")"
    }
    # ...unless the JVMs are held to AVX2 code on an AVX-512 machine: PyTorch's kernels are then held
    # to AVX2 as well, as they would be on an AVX2 machine.
    torch_isa=()
    if [[ "$jvm_flags" =~ UseAVX=[0-2](,|$) ]]; then
      torch_isa=(OPENBLAS_CORETYPE=Haswell ATEN_CPU_CAPABILITY=avx2 DNNL_MAX_CPU_ISA=AVX2)
    fi
    for net in "${nets[@]}"; do
      for ((r = 1; r <= rounds; r++)); do
        run_ae4j "$net" vector "$r"
        if [ "$r" -eq 1 ] && [ "${PEER_ND4J:-1}" != 0 ]; then
          run_ae4j "$net" nd4j "$r"
        fi
        if [ -z "$torch_skipped" ]; then
          run_torch "$net" "$r"
        fi
      done
    done
    nets_csv=$(IFS=,; echo "${nets[*]}")
    python3 ae-bench/peers/peers_report.py "$out" --networks "$nets_csv" --rounds "$rounds" \
      --java="$(java -version 2>&1 | head -1)" --jvm-flags="$jvm_flags" \
      --jvm-args="${PEER_JVM_ARGS:-}" --jmh="${jmh_opts[*]}" --torch-skipped="$torch_skipped" \
      --torch-isa="${torch_isa[*]}"
    echo "wrote $out/peers.md"
    ;;
  *) echo "$usage" >&2; exit 2 ;;
esac
