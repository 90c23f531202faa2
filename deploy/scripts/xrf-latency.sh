#!/usr/bin/env bash
# The latency-critical path on real parts: the XRF analyser's last shot written on its pseudo-terminal to the quote
# on the counter's live stream (SSE), with both services, PostgreSQL, Kafka and the simulated devices running.
# Usage: deploy/scripts/xrf-latency.sh [samples] [warm-up lots]   (defaults 1000 and 500). Results: docs/performance.md.
#   MAVEN_FLAGS   extra Maven flags (default: -o, offline; set MAVEN_FLAGS= on a machine that must download)
set -euo pipefail
cd "$(dirname "$0")/../.."
deploy/scripts/require-tools.sh
# shellcheck disable=SC2086
./mvnw -q -B ${MAVEN_FLAGS--o} package -DskipTests   # the reactor builds the jars the network runs; nothing is installed
mkdir -p deploy/local-network/target/xrf-latency/tmp
# HARNESS_JVM_OPTIONS: options for the harness's own JVM (simulators, stream reader and the local Kafka broker);
# the services take theirs from SERVICE_JVM_OPTIONS (docs/performance.md). By default the harness compiles with C1
# only: its C2 compiler otherwise keeps one of the two cores busy for milliseconds at a time throughout the run
# (HARNESS_JVM_OPTIONS= , empty, gives the JVM its defaults).
# shellcheck disable=SC2086
exec java ${HARNESS_JVM_OPTIONS--XX:TieredStopAtLevel=1} -Djava.io.tmpdir="$PWD/deploy/local-network/target/xrf-latency/tmp" \
  -cp "deploy/local-network/target/classes:$(cat deploy/local-network/target/launcher-classpath.txt)" \
  org.goldbuying.local.bench.XrfToQuoteLatency "$PWD" "${1:-1000}" "${2:-500}"
