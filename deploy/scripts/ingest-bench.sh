#!/usr/bin/env bash
# Centre ingest benchmark (issue 5, item 10); results go to docs/performance.md. Never part of the tests.
#
#   deploy/scripts/ingest-bench.sh [stations] [lots per station]     # default 1000 200 (200,000 purchases)
#
# Packages central-office (tests skipped) and compiles its test sources (centre-bench-prepare.sh), then runs the
# plain program org.goldbuying.centre.bench.IngestThroughput, which starts a real PostgreSQL and a real Kafka broker
# (deploy/embedded-infra), prepares the centre (schema, first tick, one registered Ed25519 key per station), puts the
# backlog of signed, chained purchases on gold.purchases.v1, starts the packaged service
# (central-office/target/quarkus-app/quarkus-run.jar) as a process pointed at both, measures catch-up, live ingest
# and a raw batched JDBC insert of the same rows, and stops everything it started. Everything it writes
# (database, broker logs, the service's log, results.txt) stays under central-office/target/bench/ingest/.
#
# Environment:
#   MAVEN_FLAGS   extra Maven flags (default: -o, offline; set MAVEN_FLAGS= on a machine that must download)
#   BENCH_BATCH   the service's batch size (max.poll.records) and the raw insert's batch size (default 2000, the service's own)
#   BENCH_CONSUMERS  the service's consumers in the group (CENTRE_INGEST_CONSUMERS, default 1)
#   SERVICE_JVM_OPTIONS  extra JVM options of the service, e.g. -XX:StartFlightRecording=filename=/abs/ingest.jfr
#
# event-contracts and embedded-infra are built from this checkout with central-office (-am), not taken from the
# local Maven repository.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
maven_flags=${MAVEN_FLAGS--o}
stations=${1:-1000}
lots=${2:-200}
batch=${BENCH_BATCH:-2000}
consumers=${BENCH_CONSUMERS:-1}

MAVEN_FLAGS="$maven_flags" deploy/scripts/centre-bench-prepare.sh
cd central-office
bench=$PWD/target/bench

echo "== ingest benchmark: $stations stations x $lots lots, batch $batch, $consumers consumers, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
exec java -Djava.io.tmpdir="$bench/tmp" -Dbench.dir="$bench/ingest" -Dbench.jar="$bench/quarkus-app/quarkus-run.jar" \
  -Dbench.batch="$batch" -Dbench.consumers="$consumers" -Dbench.service.jvm="${SERVICE_JVM_OPTIONS:-}" \
  -cp "$bench/test-classes:$bench/classes:$(cat target/bench-classpath.txt)" \
  org.goldbuying.centre.bench.IngestThroughput "$stations" "$lots"
