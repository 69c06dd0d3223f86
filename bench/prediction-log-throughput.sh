#!/usr/bin/env bash
# Prediction log throughput into PostgreSQL, on one Liberty server (port 9380) and a private PostgreSQL (port
# 55434). Loopback only, bounded (about 2 minutes), stops everything it starts. Needs a built server.
#  Phase 1, through the service: CLIENTS parallel loops of POST /predict/batch (BATCH instances each) for SECONDS;
#    reports rows/s written and the flush lag (how long after a row was accepted it was in the database: for
#    each sample, the time until prediction_log_written_total caught up with that sample's accepted count).
#  Phase 2, the writer alone: rows spooled during a database outage are replayed when it is back; the replay
#    rate is the writer's sustained rows/s into PostgreSQL (JDBC batches of prediction-log.batch.size).
set -euo pipefail
cd "$(dirname "$0")/.."
PG_PRIVATE_PORT=55434
source .ci/lib/state-harness.sh
trap harness_cleanup EXIT
CLIENTS=${CLIENTS:-4} BATCH=${BATCH:-200} SECONDS_LOAD=${SECONDS_LOAD:-30}
P=9380

pg_private_init
jwt_init
server_create it3Bench $P 9743
server_start it3Bench
wait_ready $P

body="{\"instances\":[$(for i in $(seq 1 "$BATCH"); do printf '{"age":%d,"income":%d,"category":"B"},' $((i % 90)) $((i * 100)); done | sed 's/,$//')]}"
echo "$body" >"$WORK/batch.json"
load() { # until the stop file exists
  while [ ! -e "$WORK/stop-load" ]; do
    curl -s -o /dev/null -H 'Content-Type: application/json' --data-binary @"$WORK/batch.json" \
      "http://127.0.0.1:$P/predict/batch" || true
  done
}
sample() { # time_ms accepted written queue
  printf '%s %s %s %s\n' "$(($(date +%s%N) / 1000000))" "$(metric $P prediction_log_accepted_total)" \
    "$(metric $P prediction_log_written_total)" "$(metric $P prediction_log_queue_depth)"
}

log "phase 1: $CLIENTS clients x $BATCH instances per request for ${SECONDS_LOAD}s"
for _ in $(seq 1 "$CLIENTS"); do load & done
: >"$WORK/samples"
end=$((SECONDS + SECONDS_LOAD))
while [ $SECONDS -lt $end ]; do sample >>"$WORK/samples"; sleep 0.5; done
touch "$WORK/stop-load"
load_end_ms=$(($(date +%s%N) / 1000000))
wait
for _ in $(seq 1 120); do
  sample >>"$WORK/samples"
  s=$(tail -1 "$WORK/samples")
  [ "$(awk '{print $2 == $3 + 0}' <<<"$s")" = 1 ] && break
  sleep 0.25
done
awk -v end="$load_end_ms" '
  { t[NR] = $1; a[NR] = $2; w[NR] = $3; q[NR] = $4 }
  END {
    for (i = 1; i <= NR; i++) if (t[i] <= end) last = i
    rate = (w[last] - w[1]) / ((t[last] - t[1]) / 1000)
    for (i = 1; i <= last; i++) {
      for (j = i; j <= NR && w[j] < a[i]; j++) {}
      if (j <= NR) { lag = t[j] - t[i]; sum += lag; n++; if (lag > max) max = lag }
      if (q[i] > qmax) qmax = q[i]
    }
    printf "phase 1: %d rows accepted, written %.0f rows/s during the load; flush lag mean %.0f ms, max %.0f ms (0.5 s sampling); queue depth max %d; all written %d ms after the load ended\n", \
      a[NR], rate, sum / n, max, qmax, t[NR] - end
  }' "$WORK/samples" | tee "$WORK/result1"

log "phase 2: spool during an outage, then time the replay"
pg_private stop -m fast
rm -f "$WORK/stop-load"
for _ in $(seq 1 "$CLIENTS"); do load & done
sleep 20
touch "$WORK/stop-load"
wait
spooled=$(metric $P prediction_log_spooled_total)
replayed0=$(metric $P prediction_log_replayed_total)
pg_private start
t0=$(date +%s%N)
first=""
while [ "$(metric $P prediction_log_spool_bytes)" -gt 0 ] || [ "$(metric $P prediction_log_replayed_total)" -lt "$spooled" ]; do
  r=$(metric $P prediction_log_replayed_total)
  [ -z "$first" ] && [ "$r" -gt "$replayed0" ] && first=$(date +%s%N) && firstr=$r
  [ $(( ($(date +%s%N) - t0) / 1000000000 )) -lt 120 ] || fail "replay did not finish in 120 s"
  sleep 0.1
done
t1=$(date +%s%N)
replayed=$(( $(metric $P prediction_log_replayed_total) - ${firstr:-$replayed0} ))
ms=$(( (t1 - ${first:-$t0}) / 1000000 ))
rows=$(sql "SELECT COUNT(*) FROM prediction_log")
printf 'phase 2: %d rows spooled, replayed at %.0f rows/s (%d rows in %d ms after the first chunk); %d rows in the table\n' \
  "$spooled" "$(awk -v r="$replayed" -v ms="$ms" 'BEGIN {print (ms > 0 ? r * 1000 / ms : 0)}')" "$replayed" "$ms" "$rows" | tee "$WORK/result2"
