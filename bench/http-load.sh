#!/usr/bin/env bash
# HTTP load benchmark (docs/benchmarks.md, "## HTTP load"): starts the packaged service on its
# embedded default on 127.0.0.1, records start-up time and RSS, then runs wrk (Debian package
# `wrk`) for a bounded time against a trivial endpoint (/q/health/live), GET /profiles,
# POST /services/validate and POST /services/preview (the design document's payment-processor
# entry), and GET /services/account-service/preview (one tab) in full and with If-None-Match (304),
# at 16 and 64 connections, and records RSS again. Output: target/bench/http-load.txt.
#
# The JVM runs with $JAVA_OPTS (default: the heap the Kubernetes manifests give it, -Xmx256m).
# $JAVA and $JAR choose another JVM and build (bench/startup.sh runs this for each of its variants);
# $REPORT another output file.
#
# Every row is preceded by $WARMUP seconds (default 15) of the same load, not recorded.
#
#   [JAVA_OPTS=...] [JAVA=.../bin/java] [JAR=...] [REPORT=...] [WARMUP=s] bench/http-load.sh [seconds-per-run, default 15]
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-15}"
WARMUP="${WARMUP:-15}"
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)"; exit 2; }
JAVA="${JAVA:-java}"
JAR="${JAR:-target/quarkus-app/quarkus-run.jar}"
[ -f "$JAR" ] || ./mvnw -B -q package -DskipTests
OUT=target/bench; mkdir -p "$OUT"; REPORT="${REPORT:-$OUT/http-load.txt}"; : > "$REPORT"
DATA=$(mktemp -d "$OUT/http-data-XXXX")
PORT=${PORT:-18080}
cp src/test/resources/bench/payment-processor.json "$OUT/payment-processor.json"

start_ns=$(date +%s%N)
JAVA_OPTS="${JAVA_OPTS:--Xmx256m}"
# shellcheck disable=SC2086
"$JAVA" $JAVA_OPTS -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port=$PORT -Donboarding.data-dir="$DATA" \
  -Dquarkus.log.level=WARN -jar "$JAR" > "$OUT/http-service.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; rm -rf "$DATA"' EXIT
until curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null; do
  kill -0 $PID 2>/dev/null || { cat "$OUT/http-service.log"; exit 1; }
  sleep 0.05
done
ready_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
rss_start=$(ps -o rss= -p $PID | tr -d ' ')
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $("$JAVA" -version 2>&1 | head -1)" >> "$REPORT"
echo "JVM options: $JAVA_OPTS" >> "$REPORT"
echo "start-to-ready: ${ready_ms} ms (includes seeding the embedded repositories in an empty data directory)" >> "$REPORT"
echo "RSS after start: $((rss_start / 1024)) MiB" >> "$REPORT"

cat > "$OUT/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
local f = io.open("$OUT/payment-processor.json", "r"); wrk.body = f:read("*a"); f:close()
LUA

cpu_ticks() { awk '{print $14 + $15}' "/proc/$PID/stat"; }
run() { # name, connections, path, [lua]
  local name=$1 conns=$2 path=$3 lua=${4:-}
  local args=(-t2 -c"$conns" --latency)
  [ -n "$lua" ] && args+=(-s "$lua")
  # Each row warms its own path first: on two cores C2 is still compiling after a few seconds of
  # load, and a row measured during that reads as a regression that is not there.
  wrk "${args[@]}" -d"${WARMUP}s" "http://127.0.0.1:$PORT$path" > /dev/null
  local before result ticks requests
  before=$(cpu_ticks)
  result=$(wrk "${args[@]}" -d"${DURATION}s" "http://127.0.0.1:$PORT$path")
  ticks=$(( $(cpu_ticks) - before ))
  requests=$(echo "$result" | awk '/requests in/ {print $1}')
  echo "== $name c=$conns" >> "$REPORT"
  echo "$result" | grep -E "Requests/sec|Non-2xx|Socket errors|^ +(50|90|99)%" >> "$REPORT"
  # The service's own CPU per answer (user + system, all threads), which wrk's share of the cores does not blur.
  echo "  service CPU per request: $(( ticks * 1000000 / $(getconf CLK_TCK) / requests )) us" >> "$REPORT"
}
# A polling Backstage tab: the stored preview of an existing service, answered in full (200) and,
# with the ETag it came with, as 304 Not Modified.
PREVIEW="/services/account-service/preview?environment=prod&region=euw1"
ETAG=$(curl -sf -D - -o /dev/null "http://127.0.0.1:$PORT$PREVIEW" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag" {print $2}')
[ -n "$ETAG" ] || { echo "no ETag on GET $PREVIEW"; exit 1; }
cat > "$OUT/if-none-match.lua" <<LUA
wrk.headers["If-None-Match"] = '$ETAG'
LUA
for c in 16 64; do
  run "trivial GET /q/health/live" $c /q/health/live
  run "GET /profiles" $c /profiles
  run "POST /services/validate" $c /services/validate "$OUT/post.lua"
  run "POST /services/preview (all 6 targets, 205 KB)" $c /services/preview "$OUT/post.lua"
  run "POST /services/preview?environment=prod&region=euw1 (one UI tab, 35 KB)" $c \
    "/services/preview?environment=prod&region=euw1" "$OUT/post.lua"
  run "GET $PREVIEW (200)" $c "$PREVIEW"
  run "GET $PREVIEW with If-None-Match (304)" $c "$PREVIEW" "$OUT/if-none-match.lua"
done
rss_end=$(ps -o rss= -p $PID | tr -d ' ')
echo "RSS after the load runs: $((rss_end / 1024)) MiB" >> "$REPORT"
cat "$REPORT"
