#!/usr/bin/env bash
# Starts the whole programme on this machine and prints the URLs to open:
# central-office, one buying-station, a simulated balance and gold feed, PostgreSQL and Kafka.
# Data stays under ./run/ (visible, kept across runs; LOCAL_NETWORK_RUN_DIR picks another folder). Ctrl-C stops
# everything.
set -euo pipefail
cd "$(dirname "$0")"
deploy/scripts/require-tools.sh

echo "Building (tests skipped; ./mvnw -B verify runs them) ..."
./mvnw -q -B package -DskipTests

run_dir="${LOCAL_NETWORK_RUN_DIR:-$PWD/run}"
mkdir -p "$run_dir/tmp"
exec java -Djava.io.tmpdir="$run_dir/tmp" \
  -cp "deploy/local-network/target/classes:$(cat deploy/local-network/target/launcher-classpath.txt)" \
  org.goldbuying.local.LocalNetwork "$PWD"
