#!/usr/bin/env bash
# Issue 13: a renewed keystore is served without a restart. Starts a private server on 127.0.0.1:19853 (KR_HTTPS_PORT)
# with a keystore made here (CN=first-certificate), replaces the file the way a Secret update does (a new file moved
# over the old one, same password, CN=renewed-certificate), and waits until new TLS handshakes present the renewed
# certificate; /predict must answer over HTTPS before and after, and the server must be the same process throughout.
# Needs the build of `./mvnw verify`; stops its server on exit (.ci/tools/liberty-server.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
source .ci/tools/liberty-server.sh

export HTTP_PORT=-1
export HTTPS_PORT=${KR_HTTPS_PORT:-19853}
export KEYSTORE_PASSWORD="ci-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"   # never a fixed secret
tls=$(mktemp -d)
trap 'stop_server; rm -rf "$server_work" "$tls"' EXIT
export KEYSTORE_LOCATION=$tls/keystore.p12

make_keystore() { # FILE CN
  keytool -genkeypair -keystore "$1" -storetype PKCS12 -storepass "$KEYSTORE_PASSWORD" -alias default \
    -keyalg RSA -keysize 2048 -validity 30 -dname "CN=$2" -ext "SAN=ip:127.0.0.1,dns:localhost" >/dev/null 2>&1
}
presented_cn() { # the subject of the certificate a new handshake gets
  openssl s_client -connect "127.0.0.1:$HTTPS_PORT" -servername localhost </dev/null 2>/dev/null \
    | openssl x509 -noout -subject 2>/dev/null | sed -n 's/.*CN *= *//p'
}
predict() {
  curl -sk -m 10 -o /dev/null -w '%{http_code}' "https://127.0.0.1:$HTTPS_PORT/predict" \
    -H 'Content-Type: application/json' -d '{"age":35,"income":50000,"category":"A"}'
}

make_keystore "$KEYSTORE_LOCATION" first-certificate
start_server
wait_ready "https://127.0.0.1:$HTTPS_PORT/health/ready"
pid=$server_pid
[ "$(presented_cn)" = first-certificate ] || { echo "FAIL: the server does not present the first certificate" >&2; exit 1; }
[ "$(predict)" = 200 ] || { echo "FAIL: /predict over HTTPS before the renewal" >&2; exit 1; }
echo "ok: serving CN=first-certificate"

make_keystore "$tls/renewed.p12" renewed-certificate
mv -f "$tls/renewed.p12" "$KEYSTORE_LOCATION"
swapped=$(date +%s)
for _ in $(seq $((60 * CI_TIME_SCALE))); do
  [ "$(presented_cn)" = renewed-certificate ] && break
  sleep 1
done
[ "$(presented_cn)" = renewed-certificate ] \
  || { echo "FAIL: still not serving the renewed certificate $((60 * CI_TIME_SCALE)) s after the swap" >&2; tail -20 "$server_dir/logs/messages.log" >&2; exit 1; }
[ "$server_pid" = "$pid" ] && kill -0 "$pid" || { echo "FAIL: the server restarted" >&2; exit 1; }
[ "$(predict)" = 200 ] || { echo "FAIL: /predict over HTTPS after the renewal" >&2; exit 1; }
grep -E 'CWPKI' "$server_dir/logs/messages.log" | tail -3 || true
echo "ok: serving CN=renewed-certificate $(( $(date +%s) - swapped )) s after the keystore file was replaced, same process (pid $pid), /predict 200"
