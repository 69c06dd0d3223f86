#!/usr/bin/env bash
# Shows that a broken MODEL_PATH (or an invalid setting) stops the application from starting, with a message naming
# the file (or the key), that the server then never reports started or ready, and that no thread of the application
# outlives its failed start. Runs a copy of the server built by `./mvnw package` (.ci/tools/liberty-server.sh) on
# loopback port 19580: with a missing file, with a corrupt one and with an invalid setting, stopping it each time.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=19580
# The threads the application starts (src/main/java: DaemonScheduler.named, new Thread).
APPLICATION_THREADS='prediction-log|drift-sweep|database-probe|model-registry|shadow-scoring|graceful-shutdow'
source .ci/tools/liberty-server.sh

run_case() {
  local setting=$1 expected=$2
  stop_server
  prepare_server
  export "${setting?}"
  HTTP_PORT=$PORT HTTPS_PORT=$((PORT + 1)) run_server
  unset "${setting%%=*}"
  local log=$server_dir/logs/messages.log
  # Until the application started (CWWKZ0001I), or failed (CWWKZ0002E, CWWKZ0012I "not started"), or the server
  # reports ready (CWWKF0011I), which Liberty logs only after the application's start attempt has ended.
  for _ in $(seq 1 $((120 * CI_TIME_SCALE))); do
    grep -q "CWWKZ0002E\|CWWKZ0001I\|CWWKZ0012I\|CWWKF0011I" "$log" 2>/dev/null && break
    sleep 1
  done
  if grep -q "CWWKZ0001I" "$log"; then
    echo "FAIL: the application started with $setting"; exit 1
  fi
  grep -q "$expected" "$log" || { echo "FAIL: no message '$expected' in $log"; tail -20 "$log"; exit 1; }
  local started=000 ready
  # The application's failure can be logged before Liberty opens its HTTP port: wait for an answer (curl's 000 and
  # exit code 7 mean nothing listens yet), at most 60 s (times CI_TIME_SCALE, as every wait of liberty-server.sh).
  for _ in $(seq 1 $((60 * CI_TIME_SCALE))); do
    started=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/health/started" || true)
    [ "$started" != 000 ] && break
    sleep 1
  done
  ready=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/health/ready" || true)
  [ "$started" = 503 ] && [ "$ready" = 503 ] || { echo "FAIL: started=$started ready=$ready, want 503"; exit 1; }
  # Nothing of the failed application may keep running: Liberty calls no @PreDestroy after a failed start, so a thread
  # started before the failure would outlive it (StartOrder.java). Linux names a Java thread after it, cut to 15
  # characters, which needs no JDK tool (and works under an emulator, too).
  local leftover
  leftover=$(cat /proc/"$server_pid"/task/*/comm 2>/dev/null \
    | grep -E "^($APPLICATION_THREADS)" | sort | uniq -c | tr -s ' \n' ' ' || true)
  [ -z "$leftover" ] || { echo "FAIL: threads of the failed application still run:$leftover"; exit 1; }
  echo "OK: $setting -> application not started, /health/started=$started, /health/ready=$ready, no thread of it left"
  echo "    $(grep -m1 -o "$expected.*" "$log" | cut -c1-160)"
  stop_server
}

run_case MODEL_PATH=/nonexistent/model.bundle "Model bundle '/nonexistent/model.bundle' does not exist"
corrupt=$(mktemp --suffix=.bundle)
echo "not a model" > "$corrupt"
run_case "MODEL_PATH=$corrupt" "Model bundle '$corrupt' is not a model bundle"
rm -f "$corrupt"
run_case PREDICT_BATCH_MAX_SIZE=0 "Invalid configuration: predict.batch.max-size=0"
