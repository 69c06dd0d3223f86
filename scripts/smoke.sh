#!/usr/bin/env bash
# Post-deploy smoke test of one prediction-service endpoint (a pod, a Service, a load balancer, a container):
# the three probes, one prediction per endpoint (/predict, /predict/batch, the Open Inference Protocol's infer),
# /metrics with the application's series, and the model version every answer names.
#
#   scripts/smoke.sh URL [--expect-version VERSION] [--cacert FILE | --insecure] [--model-name NAME]
#
#   URL               e.g. http://127.0.0.1:9080 or https://predictions.example.com
#   --expect-version  fail unless every answer (and /health/ready) names this model version; without it, the answers
#                     must agree with each other
#   --cacert FILE     trust this CA (PEM) for HTTPS; --insecure skips verification (self-signed local keystores)
#   --model-name      the model's name under /v2/models (INFERENCE_MODEL_NAME; default prediction-model)
#
# Prints one line per check and `smoke: OK <version>` at the end; exits 1 at the first failure, naming it. Needs
# bash and curl only. Used by .ci/checks/50-container.sh, .ci/checks/60-fleet.sh and docs/DEPLOYMENT.md's rollout
# criteria.
set -euo pipefail

usage() { sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
[ $# -ge 1 ] || usage
base=${1%/}; shift
expect= model=prediction-model curl_tls=()
while [ $# -gt 0 ]; do
  case $1 in
    --expect-version) expect=$2; shift 2 ;;
    --cacert) curl_tls=(--cacert "$2"); shift 2 ;;
    --insecure) curl_tls=(-k); shift ;;
    --model-name) model=$2; shift 2 ;;
    *) usage ;;
  esac
done

fail() { echo "smoke: FAIL $*" >&2; exit 1; }
# req METHOD PATH [BODY] -> sets code and body
req() {
  local out
  out=$(curl -sS -m 10 "${curl_tls[@]}" -X "$1" -H 'Content-Type: application/json' -H "X-Request-ID: smoke-$RANDOM$RANDOM" \
    ${3:+-d "$3"} -w '\n%{http_code}' "$base$2") || fail "$1 $2: no answer (curl exit $?)"
  code=${out##*$'\n'}
  body=${out%$'\n'*}
}
expect_200() { [ "$code" = 200 ] || fail "$1: HTTP $code: ${body:0:300}"; }
version_of() { sed -n 's/.*"model_version":"\([^"]*\)".*/\1/p' <<<"$body"; }
seen=
check_version() { # NAME VERSION
  [ -n "$2" ] || fail "$1: no model_version in ${body:0:300}"
  if [ -n "$expect" ] && [ "$2" != "$expect" ]; then fail "$1: model version $2, expected $expect"; fi
  if [ -n "$seen" ] && [ "$2" != "$seen" ]; then fail "$1: model version $2, but an earlier answer named $seen"; fi
  seen=$2
}

for probe in started live ready; do
  req GET "/health/$probe"
  expect_200 "/health/$probe"
  echo "ok   GET /health/$probe 200"
done
ready_version=$(sed -n 's/.*"version":"\([^"]*\)".*/\1/p' <<<"$body")
check_version /health/ready "$ready_version"

req POST /predict '{"age":35,"income":50000,"category":"A"}'
expect_200 "POST /predict"
grep -q '"prediction":[0-9.eE-]*' <<<"$body" || fail "POST /predict: no prediction in $body"
check_version "POST /predict" "$(version_of)"
echo "ok   POST /predict 200 $body"

req POST /predict/batch '{"instances":[{"age":35,"income":50000,"category":"A"},{"age":62,"income":120000,"category":"C"}]}'
expect_200 "POST /predict/batch"
grep -q '"predictions":\[[0-9.eE-]*,[0-9.eE-]*\]' <<<"$body" || fail "POST /predict/batch: not two predictions in $body"
check_version "POST /predict/batch" "$(version_of)"
echo "ok   POST /predict/batch 200 $body"

req POST "/v2/models/$model/infer" '{"inputs":[{"name":"age","shape":[1],"datatype":"INT64","data":[35]},
  {"name":"income","shape":[1],"datatype":"FP64","data":[50000]},{"name":"category","shape":[1],"datatype":"BYTES","data":["A"]}]}'
expect_200 "POST /v2/models/$model/infer"
grep -q '"name":"prediction"' <<<"$body" || fail "infer: no prediction output in $body"
check_version "POST /v2/models/$model/infer" "$(version_of)"
echo "ok   POST /v2/models/$model/infer 200 $body"

req GET /v2/health/ready
expect_200 "/v2/health/ready"
echo "ok   GET /v2/health/ready 200"

req GET /metrics
expect_200 "/metrics"
for series in predictions_total inference_seconds_count http_server_request_duration_seconds_count; do
  grep -q "^$series{" <<<"$body" || fail "/metrics: no $series series"
done
grep -q "^model_active{.*version=\"$seen\"" <<<"$body" || fail "/metrics: model_active does not name $seen"
echo "ok   GET /metrics: predictions_total, inference_seconds, http_server_request_duration_seconds, model_active{version=\"$seen\"}"
echo "smoke: OK $seen"
