#!/usr/bin/env bash
# Writes the strings the server interns once it has served every endpoint, in the format -XX:SharedArchiveConfigFile
# reads, so that a CDS archive can carry them. Why: every young collection of the serial collector visits every entry
# of the JVM's string table (~60,000 on a started server: class names and the literals of Liberty's, the libraries'
# and the application's classes), and on JDK 25 that walk is ~40 % of a young pause; strings in the CDS archive's
# shared table are not walked (bench/README.md, "The interned strings in the CDS archive").
# The Dockerfile dumps its JRE's default archive with this list; bench/run.sh dumps a private one for its server.
#
#   scripts/interned-strings.sh OUT.txt      (after ./mvnw package; env: JAVA_HOME, STRINGS_HTTP_PORT=19690)
#
# Starts a private copy of the built server on loopback (.ci/tools/liberty-server.sh) with the java of JAVA_HOME,
# sends each public endpoint a few hundred requests with curl (a string is interned when the code that names it first
# runs), waits for the periodic tasks (the prediction log's flush, drift's sweep, metrics), then dumps the table with
# jcmd and stops the server. ~1 minute. Strings that are missing from the list (interned later, or by another version
# of Liberty) only stay in the walked table.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: scripts/interned-strings.sh OUT.txt}
jcmd=${JAVA_HOME:+$JAVA_HOME/bin/}jcmd
command -v "$jcmd" >/dev/null || { echo "jcmd not found: JAVA_HOME must point at a JDK" >&2; exit 2; }
port=${STRINGS_HTTP_PORT:-19690}
export HTTP_PORT=$port HTTPS_PORT=$((port + 1))
# shellcheck source=../.ci/tools/liberty-server.sh
source .ci/tools/liberty-server.sh
start_server
base=http://127.0.0.1:$port
wait_ready "$base/health/ready" 300 >/dev/null

post() { curl -s -o /dev/null -H 'Content-Type: application/json' -d "$2" "$base$1"; }
categories=(A B C)
for i in $(seq 0 299); do
  post /predict "{\"age\":$((18 + i % 60)),\"income\":$((20000 + i * 317)),\"category\":\"${categories[i % 3]}\"}"
done
for i in $(seq 20); do
  post /predict/batch '{"instances":[{"age":35,"income":50000,"category":"A"},{"age":62,"income":120000,"category":"C"}]}'
  post /v2/models/prediction-model/infer '{"id":"'"$i"'","inputs":[
    {"name":"age","shape":[2],"datatype":"INT64","data":[35,62]},
    {"name":"income","shape":[2],"datatype":"FP64","data":[50000,120000]},
    {"name":"category","shape":[2],"datatype":"BYTES","data":["A","C"]}]}'
  # Refused input takes its own path (validation, problem+json, the V2 error).
  post /predict '{"age":130,"income":50000,"category":"Z"}'
  post /predict '{"age":"35"'
  post /v2/models/prediction-model/infer '{"inputs":[]}'
done
for path in /v2 /v2/health/live /v2/health/ready /v2/models/prediction-model /v2/models/prediction-model/ready \
  /health /health/live /health/ready /health/started /metrics /openapi /models; do
  curl -s -o /dev/null "$base$path"
done
sleep 15

{
  echo "VERSION: 1.0"
  echo "@SECTION: String"
  "$jcmd" "$server_pid" VM.stringtable -verbose | grep -E '^[0-9]+: '
} >"$out"
echo "$(($(wc -l <"$out") - 2)) interned strings written to $out" >&2
