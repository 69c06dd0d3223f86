#!/usr/bin/env bash
# Issues 6 and 13: the alert rules pass `promtool check rules` and their unit tests (each alert fires, and stays quiet
# on healthy series), the PrometheusRule is the plain rule file and validates against the operator's CRD schema, every
# metric name the Grafana dashboard and the rules use is exported by a live server, and the server's certificate
# expiry metric is the keystore's own. Starts a private server on 127.0.0.1:19480 (HTTP) / 19843, stops it at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."

promtool check rules kubernetes/monitoring/prometheus-rules.yaml
promtool test rules kubernetes/monitoring/prometheus-rules.test.yaml kubernetes/monitoring/prometheus-rules.long.test.yaml
node .ci/tools/prometheus-rule.mjs --check
node -e 'JSON.parse(require("fs").readFileSync("kubernetes/monitoring/grafana-dashboard.json","utf8"))'
node --test .ci/tools/test/promql.test.mjs .ci/tools/test/monitoring.test.mjs

source .ci/tools/liberty-server.sh
export HTTP_PORT=${MN_HTTP_PORT:-19480} HTTPS_PORT=${MN_HTTPS_PORT:-19843}
export KEYSTORE_PASSWORD="ci-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
# The keystore as production passes it (KEYSTORE_LOCATION, a PKCS12 made outside the server, here valid 10 days): the
# metric must report this file's certificate, read through the same settings server.xml uses.
export KEYSTORE_LOCATION=$server_work/keystore.p12
keytool -genkeypair -keystore "$KEYSTORE_LOCATION" -storetype PKCS12 -storepass "$KEYSTORE_PASSWORD" -alias server \
  -keyalg EC -groupname secp256r1 -dname CN=localhost -validity 10 2>/dev/null
not_after=$(keytool -list -v -keystore "$KEYSTORE_LOCATION" -storepass "$KEYSTORE_PASSWORD" | sed -n 's/.*until: //p' | head -1)
start_server
base=http://127.0.0.1:$HTTP_PORT
wait_ready "$base/health/ready"
# The application's metrics exist once used: one prediction, one batch, one rejected request.
curl -fsS -m 10 "$base/predict" -H 'Content-Type: application/json' -d '{"age":35,"income":50000,"category":"A"}' >/dev/null
curl -fsS -m 10 "$base/predict/batch" -H 'Content-Type: application/json' \
  -d '{"instances":[{"age":35,"income":50000,"category":"A"},{"age":50,"income":1000,"category":"A"}]}' >/dev/null || true
curl -s -m 10 -o /dev/null "$base/predict" -H 'Content-Type: application/json' -d '{"age":-1}'
curl -fsS -m 10 "$base/metrics" >"$server_work/metrics.txt"
echo "live /metrics: $(grep -vc '^#' "$server_work/metrics.txt") samples"
node .ci/tools/check-metric-names.mjs "$server_work/metrics.txt"
# The alerts select the API by route and status labels: they must match what Liberty writes.
routes=$(grep -o 'http_route="[^"]*"' "$server_work/metrics.txt" | sort -u | tr '\n' ' ')
echo "http_route values: $routes"
grep -q 'http_server_request_duration_seconds_count{.*http_response_status_code="200",http_route="/predict"' \
  "$server_work/metrics.txt" || { echo 'FAIL: no http_route="/predict" request series' >&2; exit 1; }
# The latency SLO reads the 200 ms bucket by its exact le value.
grep -q 'http_server_request_duration_seconds_bucket{.*http_route="/predict".*le="0.2"' "$server_work/metrics.txt" \
  || { echo 'FAIL: no le="0.2" bucket for the latency SLO' >&2; exit 1; }
grep -q '^database_up{.*} 1.0$' "$server_work/metrics.txt" || { echo 'FAIL: database_up is not 1' >&2; exit 1; }
exported=$(sed -n 's/^tls_certificate_not_after_seconds{.*} //p' "$server_work/metrics.txt")
expected=$(date -d "$not_after" +%s)
echo "tls_certificate_not_after_seconds $exported, keystore's certificate until $not_after ($expected)"
node -e 'process.exit(Number(process.argv[1]) === Number(process.argv[2]) ? 0 : 1)' "$exported" "$expected" \
  || { echo 'FAIL: the certificate expiry metric is not the keystore certificate'"'"'s notAfter' >&2; exit 1; }
