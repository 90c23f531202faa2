#!/usr/bin/env bash
# Station footprint on real parts: start time and resident memory after N lots (default 1,000) bought through the
# API, with both services, PostgreSQL, Kafka and the pty balance running. Results go to docs/performance.md.
# Usage: deploy/scripts/footprint.sh [lots]   (MAVEN_FLAGS: extra Maven flags, default -o)
set -euo pipefail
cd "$(dirname "$0")/../.."
deploy/scripts/require-tools.sh
# shellcheck disable=SC2086
./mvnw -q -B ${MAVEN_FLAGS--o} package -DskipTests   # the reactor builds the jars the network runs; nothing is installed
mkdir -p deploy/local-network/target/footprint/tmp
exec java -Djava.io.tmpdir="$PWD/deploy/local-network/target/footprint/tmp" \
  -cp "deploy/local-network/target/classes:$(cat deploy/local-network/target/launcher-classpath.txt)" \
  org.goldbuying.local.bench.StationFootprint "$PWD" "${1:-1000}"
