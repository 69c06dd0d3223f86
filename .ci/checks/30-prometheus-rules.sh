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
echo "static checks: ${SECONDS}s"

source .ci/tools/liberty-server.sh
export HTTP_PORT=${MN_HTTP_PORT:-19480} HTTPS_PORT=${MN_HTTPS_PORT:-19843}
export KEYSTORE_PASSWORD="ci-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
# TLS as production has it (overlays/production/certificate.yaml): a CA, a server certificate for the Certificate's
# DNS names (valid 10 days), and a PKCS12 keystore with both at KEYSTORE_LOCATION. The server must present it, a real
# Prometheus must scrape it over HTTPS as the PodMonitor says (its CA, its serverName), and the expiry metric must be
# the server certificate's notAfter.
tls=$server_work/tls
mkdir -p "$tls"
{ read -r server_name; read -r sans; } < <(node .ci/tools/scrape-tls.mjs)
echo "PodMonitor serverName $server_name; certificate names $sans"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 30 -subj /CN=ci-internal-ca \
  -keyout "$tls/ca.key" -out "$tls/ca.crt" 2>/dev/null
openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj /CN=prediction-service \
  -keyout "$tls/server.key" -out "$tls/server.csr" 2>/dev/null
openssl x509 -req -in "$tls/server.csr" -CA "$tls/ca.crt" -CAkey "$tls/ca.key" -CAcreateserial -days 10 \
  -extfile <(echo "subjectAltName=$sans") -out "$tls/server.crt" 2>/dev/null
export KEYSTORE_LOCATION=$tls/keystore.p12
openssl pkcs12 -export -name server -in "$tls/server.crt" -inkey "$tls/server.key" -certfile "$tls/ca.crt" \
  -out "$KEYSTORE_LOCATION" -passout env:KEYSTORE_PASSWORD
start_server
base=http://127.0.0.1:$HTTP_PORT
wait_ready "$base/health/ready"
echo "server ready: ${SECONDS}s"
# The application's metrics exist once used: one prediction, one batch, one rejected request.
curl -fsS -m 10 "$base/predict" -H 'Content-Type: application/json' -d '{"age":35,"income":50000,"category":"A"}' >/dev/null
curl -fsS -m 10 "$base/predict/batch" -H 'Content-Type: application/json' \
  -d '{"instances":[{"age":35,"income":50000,"category":"A"},{"age":50,"income":1000,"category":"A"}]}' >/dev/null || true
curl -s -m 10 -o /dev/null "$base/predict" -H 'Content-Type: application/json' -d '{"age":-1}'
# The other scoring routes the SLOs count (the versioned path and V2 infer), and a non-scoring one they must not.
curl -fsS -m 10 "$base/api/v1/predictions" -H 'Content-Type: application/json' \
  -d '{"age":35,"income":50000,"category":"A"}' >/dev/null
curl -fsS -m 10 "$base/v2/models/prediction-model/infer" -H 'Content-Type: application/json' -d '{"inputs":[
  {"name":"age","datatype":"INT64","shape":[1],"data":[35]},{"name":"income","datatype":"FP64","shape":[1],"data":[5e4]},
  {"name":"category","datatype":"BYTES","shape":[1],"data":["A"]}]}' >/dev/null
curl -fsS -m 10 -o /dev/null "$base/v2/health/ready"
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
not_after=$(openssl x509 -enddate -noout -in "$tls/server.crt" | cut -d= -f2)
expected=$(date -d "$not_after" +%s)
echo "tls_certificate_not_after_seconds $exported, server certificate until $not_after ($expected)"
node -e 'process.exit(Number(process.argv[1]) === Number(process.argv[2]) ? 0 : 1)' "$exported" "$expected" \
  || { echo 'FAIL: the certificate expiry metric is not the keystore certificate'"'"'s notAfter' >&2; exit 1; }

# A real Prometheus with the rule file scrapes the server over HTTPS, verifying it with the CA and the PodMonitor's
# serverName: the target is up, every rule evaluates without error, the SLO series exist, and the 10-day certificate
# puts PredictionServiceCertificateExpiring in pending state (its `for` is 10 minutes).
echo "live /metrics checks: ${SECONDS}s"
prom_port=${MN_PROMETHEUS_PORT:-19482}
cat >"$server_work/prometheus.yml" <<YAML
global: {scrape_interval: 2s, evaluation_interval: 2s}
rule_files: [$PWD/kubernetes/monitoring/prometheus-rules.yaml]
scrape_configs:
  - job_name: prediction-service
    scheme: https
    tls_config: {ca_file: $tls/ca.crt, server_name: $server_name}
    static_configs: [{targets: ["127.0.0.1:$HTTPS_PORT"]}]
YAML
prometheus --config.file="$server_work/prometheus.yml" --storage.tsdb.path="$server_work/prometheus-data" \
  --web.listen-address="127.0.0.1:$prom_port" >"$server_work/prometheus.log" 2>&1 &
prom_pid=$!
trap 'kill "$prom_pid" 2>/dev/null || true; stop_server; rm -rf "$server_work"' EXIT
query() { curl -fsS -m 5 "http://127.0.0.1:$prom_port/api/v1/query" --data-urlencode "query=$1"; }
# Traffic until the SLI ratios are numbers (0/0 is NaN until two scrapes have seen the counters move).
for _ in $(seq $((90 * CI_TIME_SCALE))); do
  curl -fsS -m 10 "$base/predict" -H 'Content-Type: application/json' -d '{"age":35,"income":50000,"category":"A"}' \
    >/dev/null
  if query 'ALERTS{alertname="PredictionServiceCertificateExpiring"}' 2>/dev/null | grep -q pending \
    && query 'prediction_service:sli_slow:ratio_rate5m >= 0 and prediction_service:sli_errors:ratio_rate5m >= 0' \
      | grep -q '"value"'; then
    break
  fi
  sleep 1
done
node .ci/tools/check-prometheus.mjs "http://127.0.0.1:$prom_port" || { tail -20 "$server_work/prometheus.log" >&2; exit 1; }
echo "Prometheus scrape and rules: ${SECONDS}s"
