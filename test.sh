#!/usr/bin/env bash
# Runs every test of every module on real parts (PostgreSQL, Kafka, pseudo-terminals, both services).
set -euo pipefail
cd "$(dirname "$0")"
deploy/scripts/require-tools.sh
exec ./mvnw -B verify "$@"
