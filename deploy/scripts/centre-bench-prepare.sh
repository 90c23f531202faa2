#!/usr/bin/env bash
# Shared by the central-office benchmarks (ingest-bench.sh, display-fanout.sh): packages central-office and the
# modules it needs (tests skipped), compiles its test sources, writes the test class path to
# central-office/target/bench-classpath.txt and copies the classes and the packaged service to
# central-office/target/bench/ (classes, test-classes, quarkus-app), so that a build started meanwhile cannot pull
# them from under a running benchmark. Prints nothing but errors.
#
# Environment:
#   MAVEN_FLAGS   extra Maven flags (default: -o, offline; set MAVEN_FLAGS= on a machine that must download)
set -euo pipefail

cd "$(dirname "$0")/../.."
maven_flags=${MAVEN_FLAGS--o}
# -am: event-contracts and embedded-infra are built from this checkout in the same reactor, never taken from the
# local Maven repository, where another checkout may have installed different snapshots of them
# shellcheck disable=SC2086
./mvnw -q -B $maven_flags -pl central-office -am package dependency:build-classpath -DskipTests \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt

cd central-office
bench=$PWD/target/bench
rm -rf "$bench/classes" "$bench/test-classes" "$bench/quarkus-app"
mkdir -p "$bench/tmp"
cp -a target/classes "$bench/classes"
cp -a target/test-classes "$bench/test-classes"
cp -a target/quarkus-app "$bench/quarkus-app"
