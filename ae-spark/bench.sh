#!/bin/sh
# Runs the Spark benchmarks from the test classpath, since Spark is provided scope and not shaded
# anywhere:
#   ae-spark/bench.sh [JMH arguments]          SparkTrainingBenchmark: local[2] against single-machine
#                                              training; results in ae-spark/results/spark-training.json
#   ae-spark/bench.sh cluster [JMH arguments]  SparkClusterBenchmark: a standalone cluster of two executor
#                                              JVMs against one machine, and the fixed costs of a step;
#                                              results in ae-spark/results/spark-cluster.json
# For example: ae-spark/bench.sh -p strategy=local, or ae-spark/bench.sh cluster 'emptyJob|broadcastWeights'
set -e
benchmark=SparkTrainingBenchmark
results=spark-training.json
if [ "$1" = cluster ]; then
  shift
  benchmark=SparkClusterBenchmark
  results=spark-cluster.json
fi
cd "$(dirname "$0")/.."
./mvnw -B -q -pl ae-spark -am test-compile dependency:build-classpath -DskipTests \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
mkdir -p ae-spark/results
# Absolute paths: the cluster's executors run in directories of their own with this classpath.
cp="$PWD/ae-spark/target/test-classes:$PWD/ae-spark/target/classes:$(cat ae-spark/target/test-classpath.txt)"
# Spark binds and connects to loopback only. The cluster's workers launch executors from SPARK_HOME
# (an empty jars/ there is enough: executors get the benchmark's classpath).
export SPARK_LOCAL_IP=127.0.0.1
export SPARK_HOME="$PWD/ae-spark/target/spark-home"
export SPARK_SCALA_VERSION=2.13
exec java --add-modules jdk.incubator.vector -cp "$cp" org.openjdk.jmh.Main "$benchmark" \
  -rf json -rff "ae-spark/results/$results" "$@"
