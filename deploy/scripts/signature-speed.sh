#!/usr/bin/env bash
# Ed25519 speed with the JDK's provider and with BouncyCastle (rfc8032), one thread and every core: the numbers that
# choose the implementation for the centre's ingest of signed purchases (issue 11; results in docs/performance.md).
# Usage: deploy/scripts/signature-speed.sh [seconds per measurement]   (default 3; about 1 minute in all)
#   MAVEN_FLAGS   extra Maven flags (default -o, offline)
#   JAVA          the java to run it with (default: java on the PATH; e.g. Temurin 25 to compare JDKs)
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck disable=SC2086
./mvnw -q -B ${MAVEN_FLAGS--o} -pl central-office -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
cd central-office
mkdir -p target/bench/tmp
exec "${JAVA:-java}" -Djava.io.tmpdir="$PWD/target/bench/tmp" \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.goldbuying.centre.bench.SignatureSpeed "${1:-3}"
