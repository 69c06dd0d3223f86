#!/usr/bin/env bash
# Benchmark of /predict against a no-op endpoint on the same server (the ceiling the HTTP + JSON stack allows).
# Builds the WAR like README's run command, starts the server on loopback, drives it with wrk at 1, 16 and 64
# connections, times a 1000-row batch, start to ready, and RSS after 5 redeploys; prints a table; stops what it
# started. Bounded: about DURATION x 6 + 3 minutes. Usage: bench/run.sh [DURATION_SECONDS=15]
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${1:-15}
PORT=${BENCH_PORT:-19680}
URL=http://127.0.0.1:$PORT
OUT=target/bench
mkdir -p "$OUT"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk"; exit 2; }
if [ ! -d target/liberty/wlp/usr/servers/predictionServer/lib/global ] || [ ! -f target/prediction-service.war ]; then
  ./mvnw -q -B -DskipTests package
fi

# A private copy of README's server (same server.xml and its includes, jvm.options, server.env, shared library), the
# WAR in dropins, stopped on exit: the helper the CI checks use.
source .ci/tools/liberty-server.sh
prepare_server
DIR=$server_dir

t0=$(date +%s.%N)
BENCH_NOOP_ENABLED=true HTTP_PORT=$PORT HTTPS_PORT=$((PORT + 1)) run_server
ready=false
for _ in $(seq 1 600); do
  curl -sf "$URL/health/ready" >/dev/null 2>&1 && { ready=true; break; }
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.1
done
$ready || { echo "the server did not become ready in 60 s; see $DIR/logs/messages.log" >&2; exit 1; }
start_to_ready=$(echo "$(date +%s.%N) - $t0" | bc)
PID=$server_pid

rss_mib() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$PID/status"; }
peak_mib() { awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/$PID/status"; }

LUA=bench/predict.lua
run_wrk() { # path connections -> "rps p50 p90 p99 errors"
  local path=$1 c=$2 threads=2
  [ "$c" -lt 2 ] && threads=1
  wrk -t$threads -c"$c" -d"${DURATION}s" --latency -s "$LUA" "$URL$path" > "$OUT/wrk-${path//\//_}-$c.txt" 2>&1
  awk '
    function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
    /Requests\/sec/ {rps=$2}
    /^ +50%/ {p50=ms($2)} /^ +90%/ {p90=ms($2)} /^ +99%/ {p99=ms($2)}
    /Non-2xx/ {err+=$NF} /Socket errors/ {for(i=4;i<=NF;i+=2) err+=$i}
    END {printf "%.0f %.2f %.2f %.2f %d", rps, p50, p90, p99, err}' "$OUT/wrk-${path//\//_}-$c.txt"
}

# Warm up both paths under concurrency until the JIT has settled (shorter warm-ups measured the compiler: the first
# 64-connection run after a 10 s warm-up was up to half as fast as the next), then measure.
wrk -t2 -c64 -d"${BENCH_WARMUP_SECONDS:-45}s" -s "$LUA" "$URL/predict" >/dev/null
wrk -t2 -c64 -d10s -s "$LUA" "$URL/bench/noop" >/dev/null

printf '\n%-12s %5s %10s %9s %9s %9s %7s %8s\n' endpoint conns req/s p50_ms p90_ms p99_ms errors vs_noop
for c in 1 16 64; do
  read -r nrps n50 n90 n99 nerr <<<"$(run_wrk /bench/noop "$c")"
  read -r prps p50 p90 p99 perr <<<"$(run_wrk /predict "$c")"
  printf '%-12s %5d %10d %9s %9s %9s %7d %8s\n' /bench/noop "$c" "$nrps" "$n50" "$n90" "$n99" "$nerr" "-"
  printf '%-12s %5d %10d %9s %9s %9s %7d %7.0f%%\n' /predict "$c" "$prps" "$p50" "$p90" "$p99" "$perr" \
    "$(echo "100 * $prps / $nrps" | bc -l)"
done
peak_under_load=$(peak_mib)

# A 1000-row batch: client time over loopback (median of 20) and the server's own time from its metrics.
python3 - "$OUT/batch1000.json" <<'PY'
import json, sys
cats = "ABCD"
rows = [{"age": 18 + i % 70, "income": i * 200, "category": cats[i % 4]} for i in range(1000)]
json.dump({"instances": rows}, open(sys.argv[1], "w"))
PY
# awk reads to the end (no early exit): an early exit would kill curl with SIGPIPE and, with pipefail, the script.
metric() { curl -s "$URL/metrics?scope=application" | awk -v m="$1" '$1 ~ m && v == "" {v = $2} END {print v}'; }
sum0=$(metric '^inference_seconds_sum\\{endpoint="batch"'); cnt0=$(metric '^inference_seconds_count\\{endpoint="batch"')
for _ in $(seq 1 20); do
  curl -s -o /dev/null -w '%{time_total}\n' -H 'Content-Type: application/json' --data-binary @"$OUT/batch1000.json" \
    "$URL/predict/batch"
done | sort -n | awk '{a[NR]=$1} END {printf "1000-row batch: client median %.2f ms (loopback, incl. JSON)\n", a[int((NR+1)/2)]*1000}'
sum1=$(metric '^inference_seconds_sum\\{endpoint="batch"'); cnt1=$(metric '^inference_seconds_count\\{endpoint="batch"')
printf '1000-row batch: server scoring time mean %.2f ms (inference_seconds)\n' \
  "$(echo "scale=4; 1000 * (${sum1:-0} - ${sum0:-0}) / (${cnt1:-1} - ${cnt0:-0})" | bc)"

echo "start to ready: $(printf '%.1f' "$start_to_ready") s"
echo "RSS under load: peak $peak_under_load MiB; now $(rss_mib) MiB"

# Five redeploys into the running server (copying the WAR again makes Liberty's monitor restart the app).
rss_before=$(rss_mib)
for i in 1 2 3 4 5; do
  before=$(grep -c CWWKZ0003I "$DIR/logs/messages.log" || true)
  sleep 1; cp target/prediction-service.war "$DIR/dropins/prediction-service.war"; touch "$DIR/dropins/prediction-service.war"
  for _ in $(seq 1 600); do
    [ "$(grep -c CWWKZ0003I "$DIR/logs/messages.log" || true)" -gt "$before" ] && break
    sleep 0.2
  done
  wrk -t1 -c4 -d3s -s "$LUA" "$URL/predict" >/dev/null
done
echo "RSS after 5 redeploys (+3 s load each): $(rss_mib) MiB (before: $rss_before MiB)"
