#!/usr/bin/env bash
# Public display fan-out benchmark (issue 5, item 10: a price change reaching 1,000 connected display streams,
# p99 <= 1 s); results go to docs/performance.md. Never part of the tests.
#
#   deploy/scripts/display-fanout.sh [streams] [changes] [warm-up changes]     # default 1000 20 3
#
# Packages central-office (tests skipped) and compiles its test sources (centre-bench-prepare.sh), then runs the plain program
# org.goldbuying.centre.bench.DisplayFanout, which starts a real PostgreSQL and a real Kafka broker
# (deploy/embedded-infra) and the packaged service (central-office/target/quarkus-app/quarkus-run.jar) as a process
# pointed at both, opens the streams on GET /api/display/stream (one TCP connection each), runs publication rounds
# with POST /api/price/publish as the treasury demo user, times each new tick's arrival on every stream, and stops
# everything it started. Everything it writes (database, broker logs, the service's log, results.txt, samples.csv)
# stays under central-office/target/bench/display-fanout/. About a minute and a half.
#
# Each stream is a socket in the harness and one in the service, which inherits the harness's open files limit:
# the script checks `ulimit -n` first and says how to raise it.
#
# Environment:
#   MAVEN_FLAGS   extra Maven flags (default: -o, offline; set MAVEN_FLAGS= on a machine that must download)
#   SERVICE_JVM_OPTIONS  extra JVM options of the service (it always gets -Xmx512m), e.g. a flight recording:
#                 SERVICE_JVM_OPTIONS=-XX:StartFlightRecording=settings=profile,filename=/abs/path/fanout.jfr
#
# event-contracts and embedded-infra are built from this checkout with central-office (-am), not taken from the
# local Maven repository.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
maven_flags=${MAVEN_FLAGS--o}
streams=${1:-1000}
changes=${2:-20}
warm_up=${3:-3}

needed=$((streams + 512))
limit=$(ulimit -n)
if [ "$limit" != unlimited ] && [ "$limit" -lt "$needed" ]; then
  if ! ulimit -n "$needed" 2>/dev/null; then
    echo "The open files limit (ulimit -n) is $limit and the hard limit $(ulimit -Hn): $streams streams need at least" \
      "$needed (one socket each in the harness and in the service). Raise it (e.g. 'ulimit -n 4096', or" \
      "'nofile' in /etc/security/limits.conf) and rerun." >&2
    exit 1
  fi
  echo "open files limit raised from $limit to $needed for this run"
fi

MAVEN_FLAGS="$maven_flags" deploy/scripts/centre-bench-prepare.sh
cd central-office
bench=$PWD/target/bench

echo "== display fan-out benchmark: $streams streams, $changes changes after $warm_up warm-up, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
exec java -Djava.io.tmpdir="$bench/tmp" -Dbench.dir="$bench/display-fanout" -Dbench.jar="$bench/quarkus-app/quarkus-run.jar" \
  -Dbench.service.jvm="${SERVICE_JVM_OPTIONS:-}" -cp "$bench/test-classes:$bench/classes:$(cat target/bench-classpath.txt)" \
  org.goldbuying.centre.bench.DisplayFanout "$streams" "$changes" "$warm_up"
