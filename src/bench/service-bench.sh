#!/usr/bin/env bash
# Service bench (not a unit test): start-up time to the first reading and resident memory after
# an hour's worth of polling two meters every 10 s (360 polls x 2 meters), accelerated: the
# simulator is polled every ${POLL:-100ms} instead of 10 s. Runs the real fat JAR with the JVM
# options the README recommends for a Raspberry Pi (override with JAVA_OPTS).
# STATUS=off switches the status page off (http.status.enabled=false); with it on (the default), a
# client keeps the page's event stream open and fetches /api/status and /metrics every second,
# as an open browser tab and a Prometheus scrape would, and the page's load time is measured.
#   mvn -o -B -q -DskipTests package && src/bench/service-bench.sh && STATUS=off src/bench/service-bench.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
jar="$PWD/target/meterbridge.jar"
[ -f "$jar" ] || { echo "build first: mvn -B -DskipTests package" >&2; exit 2; }
JAVA_OPTS=${JAVA_OPTS:-"-Xmx48m -Xss512k -XX:+UseSerialGC -XX:MaxMetaspaceSize=64m -XX:ReservedCodeCacheSize=24m -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1"}
POLLS=${POLLS:-360}
POLL=${POLL:-100ms}
STATUS=${STATUS:-on}
PORT=${PORT:-18089}
work=$(mktemp -d)
client=""
trap 'kill "$pid" $client 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
cp -r application.properties routes "$work/"
cd "$work"
start=$(date +%s%N)
# shellcheck disable=SC2086
HTTP_STATUS_ENABLED=$([ "$STATUS" = off ] && echo false || echo true) HTTP_STATUS_PORT="$PORT" \
  MBUS_POLL="$POLL" java $JAVA_OPTS -jar "$jar" > service.log 2>&1 &
pid=$!
until [ -s data/readings.jsonl ]; do
  kill -0 "$pid" 2>/dev/null || { cat service.log; exit 1; }
  sleep 0.01
done
first=$(( ($(date +%s%N) - start) / 1000000 ))
if [ "$STATUS" != off ]; then
  base="http://127.0.0.1:$PORT"
  # the page's load: the HTML and everything it loads, one after the other, as a first visit does
  load=0
  for f in / status.css uplot.css uplot.js status.js api/status; do
    t=$(curl -s -o /dev/null -w '%{time_total}' "$base/${f#/}")
    load=$(awk -v a="$load" -v b="$t" 'BEGIN { print a + b }')
  done
  ( curl -sN "$base/events" > /dev/null & while sleep 1; do curl -s "$base/api/status" > /dev/null; curl -s "$base/metrics" > /dev/null; done ) &
  client=$!
fi
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
echo "status page:            $STATUS$([ "$STATUS" != off ] && echo ", page loaded in $(awk -v s="$load" 'BEGIN { printf "%.0f", s * 1000 }') ms (6 requests, one after the other, just after start)")"
echo "resident memory (RSS):  $(( rss_kib / 1024 )) MiB now, peak $(( hwm_kib / 1024 )) MiB"
