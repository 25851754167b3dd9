#!/bin/sh
# Runs SparkTrainingBenchmark (Spark local[2] against single-machine training) from the test
# classpath, since Spark is provided scope and not shaded anywhere. Results: ae-spark/results/spark-training.json.
# Extra arguments go to JMH, for example: ae-spark/bench.sh -p strategy=local
set -e
cd "$(dirname "$0")/.."
./mvnw -B -q -pl ae-spark -am test-compile dependency:build-classpath -DskipTests \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
mkdir -p ae-spark/results
cp="ae-spark/target/test-classes:ae-spark/target/classes:$(cat ae-spark/target/test-classpath.txt)"
# Spark binds and connects to loopback only.
export SPARK_LOCAL_IP=127.0.0.1
exec java --add-modules jdk.incubator.vector -cp "$cp" org.openjdk.jmh.Main SparkTrainingBenchmark \
  -rf json -rff ae-spark/results/spark-training.json "$@"
