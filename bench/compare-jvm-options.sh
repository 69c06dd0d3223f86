#!/usr/bin/env bash
# Compares JVM options on the built server, one server after the other, on loopback only: for each "LABEL=OPTIONS"
# argument it starts a private copy of README's server (.ci/tools/liberty-server.sh) with OPTIONS appended after
# liberty/config/jvm.options (so they win), loads /predict at 64 connections for BENCH_WARMUP_SECONDS, then prints one
# line: start to ready, RSS and its peak (VmHWM) at ready, req/s and p99 of 15 s at 64 connections, req/s, p50 and p99
# of 15 s at 1 connection with the young collections in it (count and mean pause, from the JVM's own GC log switched
# on through jcmd for that run), and RSS and its peak after the load. An empty OPTIONS is the shipped jvm.options; the
# image also maps the server's interned strings from its CDS archive, which "-XX:SharedArchiveFile=$PWD/strings.jsa"
# gives a server here (made by bench/interned-strings-archive.sh strings.jsa; bench/run.sh does so).
# The server runs on the java of JAVA_HOME, as Liberty's scripts choose it: another JDK is compared by setting it.
# Alternate the configurations (A B A B) and compare within one run: the machine's speed drifts. See bench/README.md.
#   bench/compare-jvm-options.sh shipped= "c1=-XX:TieredStopAtLevel=1" shipped= "c1=-XX:TieredStopAtLevel=1"
set -euo pipefail
cd "$(dirname "$0")/.."
WARMUP=${BENCH_WARMUP_SECONDS:-60}
jcmd=${JAVA_HOME:+$JAVA_HOME/bin/}jcmd   # the one of the JDK the server runs on
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install -y wrk)" >&2; exit 2; }
[ $# -gt 0 ] || { sed -n '2,10p' "$0"; exit 2; }
[ -f target/prediction-service.war ] || ./mvnw -q -B -DskipTests package

body=$(mktemp)
trap 'rm -f "$body"' EXIT
cat >"$body" <<'EOF'
wrk.method = "POST"
wrk.body = '{"age":35,"income":50000,"category":"A"}'
wrk.headers["Content-Type"] = "application/json"
EOF

measure() { # LABEL OPTIONS; runs in a subshell, so that the server helper's exit trap stops this server
  local label=$1 started ready memory_at_ready c64 c1 gc_log
  export JVM_ARGS=$2
  # shellcheck source=../.ci/tools/liberty-server.sh
  source .ci/tools/liberty-server.sh
  memory() { awk '$1 == "VmRSS:" { r = $2 } $1 == "VmHWM:" { h = $2 } END { printf "rss %d peak %d MiB", r / 1024, h / 1024 }' \
    "/proc/$server_pid/status"; }
  started=$(date +%s.%N)
  start_server && wait_ready http://127.0.0.1:9080/health/ready 240 >/dev/null || { echo "$label: did not start"; return 1; }
  ready=$(date +%s.%N)
  memory_at_ready=$(memory)
  wrk -t2 -c64 -d"${WARMUP}s" -s "$body" http://127.0.0.1:9080/predict >/dev/null
  c64=$(wrk -t2 -c64 -d15s --latency -s "$body" http://127.0.0.1:9080/predict \
    | awk '/Requests\/sec/ { r = $2 } / 99%/ { p = $2 } END { printf "c64 %.0f req/s p99 %s", r, p }')
  gc_log=$server_work/young-c1.log
  "$jcmd" "$server_pid" VM.log output="file=$gc_log" what=gc=info >/dev/null
  c1=$(wrk -t1 -c1 -d15s --latency -s "$body" http://127.0.0.1:9080/predict \
    | awk '/Requests\/sec/ { r = $2 } / 50%/ { m = $2 } / 99%/ { p = $2 } END { printf "c1 %.0f req/s p50 %s p99 %s", r, m, p }')
  "$jcmd" "$server_pid" VM.log disable >/dev/null
  # A collector without "Pause Young" lines (ZGC, Shenandoah) counts 0, rather than ending the script (pipefail).
  c1="$c1, young $({ grep -o 'Pause Young.*ms' "$gc_log" || true; } | awk '{ n++; s += $NF + 0 } END { printf "%d x %.2f ms", n, n ? s / n : 0 }')"
  printf '%-16s ready in %4.1f s, %s | %s | %s | after: %s\n' "$label" "$(echo "$ready - $started" | bc)" \
    "$memory_at_ready" "$c64" "$c1" "$(memory)"
}

for configuration in "$@"; do
  ( measure "${configuration%%=*}" "${configuration#*=}" )
done
