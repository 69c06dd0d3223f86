#!/usr/bin/env bash
# The inference engine in-process (JMH, org.openjdk.jmh 1.37): rows per second of the committed default model, the
# Java engine one row at a time and in 1000-row batches, and DL4J's own forward pass beside it. Prints JMH's table,
# then one summary line (the last line, which bench/run.sh quotes). About 2 minutes. Usage: bench/engine-jmh.sh
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=target/bench
mkdir -p "$OUT"
[ -f target/test-classes/dev/predictionservice/inference/EngineBenchmark.class ] \
  && [ -f target/test-classes/META-INF/BenchmarkList ] || ./mvnw -q -B -DskipTests test-compile
[ -f "$OUT/test-classpath.txt" ] || ./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$OUT/test-classpath.txt" >/dev/null
# One OpenMP thread for DL4J, as the server runs it (liberty/config/server.env).
OMP_NUM_THREADS=1 "${JAVA_HOME:+$JAVA_HOME/bin/}java" -cp "target/test-classes:target/classes:$(cat "$OUT/test-classpath.txt")" org.openjdk.jmh.Main \
  EngineBenchmark -rf json -rff "$OUT/engine-jmh.json" 2>/dev/null | grep -E '^(Benchmark|EngineBenchmark)' \
  | tee "$OUT/engine-jmh.txt"
python3 - "$OUT/engine-jmh.json" <<'PY'
import json, sys
r = {b["benchmark"].rsplit(".", 1)[1]: b["primaryMetric"]["score"] for b in json.load(open(sys.argv[1]))}
print("engine (JMH, rows/s): Java %.0f one row at a time (%.0f as /predict's batch of one), %.0f in 1000-row batches;"
      " DL4J %.0f and %.0f (%.0fx, %.0fx)" % (
    r["javaEngineOneRow"], r["javaEngineBatchOfOne"], r["javaEngineBatchOf1000"], r["dl4jOneRow"], r["dl4jBatchOf1000"],
    r["javaEngineOneRow"] / r["dl4jOneRow"], r["javaEngineBatchOf1000"] / r["dl4jBatchOf1000"]))
PY
