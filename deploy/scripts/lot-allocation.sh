#!/usr/bin/env bash
# What a lot costs the station in allocation: the bytes the station's process allocates per lot cycle bought through
# the API (a typed fineness and an XRF assay of three shots), counted exactly per thread, with a JFR allocation
# profile of where they go. Both services, PostgreSQL, Kafka and the simulated devices run as in the local network.
# Usage: deploy/scripts/lot-allocation.sh [lots] [warm-up lots]   (defaults 500 and 500). Results: docs/performance.md.
#   MAVEN_FLAGS          extra Maven flags (default: -o, offline; set MAVEN_FLAGS= on a machine that must download)
#   SERVICE_JVM_OPTIONS  added to both services' JVM options (default: JFR stack traces 128 frames deep, since the
#                        reactive stacks are deep; an empty value gives JFR's default of 64)
#   HARNESS_JVM_OPTIONS  the harness's own JVM (default C1 only, as in xrf-latency.sh)
set -euo pipefail
cd "$(dirname "$0")/../.."
deploy/scripts/require-tools.sh
# shellcheck disable=SC2086
./mvnw -q -B ${MAVEN_FLAGS--o} package -DskipTests   # the reactor builds the jars the network runs; nothing is installed
mkdir -p deploy/local-network/target/lot-allocation/tmp
export SERVICE_JVM_OPTIONS="${SERVICE_JVM_OPTIONS--XX:FlightRecorderOptions=stackdepth=128}"
# shellcheck disable=SC2086
exec java ${HARNESS_JVM_OPTIONS--XX:TieredStopAtLevel=1} \
  -Djava.io.tmpdir="$PWD/deploy/local-network/target/lot-allocation/tmp" \
  -cp "deploy/local-network/target/classes:$(cat deploy/local-network/target/launcher-classpath.txt)" \
  org.goldbuying.local.bench.LotAllocation "$PWD" "${1:-500}" "${2:-500}"
