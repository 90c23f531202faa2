#!/usr/bin/env bash
# The latency-critical path on real parts: the XRF analyser's last shot written on its pseudo-terminal to the quote
# on the counter's live stream (SSE), with both services, PostgreSQL, Kafka and the simulated devices running.
# Usage: deploy/scripts/xrf-latency.sh [samples] [warm-up lots]   (defaults 1000 and 50). Results: docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
deploy/scripts/require-tools.sh
./mvnw -q -B install -DskipTests
mkdir -p deploy/local-network/target/xrf-latency/tmp
exec java -Djava.io.tmpdir="$PWD/deploy/local-network/target/xrf-latency/tmp" \
  -cp "deploy/local-network/target/classes:$(cat deploy/local-network/target/launcher-classpath.txt)" \
  org.goldbuying.local.bench.XrfToQuoteLatency "$PWD" "${1:-1000}" "${2:-50}"
