#!/usr/bin/env bash
# The float-sensitive part of the build again, on the BLAS kernels of other CPUs (issue 11: "CI passes on Intel and AMD
# alike"). What differs between CPUs in DL4J's arithmetic is the matrix kernel OpenBLAS picks for the CPU it finds
# (a DYNAMIC_ARCH build): Zen on AMD, Haswell or SkylakeX on Intel. OPENBLAS_CORETYPE makes it take another one, and
# that reproduces the other CPU bit for bit: on an AMD EPYC, retraining with SkylakeX gives the committed default model
# (m-67bbd5326a4f, trained on an Intel machine) and with Zen or Haswell m-76d148b53b9a (docs/MODEL.md, "Other CPUs,
# checked on one machine"). So for every kernel this CPU can run, besides the one it picks itself:
#   - the trainer retrains and must reach the committed model's quality within the stated tolerances (--expect);
#   - the unit tests that touch DL4J or the engine run (DL4J compared within tolerances, the engine exactly);
#   - the integration tests of the model on a real Liberty run: the README's version and prediction, single against
#     batch against V2, the DL4J check at load, its refusal and the fallback.
# OPENBLAS_VERBOSE=2 makes OpenBLAS name the kernel it loads; the check fails unless every load in the build named the
# one asked for and the IT server was among them.
set -euo pipefail
cd "$(dirname "$0")/../.."
flags=" $(grep -m1 '^flags' /proc/cpuinfo | cut -d: -f2) "
has() { for f in "$@"; do [[ $flags == *" $f "* ]] || return 1; done; }
native=Haswell
grep -q -m1 AuthenticAMD /proc/cpuinfo && native=Zen
has avx512f avx512dq avx512cd avx512bw avx512vl && [ "$native" = Haswell ] && native=SkylakeX
kernels=()
has avx2 fma && kernels+=(Haswell Zen)
has avx512f avx512dq avx512cd avx512bw avx512vl && kernels+=(SkylakeX)
http_port="${IT_HTTP_PORT:-19080}"
ports=(-Dit.http.port="$http_port" -Dit.https.port="${IT_HTTPS_PORT:-19443}")
# Every package whose tests load a bundle, score through DL4J or the engine, or train.
unit_tests=dev.predictionservice.inference.**.*Test,dev.predictionservice.models.**.*Test
unit_tests+=,dev.predictionservice.training.**.*Test,dev.predictionservice.predictions.**.*Test
its=EngineIT,InferenceConsistencyIT,InferenceProtocolIT,ModelRepositoryIT,PredictionsIT
out=$PWD/target/other-cpu-kernels
committed=$PWD/src/main/resources/model/default.bundle
mkdir -p "$out"
ran=0
for kernel in "${kernels[@]}"; do
  [ "$kernel" = "$native" ] && continue
  echo "--- OpenBLAS kernel $kernel (this CPU's own: $native)"
  rm -rf "target/liberty/wlp/usr/servers/it-server-$http_port"
  OPENBLAS_CORETYPE=$kernel OPENBLAS_VERBOSE=2 timeout 1200 ./mvnw -B -o "${ports[@]}" \
    jacoco:prepare-agent@agent-unit jacoco:prepare-agent-integration@agent-integration exec:exec@train-default-model \
    -Dtrain.args="--seed 42 --out $out/$kernel/default.bundle --card $out/$kernel/model-card --expect $committed" \
    surefire:test -Dtest="$unit_tests" -Dsurefire.failIfNoSpecifiedTests=false \
    resources:testResources resources:copy-resources@clone-it-server \
    failsafe:integration-test@default failsafe:verify@default \
    -Dit.test="$its" \
    >"$out/$kernel.log" 2>&1 || { tail -80 "$out/$kernel.log"; echo "kernel $kernel: the build failed" >&2; exit 1; }
  grep -E 'Retraining reaches|Tests run: [0-9]+, Failures: [0-9]+, Errors: [0-9]+, Skipped: [0-9]+$' "$out/$kernel.log" \
    | sed 's/^/  /'
  model=$(grep -o 'Model m-[0-9a-f]* written' "$out/$kernel.log" | cut -d' ' -f2)
  # Arquillian passes the server's console to this log: Liberty's lines start with "[INFO    ]", OpenBLAS's follow.
  server=$(grep -A2 -E '^\[INFO +\] Loaded \[CpuBackend\] backend' "$out/$kernel.log" | grep -c "^Core: $kernel" || true)
  loads=$(grep -c "^Core: $kernel" "$out/$kernel.log" || true)
  other=$(grep '^Core: ' "$out/$kernel.log" | grep -vc "^Core: $kernel" || true)
  [ "$server" -gt 0 ] || { echo "kernel $kernel: the IT server did not name it" >&2; exit 1; }
  [ "$other" = 0 ] || { echo "kernel $kernel: $other OpenBLAS load(s) on another kernel" >&2; exit 1; }
  echo "  kernel $kernel: retrained $model, $loads OpenBLAS load(s) on it, the server's among them, tests passed"
  ran=$((ran + 1))
done
[ "$ran" -gt 0 ] || echo "no other kernel runs on this CPU (flags: avx2 $(has avx2 && echo yes || echo no))"
echo "other CPUs' kernels: $ran checked"
