#!/usr/bin/env bash
# Issue 14: Checkstyle's ImportControl (config/import-control.xml) holds the component rules of the design. Proves
# that the build's Checkstyle run fails when the prediction log imports the scoring component, and passes without it,
# on a scratch copy of the sources (the working tree is never touched).
set -euo pipefail
cd "$(dirname "$0")/../.."
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cp -r pom.xml config src liberty "$scratch/"
log="$PWD/target/import-control-check.log"
mkdir -p target
checkstyle() { ./mvnw -B -o -f "$scratch/pom.xml" checkstyle:check@checkstyle >"$log" 2>&1; }
checkstyle || { cat "$log"; echo "FAIL: Checkstyle fails on the unchanged sources"; exit 1; }
file="$scratch/src/main/java/dev/predictionservice/predictionlog/control/PredictionLog.java"
sed -i 's/^import java.io.IOException;/import dev.predictionservice.predictions.entity.PredictionRequest;\nimport java.io.IOException;/' "$file"
grep -q 'predictions.entity.PredictionRequest' "$file"
if checkstyle; then
  echo "FAIL: a predictionlog -> predictions import passed Checkstyle"
  exit 1
fi
grep -q 'Disallowed import - dev.predictionservice.predictions.entity.PredictionRequest' "$log" || {
  cat "$log"; echo "FAIL: Checkstyle failed, but not on the import"; exit 1; }
echo "ImportControl: a predictionlog -> predictions import fails the build, as it should"
