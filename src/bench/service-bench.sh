#!/usr/bin/env bash
# Service bench (not a unit test): start-up time to the first reading and resident memory after
# an hour's worth of polling two meters every 10 s (360 polls x 2 meters), accelerated: the
# simulator is polled every ${POLL:-100ms} instead of 10 s. Runs the real fat JAR with the JVM
# options the README recommends for a Raspberry Pi (override with JAVA_OPTS).
#   mvn -o -B -q -DskipTests package && src/bench/service-bench.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
jar="$PWD/target/meterbridge.jar"
[ -f "$jar" ] || { echo "build first: mvn -B -DskipTests package" >&2; exit 2; }
JAVA_OPTS=${JAVA_OPTS:-"-Xmx48m -Xss512k -XX:+UseSerialGC -XX:MaxMetaspaceSize=64m -XX:ReservedCodeCacheSize=24m -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1"}
POLLS=${POLLS:-360}
POLL=${POLL:-100ms}
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
cp -r application.properties routes "$work/"
cd "$work"
start=$(date +%s%N)
# shellcheck disable=SC2086
MBUS_POLL="$POLL" java $JAVA_OPTS -jar "$jar" > service.log 2>&1 &
pid=$!
until [ -s data/readings.jsonl ]; do
  kill -0 "$pid" 2>/dev/null || { cat service.log; exit 1; }
  sleep 0.01
done
first=$(( ($(date +%s%N) - start) / 1000000 ))
want=$(( POLLS * 2 ))
until [ "$(wc -l < data/readings.jsonl)" -ge "$want" ]; do
  kill -0 "$pid" 2>/dev/null || { cat service.log; exit 1; }
  sleep 1
done
elapsed=$(( ($(date +%s%N) - start) / 1000000000 ))
rss_kib=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
hwm_kib=$(awk '/VmHWM/ {print $2}' /proc/$pid/status)
echo "JVM options:            $JAVA_OPTS"
echo "first reading after:    ${first} ms (process start to first line of data/readings.jsonl)"
echo "readings written:       $(wc -l < data/readings.jsonl) (${POLLS} polls of 2 meters, every ${POLL}, ${elapsed} s)"
echo "resident memory (RSS):  $(( rss_kib / 1024 )) MiB now, peak $(( hwm_kib / 1024 )) MiB"
