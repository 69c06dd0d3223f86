#!/usr/bin/env bash
# Start-up with a broken MODEL_PATH fails clearly (issue: foundation).
exec bash scripts/check-broken-model.sh
