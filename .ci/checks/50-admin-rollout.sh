#!/usr/bin/env bash
# Issue 13: the model rollout an operator does in production, on a Liberty started with the environment and the mounted
# Secret files the production overlay gives the pod (.ci/tools/pod-env.mjs reads them from `kubectl kustomize`), the
# database aside (the embedded one: no PostgreSQL named "postgresql" here). Keys, keystore and passwords are made now.
#  1. scripts/admin-jwt-secret.sh makes the key pair; scripts/AdminToken.java mints the token from the overlay's issuer
#     and audience; upload -> activate -> rollback -> delete over HTTPS, each checked on /predict.
#     Before the activation, the model repository (issue 14): load it beside the active one, /predict?version=, its
#     statistics, unload (the active version's unload refused).
#  2. Refused with 401: no token, an expired one (beyond the 60 s skew), another audience, another key; 403: another group.
#  3. Logs: every admin call has its audit line (subject, request id) in messages.log; a failing request's id is on its
#     WARNING line in the JSON console log (ext_requestId) and in the plain messages.log.
# Starts one private server on 127.0.0.1:19343 (AR_HTTPS_PORT) and always stops it. About 1-2 minutes.
set -euo pipefail
cd "$(dirname "$0")/../.."
source .ci/tools/liberty-server.sh
fail() { echo "FAIL: $*" >&2; echo "--- last lines of messages.log ---" >&2; tail -30 "$server_dir/logs/messages.log" >&2 || true; exit 1; }

work=$server_work/check
secrets=$work/secrets
mkdir -p "$secrets/prediction-service-secrets" "$secrets/prediction-service-pod-tls" "$secrets/prediction-service-admin-jwt"
# The Secrets an operator creates: passwords, cert-manager's keystore (a self-signed stand-in), the admin key.
od -An -N12 -tx1 /dev/urandom | tr -d ' \n' >"$secrets/prediction-service-secrets/keystore-password"
echo unused-with-h2 >"$secrets/prediction-service-secrets/db-password"
keytool -genkeypair -alias default -keyalg EC -groupname secp256r1 -validity 2 -dname CN=prediction-service \
  -ext SAN=ip:127.0.0.1 -storetype PKCS12 -keystore "$secrets/prediction-service-pod-tls/keystore.p12" \
  -storepass "$(cat "$secrets/prediction-service-secrets/keystore-password")" 2>/dev/null
keytool -exportcert -rfc -alias default -keystore "$secrets/prediction-service-pod-tls/keystore.p12" \
  -storepass "$(cat "$secrets/prediction-service-secrets/keystore-password")" >"$work/ca.pem" 2>/dev/null
scripts/admin-jwt-secret.sh "$work/keys" >"$work/admin-jwt-secret.yaml" 2>/dev/null
grep -q '^  name: prediction-service-admin-jwt$' "$work/admin-jwt-secret.yaml" || fail "admin-jwt-secret.sh printed no Secret"
cp "$work/keys/admin-jwt-public.pem" "$secrets/prediction-service-admin-jwt/public.pem"

pod_secret() { cat "$secrets/$1/$2"; }
pod_file() { mkdir -p "$(dirname "$3")" && cp "$secrets/$1/$2" "$3"; }
node .ci/tools/pod-env.mjs "$work/pod" >"$work/pod-env.sh"
source "$work/pod-env.sh"
[ "$HTTP_PORT" = -1 ] && [ -f "$MP_JWT_VERIFY_PUBLICKEY_LOCATION" ] && [ -f "$KEYSTORE_LOCATION" ] \
  || fail "the overlay's pod wiring changed: $(cat "$work/pod-env.sh")"
export DB_KIND=h2 HTTPS_PORT=${AR_HTTPS_PORT:-19343}
base=https://127.0.0.1:$HTTPS_PORT
start_server
wait_ready "$base/health/ready"

