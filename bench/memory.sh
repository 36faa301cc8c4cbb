#!/usr/bin/env bash
# Where the memory goes (docs/memory.md): starts the packaged service with Native Memory Tracking
# and the image's JVM flags in a 512Mi container's sizing (-XX:MaxRAM=512m), once per variant of
# bench/startup.sh, sends previews, validations and profile reads at 64 connections (wrk), and
# records the RSS and `jcmd <pid> VM.native_memory summary` (committed KiB per category) after start
# and after the load, the thread count by pool, and what NMT does not see (RSS minus NMT's total:
# malloc's arenas and fragmentation, mostly). Output: target/bench/memory.txt and the raw summaries
# beside it.
#
#   [JAVA17=...] [JAVA25=...] [VARIANTS="jdk17 jdk25 jdk25-aot"] [ENVIRONMENT="MALLOC_ARENA_MAX=8"] \
#     [EXTRA_OPTS="-Dquarkus.thread-pool.max-threads=32"] bench/memory.sh [seconds per load row, default 10]
#
# The service gets the image's MALLOC_ARENA_MAX too. ENVIRONMENT adds variables to its environment
# (after the image's, so they win) and EXTRA_OPTS JVM options, to measure a setting before the
# image takes it.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
SECONDS_PER_ROW="${1:-10}"
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)"; exit 2; }
JAVA17="${JAVA17:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
JAVA25="${JAVA25:-${JAVA25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}}"
VARIANTS="${VARIANTS:-jdk17 jdk25 jdk25-aot}"
IMAGE_OPTS="$(sed -n 's/.*JDK_JAVA_OPTIONS="\([^"]*\)".*/\1/p' docker/Dockerfile.jvm | sed -E 's/-XX:AOTCache=[^ ]*//') -XX:MaxRAM=512m ${EXTRA_OPTS:-}"
IMAGE_ENV="$(sed -n 's/^ *\(MALLOC_[A-Z_]*=[^ ]*\).*/\1/p' docker/Dockerfile.jvm | tr '\n' ' ')${ENVIRONMENT:-}"
FAST_JAR="$ROOT/target/quarkus-app/quarkus-run.jar"
AOT_APP="$ROOT/target/aot/quarkus-app"
stale() { [ ! -f "$1" ] || [ -n "$(find src/main pom.xml -newer "$1" -print -quit)" ]; }
if stale "$FAST_JAR"; then ./mvnw -B -q package -DskipTests; fi
case " $VARIANTS " in *" jdk25-aot "*)
  if stale "$AOT_APP/app.aot"; then JAVA_HOME="$JAVA25" ./mvnw -B -q -Paot verify; fi ;;
esac
OUT="$ROOT/target/bench"; mkdir -p "$OUT"; REPORT="$OUT/memory.txt"; : > "$REPORT"
WORK=$(mktemp -d "$OUT/memory-XXXX")
PORT=$((18900 + RANDOM % 90))
PID=
trap '[ -n "$PID" ] && kill $PID 2>/dev/null; rm -rf "$WORK"' EXIT
cat > "$WORK/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = io.open("$ROOT/src/test/resources/bench/payment-processor.json", "r"); wrk.body = f:read("*a"); f:close()
LUA

rss() { echo $(( $(ps -o rss= -p $PID) / 1024 )); }
summary() { # jcmd, file
  "$1" $PID VM.native_memory summary scale=KB > "$2"
}
committed() { # summary file, category ("Total" or e.g. "Java Heap") -> MiB
  if [ "$2" = Total ]; then
    sed -n 's/^Total: .*committed=\([0-9]*\)KB.*/\1/p' "$1" | awk '{printf "%d", $1 / 1024}'
  else
    grep -E "^-\s+$2 \(" "$1" | sed -n 's/.*committed=\([0-9]*\)KB.*/\1/p' | awk '{printf "%d", $1 / 1024}'
  fi
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, load average $(cut -d' ' -f1-3 /proc/loadavg)" >> "$REPORT"
echo "flags: $IMAGE_OPTS -XX:NativeMemoryTracking=summary; environment: ${IMAGE_ENV:-(none)}" >> "$REPORT"
for v in $VARIANTS; do
  case $v in
    jdk17) java="$JAVA17/bin/java"; opts="$IMAGE_OPTS"; jar="$FAST_JAR" ;;
    jdk25) java="$JAVA25/bin/java"; opts="$IMAGE_OPTS"; jar="$FAST_JAR" ;;
    jdk25-aot) java="$JAVA25/bin/java"; opts="-XX:AOTCache=$AOT_APP/app.aot -XX:AOTMode=on $IMAGE_OPTS"; jar="$AOT_APP/quarkus-run.jar" ;;
    *) echo "unknown variant $v"; exit 2 ;;
  esac
  jcmd="$(dirname "$java")/jcmd"
  # shellcheck disable=SC2086
  (cd "$(dirname "$jar")" && exec env $IMAGE_ENV "$java" -XX:NativeMemoryTracking=summary $opts \
    -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port=$PORT -Donboarding.data-dir="$WORK/data-$v" \
    -Dquarkus.log.level=WARN -jar "$jar") > "$WORK/service-$v.log" 2>&1 &
  PID=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/profiles"; do
    kill -0 $PID 2>/dev/null || { cat "$WORK/service-$v.log"; exit 1; }
    sleep 0.05
  done
  sleep 1
  start_rss=$(rss); summary "$jcmd" "$OUT/memory-$v-start.nmt"
  curl -sf -o /dev/null "http://127.0.0.1:$PORT/metrics-catalog/refs/v1.3.0"
  for c in 16 64; do
    wrk -t2 -c$c -d"${SECONDS_PER_ROW}s" -s "$WORK/post.lua" "http://127.0.0.1:$PORT/services/preview" > /dev/null
    wrk -t2 -c$c -d"${SECONDS_PER_ROW}s" -s "$WORK/post.lua" "http://127.0.0.1:$PORT/services/validate" > /dev/null
    wrk -t2 -c$c -d"${SECONDS_PER_ROW}s" "http://127.0.0.1:$PORT/profiles" > /dev/null
  done
  load_rss=$(rss); summary "$jcmd" "$OUT/memory-$v-load.nmt"
  # What malloc holds freed but resident (compiler arenas, mostly): returned by one malloc_trim.
  "$jcmd" $PID System.trim_native_heap > /dev/null; sleep 1; trimmed_rss=$(rss)
  threads=$("$jcmd" $PID Thread.print | grep '^"' | sed -E 's/^"([A-Za-z. ]*[A-Za-z]).*/\1/' | sort | uniq -c | sort -rn \
    | awk '{n=$1; $1=""; printf "%s%s x%d", sep, substr($0, 2), n; sep=", "}')
  kill $PID; wait $PID 2>/dev/null || true; PID=
  {
    echo "== $v: $java $opts -jar $jar"
    printf '  %-34s %8s %8s\n' "MiB" "start" "load"
    printf '  %-34s %8s %8s\n' "RSS" "$start_rss" "$load_rss"
    for category in Total "Java Heap" Class Metaspace "Shared class space" Thread Code Compiler "Arena Chunk" GC Symbol Other Internal; do
      printf '  %-34s %8s %8s\n' "NMT $category" "$(committed "$OUT/memory-$v-start.nmt" "$category")" \
        "$(committed "$OUT/memory-$v-load.nmt" "$category")"
    done
    printf '  %-34s %8s %8s\n' "RSS - NMT total (not tracked)" \
      "$(( start_rss - $(committed "$OUT/memory-$v-start.nmt" Total) ))" "$(( load_rss - $(committed "$OUT/memory-$v-load.nmt" Total) ))"
    printf '  %-34s %8s %8s\n' "RSS after jcmd System.trim_native_heap" "" "$trimmed_rss"
    echo "  threads after load: $threads"
  } >> "$REPORT"
done
cat "$REPORT"
