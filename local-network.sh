#!/usr/bin/env bash
# Starts the whole programme on this machine and prints the URLs to open:
# central-office, one buying-station, a simulated balance and gold feed, PostgreSQL and Kafka.
# Data stays under ./run/ (visible, kept across runs). Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"
deploy/scripts/require-tools.sh

echo "Building (tests skipped; ./mvnw -B verify runs them) ..."
./mvnw -q -B install -DskipTests

mkdir -p run/tmp
exec java -Djava.io.tmpdir="$PWD/run/tmp" \
  -cp "deploy/local-network/target/classes:$(cat deploy/local-network/target/launcher-classpath.txt)" \
  org.goldbuying.local.LocalNetwork "$PWD"
