# Shared by .ci/checks/25-other-cpu-kernels.sh and 26-other-cpu-vendor.sh (issue 11: "CI passes on Intel and AMD
# alike"): the float-sensitive part of the build once more, in whatever environment the caller sets, and a check of
# the matrix kernel OpenBLAS says it loaded in every JVM of it. Source it from the project's root.
#   - the trainer retrains and must reach the committed model's quality within the stated tolerances (--expect);
#   - the unit tests that touch DL4J or the engine run (DL4J compared within tolerances, the engine exactly);
#   - the integration tests of the model on a real Liberty run: the README's version and prediction, single against
#     batch against V2, the DL4J check at load, its refusal and the fallback.
source .ci/lib/time-scale.sh
FLOAT_HTTP_PORT="${IT_HTTP_PORT:-19080}"
FLOAT_COMMITTED_MODEL=$PWD/src/main/resources/model/default.bundle
# Every package whose tests load a bundle, score through DL4J or the engine, or train.
FLOAT_UNIT_TESTS=dev.predictionservice.inference.**.*Test,dev.predictionservice.models.**.*Test
FLOAT_UNIT_TESTS+=,dev.predictionservice.training.**.*Test,dev.predictionservice.predictions.**.*Test
FLOAT_ITS=EngineIT,InferenceConsistencyIT,InferenceProtocolIT,ModelRepositoryIT,PredictionsIT

# float_sensitive_build DIR NAME [MAVEN ARG...]: the build above, its output in DIR/NAME.log, the retrained bundle and
# model card in DIR/NAME/. Prints the trainer's verdict and the test counts; exits the check if the build fails.
float_sensitive_build() {
  local dir=$1 name=$2
  shift 2
  mkdir -p "$dir/$name"
  rm -rf "target/liberty/wlp/usr/servers/it-server-$FLOAT_HTTP_PORT"
  OPENBLAS_VERBOSE=2 timeout $((1800 * CI_TIME_SCALE)) ./mvnw -B -o "$@" \
    -Dit.http.port="$FLOAT_HTTP_PORT" -Dit.https.port="${IT_HTTPS_PORT:-19443}" \
    jacoco:prepare-agent@agent-unit jacoco:prepare-agent-integration@agent-integration exec:exec@train-default-model \
    -Dtrain.args="--seed 42 --out $dir/$name/default.bundle --card $dir/$name/model-card --expect $FLOAT_COMMITTED_MODEL" \
    surefire:test -Dtest="$FLOAT_UNIT_TESTS" -Dsurefire.failIfNoSpecifiedTests=false \
    resources:testResources resources:copy-resources@clone-it-server \
    failsafe:integration-test@default failsafe:verify@default \
    -Dit.test="$FLOAT_ITS" \
    >"$dir/$name.log" 2>&1 || { tail -80 "$dir/$name.log"; echo "$name: the build failed" >&2; exit 1; }
  grep -E 'Retraining reaches|Tests run: [0-9]+, Failures: [0-9]+, Errors: [0-9]+, Skipped: [0-9]+$' "$dir/$name.log" \
    | sed 's/^/  /'
}

# expect_kernel LOG KERNEL: exits the check unless every OpenBLAS load in LOG named KERNEL (OPENBLAS_VERBOSE=2 prints
# "Core: <kernel>") and the IT server's was among them; else prints the model the trainer wrote.
expect_kernel() {
  local log=$1 kernel=$2 server loads other model
  model=$(grep -o 'Model m-[0-9a-f]* written' "$log" | cut -d' ' -f2)
  # Arquillian passes the server's console to this log: Liberty's lines start with "[INFO    ]", OpenBLAS's follow.
  server=$(grep -A2 -E '^\[INFO +\] Loaded \[CpuBackend\] backend' "$log" | grep -c "^Core: $kernel" || true)
  loads=$(grep -c "^Core: $kernel" "$log" || true)
  other=$(grep '^Core: ' "$log" | grep -vc "^Core: $kernel" || true)
  [ "$server" -gt 0 ] || { echo "$log: the IT server did not name kernel $kernel" >&2; exit 1; }
  [ "$other" = 0 ] || { echo "$log: $other OpenBLAS load(s) on another kernel than $kernel" >&2; exit 1; }
  echo "  kernel $kernel: retrained $model, $loads OpenBLAS load(s) on it, the server's among them, tests passed"
}
