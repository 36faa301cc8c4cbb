#!/usr/bin/env bash
# Start-up benchmark (docs/benchmarks.md, "## Start-up and memory"): starts the packaged service on its
# embedded default on 127.0.0.1 RUNS times (the first run seeds an empty data directory, the others
# reuse it, as a restarted pod does) and records Quarkus' "started in", the time from launching java
# to the first UP from /q/health/ready, and the RSS one second after that. Then the same with an
# AppCDS archive of the classes loaded by one training run (-XX:ArchiveClassesAtExit), the option
# docs/operations.md describes. Output: target/bench/startup.txt.
#
#   bench/startup.sh [runs, default 5]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-5}"
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
OUT=target/bench; mkdir -p "$OUT"; REPORT="$OUT/startup.txt"; : > "$REPORT"
DATA=$(mktemp -d "$OUT/startup-data-XXXX")
PORT=18082
JAR=target/quarkus-app/quarkus-run.jar
ARCHIVE="$OUT/startup-app.jsa"
PID=
trap '[ -n "$PID" ] && kill $PID 2>/dev/null; rm -rf "$DATA"' EXIT

launch() { # extra java options...
  java "$@" -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port=$PORT -Donboarding.data-dir="$DATA" \
    -jar "$JAR" > "$OUT/startup-service.log" 2>&1 &
  PID=$!
}
ready() { until curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null; do sleep 0.02; done; }
stop() { kill $PID; wait $PID 2>/dev/null || true; PID=; }

measure() { # label, extra java options...
  local label=$1; shift
  local started=() readies=() rsses=()
  for run in $(seq 1 "$RUNS"); do
    local t0; t0=$(date +%s%N)
    launch "$@"; ready
    readies+=($(( ($(date +%s%N) - t0) / 1000000 )))
    sleep 1
    rsses+=($(( $(ps -o rss= -p $PID) / 1024 )))
    started+=("$(grep -o 'started in [0-9.]*s' "$OUT/startup-service.log" | grep -o '[0-9.]*')")
    stop
  done
  median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
  {
    echo "== $label ($RUNS runs; the first seeds the data directory)"
    echo "  started in (s):       ${started[*]}  median $(median "${started[@]}")"
    echo "  launch to ready (ms): ${readies[*]}  median $(median "${readies[@]}")"
    echo "  RSS after start (MiB): ${rsses[*]}  median $(median "${rsses[@]}")"
  } >> "$REPORT"
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)" >> "$REPORT"
measure "java -jar (the README's command, the image's entrypoint)"

# AppCDS: one training run archives the classes it loaded (start-up and a few requests), the same JVM
# then maps them instead of loading and verifying them again.
rm -f "$ARCHIVE"
launch -XX:ArchiveClassesAtExit="$ARCHIVE"; ready
curl -sf "http://127.0.0.1:$PORT/profiles" >/dev/null
curl -sf -H 'Content-Type: application/json' --data-binary @src/test/resources/bench/payment-processor.json \
  "http://127.0.0.1:$PORT/services/validate" >/dev/null
stop
measure "java -XX:SharedArchiveFile=app.jsa -jar (AppCDS, $(( $(stat -c %s "$ARCHIVE") / 1024 / 1024 )) MiB archive)" \
  -XX:SharedArchiveFile="$ARCHIVE"
cat "$REPORT"
