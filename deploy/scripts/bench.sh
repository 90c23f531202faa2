#!/usr/bin/env bash
# Runs the benchmarks whose results are in docs/performance.md. Never part of the tests.
#
#   deploy/scripts/bench.sh                  # everything: scale-driver (JMH + pty latency), buying-station (JMH)
#   deploy/scripts/bench.sh scale-driver     # parse-and-validate (JMH) and the pty latency harness
#   deploy/scripts/bench.sh buying-station   # the quote (JMH)
#
# For each module: compiles main and test code (the JMH annotation processor writes
# target/test-classes/META-INF/BenchmarkList), writes the test class path to target/bench-classpath.txt, copies
# the compiled classes to target/bench/classes and target/bench/test-classes (so a build started meanwhile cannot
# pull them from under a running fork), then runs org.openjdk.jmh.Main with java.io.tmpdir and every output file
# under the module's target/bench/.
#
# Environment:
#   JMH_OPTS      JMH options (default: -f 2 -wi 3 -i 5 -w 1s -r 1s, as documented); e.g. JMH_OPTS="-f 1 -wi 2 -i 3"
#   LATENCY_ARGS  samples and warm-up samples of the pty latency harness (default: 2000 1000)
#   MAVEN_FLAGS   extra Maven flags (default: -o, offline; set MAVEN_FLAGS= on a machine that must download)
#
# scale-simulators and buying-station resolve scale-driver, event-contracts and embedded-infra from the local Maven repository, so
# install them once first: ./mvnw -q -B install -DskipTests (nothing else in the project needs the local repository).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"

jmh_opts=${JMH_OPTS:--f 2 -wi 3 -i 5 -w 1s -r 1s}
latency_args=${LATENCY_ARGS:-2000 1000}
maven_flags=${MAVEN_FLAGS--o}
what=${1:-all}
case "$what" in
  all | scale-driver | buying-station) ;;
  *) echo "usage: $0 [all|scale-driver|buying-station]" >&2; exit 2 ;;
esac

# Compiles one module with its tests and writes its test class path; prints nothing but errors.
prepare() { # module [plain: no JMH in it]
  local module="$1" plain="${2:-}"
  # shellcheck disable=SC2086
  ./mvnw -q -B $maven_flags -pl "$module" test-compile
  # shellcheck disable=SC2086
  ./mvnw -q -B $maven_flags -pl "$module" dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
  if [ -z "$plain" ] && [ ! -s "$module/target/test-classes/META-INF/BenchmarkList" ]; then
    echo "$module: no META-INF/BenchmarkList in target/test-classes: the JMH annotation processor did not run" >&2
    exit 1
  fi
  rm -rf "$module/target/bench/classes" "$module/target/bench/test-classes"
  mkdir -p "$module/target/bench"
  cp -a "$module/target/classes" "$module/target/bench/classes"
  cp -a "$module/target/test-classes" "$module/target/bench/test-classes"
}

classpath() { # module
  echo "$root/$1/target/bench/test-classes:$root/$1/target/bench/classes:$(cat "$root/$1/target/bench-classpath.txt")"
}

jmh() { # module regex result-name
  local module="$1" regex="$2" name="$3" tmp="$root/$1/target/bench"
  echo "== JMH $regex ($module), options: $jmh_opts"
  # shellcheck disable=SC2086
  (cd "$root/$module" && java -Djava.io.tmpdir="$tmp" -cp "$(classpath "$module")" org.openjdk.jmh.Main "$regex" \
    $jmh_opts -foe true -jvmArgsAppend "-Djava.io.tmpdir=$tmp" -rf json -rff "$tmp/$name.json")
}

if [ "$what" = all ] || [ "$what" = scale-driver ]; then
  "$root/deploy/scripts/require-tools.sh"
  prepare scale-driver
  jmh scale-driver 'org.goldbuying.scale.bench.ParseAndValidateBenchmark' parse-and-validate
  prepare scale-simulators plain
  echo "== pty latency harness (scale-driver against the simulated balance in scale-simulators), samples and" \
    "warm-up: $latency_args"
  tmp="$root/scale-simulators/target/bench"
  # shellcheck disable=SC2086
  (cd "$root/scale-simulators" && java -Djava.io.tmpdir="$tmp" -Dbench.dir="$tmp" -cp "$(classpath scale-simulators)" \
    org.goldbuying.scale.bench.TransactionReadingLatency $latency_args)
fi

if [ "$what" = all ] || [ "$what" = buying-station ]; then
  prepare buying-station
  jmh buying-station 'org.goldbuying.station.bench.QuoteBenchmark' quote
fi
