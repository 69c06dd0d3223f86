#!/usr/bin/env bash
# Canary on every replica (issue 15): two real Liberty servers (ports 19391 and 19392) sharing one private PostgreSQL
# (port 55533 unless PG_PRIVATE_PORT says otherwise; its own data directory). Bounded in time (about 2-3 minutes);
# loopback only; everything it starts is stopped on exit. Needs a built server (./mvnw verify or package).
#  1. A 20 % canary set through replica A: B answers the same request ids with the same versions within 5 s
#     (one poll interval, 1 s here, plus loading the candidate), and the share is 20 % +- 6 % of 500 ids.
#  2. Promote through B: both answer every request with the candidate; the split is gone on A.
#  3. A canary set through A and aborted through B: both answer every request with the active version.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PG_PRIVATE_PORT="${PG_PRIVATE_PORT:-55533}"
source .ci/lib/state-harness.sh
trap harness_cleanup EXIT
[ -f target/prediction-service.war ] || fail "build first: ./mvnw -B verify"

A=${CR_PORT_A:-19391} B=${CR_PORT_B:-19392}
log "private PostgreSQL on $PG_PRIVATE_PORT"
pg_private_init
jwt_init
ADMIN=$(mint_token model-admin)
server_create crReplicaA $A $((A + 400))
server_create crReplicaB $B $((B + 400))
server_start crReplicaA
wait_ready $A
server_start crReplicaB
wait_ready $B
log "both replicas ready"

admin() { # METHOD PORT PATH [JSON] -> body; fails on a status >= 300
  local code
  code=$(curl -s -o "$WORK/admin.json" -w '%{http_code}' -X "$1" -H "Authorization: Bearer $ADMIN" \
    ${4:+-H 'Content-Type: application/json' -d "$4"} "http://127.0.0.1:$2$3")
  [ "$code" -lt 300 ] || fail_here "$1 $3 on $2: $code $(cat "$WORK/admin.json")"
  cat "$WORK/admin.json"
}
version_for() { # PORT REQUEST_ID -> the model version that answered
  curl -s -H 'Content-Type: application/json' -H "X-Request-ID: $2" -d '{"age":35,"income":50000,"category":"A"}' \
    "http://127.0.0.1:$1/predict" | sed -n 's/.*"model_version":"\([^"]*\)".*/\1/p'
}
answers() { # PORT PREFIX N -> "id version" lines
  for i in $(seq 1 "$3"); do echo "$2-$i $(version_for "$1" "$2-$i")"; done
}
now_ns() { date +%s%N; }
fail_here() { log "FAIL: $*" >&2; exit 1; }   # fail inside $(...): the message to stderr, not into the value
wait_for() { # PORT REQUEST_ID VERSION T0_NS: prints the ms from T0 until PORT answers REQUEST_ID with VERSION; fails
  local t0=$4   # when that takes over 5 s
  until [ "$(version_for "$1" "$2")" = "$3" ]; do
    [ $(( ($(date +%s%N) - t0) / 1000000 )) -lt $((5000 * CI_TIME_SCALE)) ] \
      || fail_here "$1 did not answer $2 with $3 within $((5 * CI_TIME_SCALE)) s"
    sleep 0.05
  done
  echo $(( ($(date +%s%N) - t0) / 1000000 ))
}
first_for() { # PORT VERSION PREFIX: the first of PREFIX-1..50 that PORT answers with VERSION
  for i in $(seq 1 50); do
    [ "$(version_for "$1" "$3-$i")" = "$2" ] && { echo "$3-$i"; return 0; }
  done
  fail_here "$1 answered none of 50 requests with $2"
}
all_answer() { # VERSION PREFIX: both replicas answer 100 ids with VERSION
  for port in $A $B; do
    others=$(answers "$port" "$2" 100 | awk -v v="$1" '$2 != v' | wc -l)
    [ "$others" -eq 0 ] || fail "replica $port: $others of 100 requests not answered by $1"
  done
}

ORIGINAL=$(admin GET $A /models | sed -n 's/.*"version":"\([^"]*\)"[^}]*"active":true.*/\1/p')
NEXT="m-canary-$(date +%s)"
make_bundle "$NEXT" "$WORK/next.bundle"
code=$(curl -s -o "$WORK/upload.json" -w '%{http_code}' -H "Authorization: Bearer $ADMIN" \
  -H 'Content-Type: application/octet-stream' --data-binary @"$WORK/next.bundle" http://127.0.0.1:$A/models)
[ "$code" = 201 ] || fail "upload: $code $(cat "$WORK/upload.json")"

log "1. a 20 % canary of $NEXT set through A"
t0=$(now_ns)
admin PUT $A /models/canary "{\"version\":\"$NEXT\",\"weight\":0.2}" >/dev/null
probe=$(first_for $A "$NEXT" split)
log "B answers $probe with the candidate $(wait_for $B "$probe" "$NEXT" "$t0") ms after the canary was set through A"
answers $A split 500 >"$WORK/splitA.txt"
answers $B split 500 >"$WORK/splitB.txt"
share=$(awk -v v="$NEXT" '$2 == v {n++} END {print n + 0}' "$WORK/splitA.txt")
log "candidate answered $share of 500 requests on A"
[ "$share" -ge 70 ] && [ "$share" -le 130 ] || fail "share $share of 500 is not 20 % +- 6 %"
diff -q "$WORK/splitA.txt" "$WORK/splitB.txt" >/dev/null || fail "A and B split the same ids differently: $(diff \
  "$WORK/splitA.txt" "$WORK/splitB.txt" | head -4 | tr '\n' ' ')"
log "B answers all 500 request ids with the same version as A"

log "2. promote through B"
stayed=$(awk -v v="$ORIGINAL" '$2 == v {print $1; exit}' "$WORK/splitA.txt")
t0=$(now_ns)
admin POST $B /models/canary/promote >/dev/null
log "A answers $stayed with $NEXT $(wait_for $A "$stayed" "$NEXT" "$t0") ms after the promote through B"
all_answer "$NEXT" promoted
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $ADMIN" http://127.0.0.1:$A/models/canary)" \
  = 404 ] || fail "A still shows a canary after the promote"
log "both replicas answer every request with $NEXT"

log "3. a 50 % canary of $ORIGINAL set through A, aborted through B"
t0=$(now_ns)
admin PUT $A /models/canary "{\"version\":\"$ORIGINAL\",\"weight\":0.5}" >/dev/null
probe=$(first_for $A "$ORIGINAL" abort)
log "B answers $probe with $ORIGINAL $(wait_for $B "$probe" "$ORIGINAL" "$t0") ms after the canary was set through A"
t0=$(now_ns)
admin DELETE $B /models/canary >/dev/null
log "A answers $probe with $NEXT $(wait_for $A "$probe" "$NEXT" "$t0") ms after the abort through B"
all_answer "$NEXT" aborted
log "both replicas answer every request with the active version $NEXT"
log "PASS"
