#!/usr/bin/env bash
# Issue 6: the Dockerfile passes a linter that runs here (dockerfilelint, pinned in .ci/tools/package-lock.json;
# hadolint is in neither Debian nor npm) and the tests of the issue's Dockerfile points (layers, user, secrets, ...).
set -euo pipefail
cd "$(dirname "$0")/../.."
.ci/tools/node_modules/.bin/dockerfilelint Dockerfile
node --test .ci/tools/test/dockerfile.test.mjs
