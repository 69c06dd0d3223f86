#!/usr/bin/env bash
# The access log's cost on one server: starts a private copy of README's server (.ci/tools/liberty-server.sh), loads
# /predict at 64 connections for BENCH_WARMUP_SECONDS (150), then switches Liberty's access log off and on at run time
# (a configDropins/overrides file: <accessLogging enabled="..."/>) for BENCH_LOG_PAIRS (6) pairs of runs in turn
# (off-on, on-off, ...), each 10 s at BENCH_CONNECTIONS (64) after 15 s of load in the new state (the warm-up stays at
# 64 connections, so that C2 has compiled the request path whatever the count measured). Prints every run, then each
# state's mean req/s and median p99. One server, because two servers of the same build differ by more than this cost
# (bench/README.md, "The tails without young collections; the access log's cost"). Loopback only; stops the server on
# exit. JVM_ARGS passes options on, such as the interned strings' archive that bench/run.sh makes:
#   JVM_ARGS=-XX:SharedArchiveFile=$PWD/target/bench/interned-strings.jsa bench/access-log-cost.sh
set -euo pipefail
cd "$(dirname "$0")/.."
WARMUP=${BENCH_WARMUP_SECONDS:-150}
PAIRS=${BENCH_LOG_PAIRS:-6}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
threads=$((CONNECTIONS < 2 ? 1 : 2))   # wrk needs at least one connection a thread
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install -y wrk)" >&2; exit 2; }
[ -f target/prediction-service.war ] || ./mvnw -q -B -DskipTests package
# shellcheck source=../.ci/tools/liberty-server.sh
source .ci/tools/liberty-server.sh
prepare_server
override=$server_dir/configDropins/overrides/access-log.xml
mkdir -p "$(dirname "$override")"
access_log() { # true|false, written whole and renamed so that Liberty never reads half a file
  printf '<server><httpEndpoint id="defaultHttpEndpoint"><accessLogging enabled="%s"/></httpEndpoint></server>\n' \
    "$1" >"$override.tmp"
  mv "$override.tmp" "$override"
}
access_log true
run_server
wait_ready http://127.0.0.1:9080/health/ready 240 >/dev/null
url=http://127.0.0.1:9080/predict
wrk -t2 -c64 -d"${WARMUP}s" -s bench/predict.lua "$url" >/dev/null
results=$(mktemp)
trap 'stop_server; rm -rf "$server_work" "$results"' EXIT
for pair in $(seq "$PAIRS"); do
  if [ $((pair % 2)) -eq 1 ]; then order="false true"; else order="true false"; fi
  for state in $order; do
    access_log "$state"
    sleep 3   # Liberty's config monitor reads the file (every 500 ms by default) and updates the endpoint
    wrk -t$threads -c"$CONNECTIONS" -d15s -s bench/predict.lua "$url" >/dev/null
    wrk -t$threads -c"$CONNECTIONS" -d10s --latency -s bench/predict.lua "$url" \
      | awk -v s="$state" '/Requests\/sec/ { r = $2 }
          / 99%/ { p = $2 + 0; if ($2 ~ /us$/) p /= 1000; else if ($2 ~ /[0-9]s$/) p *= 1000 }
          END { printf "%s %.0f %.2f\n", s, r, p }' | tee -a "$results" \
      | awk '{ printf "access log %-3s %6d req/s, p99 %.2f ms\n", ($1 == "true" ? "on" : "off"), $2, $3 }'
  done
done
# Throughput by the mean of the runs; the p99 by their median, since one run with a full collection (~0.2 s) in it
# moves a mean of six p99s by 15 ms or more.
summary() { # true|false: "N req/s, median p99 M ms" over that state's runs
  awk -v s="$1" '$1 == s { n++; r += $2 } END { printf "%.0f", r / n }' "$results"
  printf ' req/s, median p99 '
  awk -v s="$1" '$1 == s { print $3 }' "$results" | sort -n \
    | awk '{ v[NR] = $1 } END { printf "%.2f ms", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
on=$(summary true) off=$(summary false)
ratio=$(echo "scale=1; 100 * ${on%% *} / ${off%% *}" | bc)
echo "over $PAIRS + $PAIRS runs: access log on $on; off $off; on as % of off (req/s): $ratio %"