mint() { java scripts/AdminToken.java mint --key "$work/keys/admin-jwt-private.pem" --subject ci-operator \
  --issuer "$MP_JWT_VERIFY_ISSUER" --audience "$MP_JWT_VERIFY_AUDIENCES" "$@"; }
TOKEN=$(mint --ttl 5m)
# call ID TOKEN METHOD PATH [curl args]: prints "<status> <body>"; ID is sent as X-Request-ID.
call() {
  local id=$1 token=$2 method=$3 path=$4; shift 4
  curl -sS -m 60 --cacert "$work/ca.pem" -X "$method" -H "X-Request-ID: $id" ${token:+-H "Authorization: Bearer $token"} \
    -w ' %{http_code}' "$@" "$base$path" | awk '{status=$NF; $NF=""; print status, $0}'
}
expect() { # expect STATUS "<status> <body>" WHAT
  [ "${2%% *}" = "$1" ] || fail "$3: expected $1, got ${2}"
  echo "ok: $3 -> $1"
}
served() { call "ci-predict-$RANDOM" "" POST /predict -H 'Content-Type: application/json' \
  -d '{"age":35,"income":50000,"category":"A"}' | sed -n 's/.*"model_version":"\([^"]*\)".*/\1/p'; }

run=$(date +%s)
list=$(call "ci-list-$run" "$TOKEN" GET /models)
expect 200 "$list" "list the versions with the tool's token"
original=$(sed -n 's/.*"version":"\([^"]*\)"[^}]*"active":true.*/\1/p' <<<"$list")
[ -n "$original" ] && [ "$(served)" = "$original" ] || fail "no active version in: $list"
next="m-ci-rollout-$run"
mkdir -p "$work/bundle" && (cd "$work/bundle" && jar xf "$root/target/classes/model/default.bundle" metadata.json \
  && sed -i "0,/\"version\" *: *\"[^\"]*\"/s//\"version\" : \"$next\"/" metadata.json \
  && cp "$root/target/classes/model/default.bundle" next.bundle && jar uf next.bundle metadata.json)

expect 201 "$(call "ci-upload-$run" "$TOKEN" POST /models -H 'Content-Type: application/octet-stream' \
  --data-binary @"$work/bundle/next.bundle")" "upload $next"
[ "$(served)" = "$original" ] || fail "uploading activated $next"
# Issue 14: the model repository on the same wiring: load the candidate beside the active version, try it with
# /predict?version=, read its statistics, then unload it; the active version cannot be unloaded.
model=${INFERENCE_MODEL_NAME:-prediction-model}
repository() { call "ci-$1-$run" "$TOKEN" POST "/v2/repository/models/$model/$1" -H 'Content-Type: application/json' \
  -d "{\"parameters\":{\"version\":\"$2\"}}"; }
expect 200 "$(repository load "$next")" "load $next beside $original (model repository)"
tried=$(call "ci-try-$run" "" POST "/predict?version=$next" -H 'Content-Type: application/json' \
  -d '{"age":35,"income":50000,"category":"A"}')
expect 200 "$tried" "/predict?version=$next"
grep -q "\"model_version\":\"$next\"" <<<"$tried" || fail "/predict?version=$next answered with another version: $tried"
[ "$(served)" = "$original" ] || fail "loading $next changed the active version"
stats=$(call "ci-stats-$run" "" GET "/v2/models/$model/versions/$next/stats")
expect 200 "$stats" "statistics of $next"
grep -q '"inference_count":1,"execution_count":1' <<<"$stats" || fail "the statistics of $next do not count its one request: $stats"
index=$(call "ci-index-$run" "$TOKEN" POST /v2/repository/index)
expect 200 "$index" "repository index"
grep -q "\"version\":\"$next\",\"state\":\"READY\"" <<<"$index" || fail "$next is not READY in the index: $index"
expect 409 "$(repository unload "$original")" "unload the active version (refused)"
expect 200 "$(repository unload "$next")" "unload $next"
grep -q "\"version\":\"$next\",\"state\":\"UNAVAILABLE\"" <<<"$(call "ci-index2-$run" "$TOKEN" POST /v2/repository/index)" \
  || fail "$next is still loaded after its unload"
