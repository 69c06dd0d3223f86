#!/usr/bin/env bash
# Where a /predict call's time goes: the client's latency (wrk) beside the time Liberty itself spent on the same calls
# (the access log's %D, from the request's parse to its response's end). Starts a private copy of README's server
# (.ci/tools/liberty-server.sh), loads /predict at 64 connections for BENCH_WARMUP_SECONDS (150), then for each number
# of connections in BENCH_CONNECTIONS ("64 1") makes BENCH_RUNS (3) runs of 10 s, each after 5 s of load at that count.
# For every run it prints wrk's p50/p90/p99 and the same percentiles of %D over the /predict lines that run wrote; the
# difference is time outside the request's processing (waiting in the socket, the selector's hand-off to an executor
# thread, the client's own reading) plus wrk's correction for coordinated omission, which counts a slow call several
# times (bench/README.md, "Where the tails are: the client's time against Liberty's own"). Loopback only; stops the
# server on exit. JVM_ARGS passes options on, as in bench/access-log-cost.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
WARMUP=${BENCH_WARMUP_SECONDS:-150}
RUNS=${BENCH_RUNS:-3}
CONNECTIONS=${BENCH_CONNECTIONS:-64 1}
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install -y wrk)" >&2; exit 2; }
[ -f target/prediction-service.war ] || ./mvnw -q -B -DskipTests package
# shellcheck source=../.ci/tools/liberty-server.sh
source .ci/tools/liberty-server.sh
prepare_server
# One access-log file for the whole run (no rotation: server.xml rotates at 20 MB, ~17 s at full load), emptied before
# each measured run. Liberty appends (O_APPEND), so its next line after the truncation lands at the file's start.
mkdir -p "$server_dir/configDropins/overrides"
echo '<server><httpEndpoint id="defaultHttpEndpoint"><accessLogging maxFileSize="0"/></httpEndpoint></server>' \
  >"$server_dir/configDropins/overrides/access-log-whole.xml"
run_server
wait_ready http://127.0.0.1:9080/health/ready 240 >/dev/null
url=http://127.0.0.1:9080/predict
access_log=$server_dir/logs/http_access.log
wrk -t2 -c64 -d"${WARMUP}s" -s bench/predict.lua "$url" >/dev/null
percentiles() { # microseconds on stdin -> "p50 A p90 B p99 C ms (n)"
  sort -n | awk '{ v[NR] = $1 }
    END { printf "p50 %.2f p90 %.2f p99 %.2f ms (%d calls)", v[int(NR * 0.5)] / 1000, v[int(NR * 0.9)] / 1000,
          v[int(NR * 0.99)] / 1000, NR }'
}
for c in $CONNECTIONS; do
  threads=$((c < 2 ? 1 : 2))   # wrk needs at least one connection a thread
  for run in $(seq "$RUNS"); do
    wrk -t$threads -c"$c" -d5s -s bench/predict.lua "$url" >/dev/null
    : >"$access_log"
    client=$(wrk -t$threads -c"$c" -d10s --latency -s bench/predict.lua "$url" | awk '
      function ms(s) { v = s + 0; if (s ~ /us$/) return v / 1000; if (s ~ /[0-9]s$/) return v * 1000; return v }
      / 50%/ { p50 = ms($2) } / 90%/ { p90 = ms($2) } / 99%/ { p99 = ms($2) } /Requests\/sec/ { r = $2 }
      END { printf "p50 %.2f p90 %.2f p99 %.2f ms (%.0f req/s)", p50, p90, p99, r }')
    sleep 1   # the access log's writer thread catches up
    # The line ends with %D (microseconds) and the request id: logFormat in liberty/config/server.xml.
    server=$({ grep -F '"POST /predict ' "$access_log" || true; } | awk '{ print $(NF - 1) }' | percentiles)
    echo "c$c run $run: client $client; in Liberty (%D) $server"
  done
done