expect 200 "$(call "ci-activate-$run" "$TOKEN" POST "/models/$next/activate")" "activate $next"
[ "$(served)" = "$next" ] || fail "/predict does not serve $next after its activation"
expect 200 "$(call "ci-rollback-$run" "$TOKEN" POST "/models/$original/activate")" "roll back to $original"
[ "$(served)" = "$original" ] || fail "/predict does not serve $original after the rollback"
# HTTP/1.1 as README says: over HTTP/2 Liberty never ends the stream of this 204 (README, "Model admin API").
expect 204 "$(call "ci-delete-$run" "$TOKEN" DELETE "/models/$next" --http1.1)" "delete $next"

now=$(date +%s)
mkdir -p "$work/other" && java scripts/AdminToken.java keygen --out "$work/other" 2>/dev/null
expect 401 "$(call "ci-none-$run" "" GET /models)" "no token"
expect 401 "$(call "ci-expired-$run" "$(mint --issued-at $((now - 700)) --ttl 10m)" GET /models)" \
  "a token expired 100 s ago (skew 60 s)"
expect 401 "$(call "ci-aud-$run" "$(java scripts/AdminToken.java mint --key "$work/keys/admin-jwt-private.pem" \
  --subject ci-operator --issuer "$MP_JWT_VERIFY_ISSUER" --audience another-service)" GET /models)" "another audience"
expect 401 "$(call "ci-key-$run" "$(java scripts/AdminToken.java mint --key "$work/other/admin-jwt-private.pem" \
  --subject ci-operator --issuer "$MP_JWT_VERIFY_ISSUER" --audience "$MP_JWT_VERIFY_AUDIENCES")" GET /models)" \
  "a token signed with another key"
expect 403 "$(call "ci-group-$run" "$(mint --group data-scientist)" GET /models)" "another group"
failing="ci-failing-$run"
expect 422 "$(call "$failing" "$TOKEN" POST /models -H 'Content-Type: application/octet-stream' \
  --data-binary 'not a bundle')" "a corrupt upload"

messages=$server_dir/logs/messages.log console=$server_work/console.log
sleep "$CI_TIME_SCALE"   # the log writers are asynchronous
for step in "POST /models status=201 requestId=ci-upload-$run" \
  "POST /v2/repository/models/$model/load status=200 requestId=ci-load-$run" \
  "POST /v2/repository/models/$model/unload status=409 requestId=ci-unload-$run" "POST /models/$next/activate status=200 requestId=ci-activate-$run" \
  "POST /models/$original/activate status=200 requestId=ci-rollback-$run" "DELETE /models/$next status=204 requestId=ci-delete-$run" \
  "GET /models status=403 requestId=ci-group-$run"; do
  grep -q "Admin audit: subject=ci-operator action=$step" "$messages" || fail "no audit line '$step' in messages.log"
done
echo "ok: an audit line with subject and request id for each admin call"
grep -E " W Admin audit: .*status=422 requestId=$failing\$" "$messages" >/dev/null \
  || fail "the failing request's id is not on its WARNING line in messages.log"
grep -q "\\[request ci-upload-$run\\] Model version $next registered" "$messages" \
  || fail "the application's line of the upload does not carry its request id in messages.log"
grep "\"ext_requestId\":\"$failing\"" "$console" | grep -q '"loglevel":"WARNING"' \
  || fail "the failing request's id is not the ext_requestId of its WARNING line in the JSON console log:
$(grep -- "$failing" "$console")"
echo "ok: the failing request's id is on its WARNING line, in the plain messages.log and the JSON console log"
echo "admin rollout: all checks passed"
