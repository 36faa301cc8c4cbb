#!/usr/bin/env bash
# Start-up and memory benchmark (docs/benchmarks.md, "Start-up and memory"), three variants side by
# side in one run, each with the image's JVM flags (docker/Dockerfile.jvm's JDK_JAVA_OPTIONS), its
# MALLOC_ARENA_MAX and -XX:MaxRAM=512m, so the JVM sizes itself as in the Deployment's 512Mi container:
#   jdk17      java 17 -jar target/quarkus-app/quarkus-run.jar (the default build, fast-jar)
#   jdk25      java 25 -jar target/quarkus-app/quarkus-run.jar (the same jar)
#   jdk25-aot  java 25 -XX:AOTCache=app.aot -jar target/aot/quarkus-app/quarkus-run.jar (./mvnw -Paot
#              verify: the aot-jar and the cache its integration tests trained, as the image runs it)
# For each, RUNS starts on 127.0.0.1, each on a new data directory holding the seeded embedded
# repositories (as a restarted pod with remotes finds them; the catalog cache is empty): Quarkus'
# "started in", launch to the first 200 of GET /profiles, RSS a second later, then the first
# GET /metrics-catalog/refs/v1.3.0 of that fresh process (ls-remote, shallow fetch, parse). Then
# bench/http-load.sh with the same JVM and flags for the RSS after load. Beside them,
# `git clone --depth 1 --branch v1.3.0` of the same catalog repository. Then, once per variant, a
# fresh process under load from its first 200 on (a pod restarted into traffic): one preview tab at
# 64 connections in back-to-back 5 s wrk runs for WARM_UP_SECONDS, req/s of each.
# Output: target/bench/startup.txt.
#
#   [JAVA17=...] [JAVA25=...] [VARIANTS="jdk17 jdk25 jdk25-aot"] [LOAD_SECONDS=10] [WARM_UP_SECONDS=60]
#   [EXTRA_OPTS=...] bench/startup.sh [runs, default 5]
#
# JAVA25 is a JDK 25's home (default: $JAVA25_HOME, else /usr/lib/jvm/temurin-25-jdk-amd64); JAVA17
# a JDK 17's (default: the java on PATH). LOAD_SECONDS=0 and WARM_UP_SECONDS=0 leave out the load
# runs. EXTRA_OPTS adds JVM options to every variant, to try a flag against a run without it.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
RUNS="${1:-5}"
JAVA17="${JAVA17:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
JAVA25="${JAVA25:-${JAVA25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}}"
LOAD_SECONDS="${LOAD_SECONDS:-10}"
VARIANTS="${VARIANTS:-jdk17 jdk25 jdk25-aot}"
WARM_UP_SECONDS="${WARM_UP_SECONDS:-60}"
TAB="/services/account-service/preview?environment=prod&region=euw1"
# The image's flags, without its cache path (the AOT variant adds its own), plus the container's memory.
IMAGE_OPTS="$(sed -n 's/.*JDK_JAVA_OPTIONS="\([^"]*\)".*/\1/p' docker/Dockerfile.jvm | sed -E 's/-XX:AOTCache=[^ ]*//') -XX:MaxRAM=512m ${EXTRA_OPTS:-}"
# And the image's environment for malloc (MALLOC_ARENA_MAX).
IMAGE_ENV="$(sed -n 's/^ *\(MALLOC_[A-Z_]*=[^ ]*\).*/\1/p' docker/Dockerfile.jvm | tr '\n' ' ')"
FAST_JAR="$ROOT/target/quarkus-app/quarkus-run.jar"
AOT_APP="$ROOT/target/aot/quarkus-app"
if [ "$LOAD_SECONDS" != 0 ] || [ "$WARM_UP_SECONDS" != 0 ]; then
  command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk), or LOAD_SECONDS=0 WARM_UP_SECONDS=0"; exit 2; }
fi
for v in $VARIANTS; do
  case $v in
    jdk17) "$JAVA17/bin/java" -version 2>&1 | grep -q '"17' || { echo "JAVA17=$JAVA17 is not a JDK 17"; exit 2; } ;;
    jdk25|jdk25-aot) [ -x "$JAVA25/bin/java" ] || { echo "no JDK 25 at $JAVA25: set JAVA25=<its home>"; exit 2; } ;;
    *) echo "unknown variant $v"; exit 2 ;;
  esac
done
stale() { [ ! -f "$1" ] || [ -n "$(find src/main pom.xml -newer "$1" -print -quit)" ]; }
if stale "$FAST_JAR"; then ./mvnw -B -q package -DskipTests; fi
case " $VARIANTS " in *" jdk25-aot "*)
  if stale "$AOT_APP/app.aot"; then JAVA_HOME="$JAVA25" ./mvnw -B -q -Paot verify; fi ;;
esac

OUT=target/bench; mkdir -p "$OUT"; REPORT="$OUT/startup.txt"; : > "$REPORT"
WORK=$(mktemp -d "$ROOT/$OUT/startup-XXXX")
PORT=$((18100 + RANDOM % 800))
PID=
trap '[ -n "$PID" ] && kill $PID 2>/dev/null; rm -rf "$WORK"' EXIT

ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
command_of() { # variant -> java and options and jar, one per line
  case $1 in
    jdk17) printf '%s\n' "$JAVA17/bin/java" "$IMAGE_OPTS" "$FAST_JAR" ;;
    jdk25) printf '%s\n' "$JAVA25/bin/java" "$IMAGE_OPTS" "$FAST_JAR" ;;
    # AOTMode=on: a cache this JVM cannot use stops the run instead of measuring a start without it.
    jdk25-aot) printf '%s\n' "$JAVA25/bin/java" "-XX:AOTCache=$AOT_APP/app.aot -XX:AOTMode=on $IMAGE_OPTS" "$AOT_APP/quarkus-run.jar" ;;
  esac
}
launch() { # java, options, jar, data directory, log
  # shellcheck disable=SC2086
  (cd "$(dirname "$3")" && exec env $IMAGE_ENV "$1" $2 -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port=$PORT \
    -Donboarding.data-dir="$4" -jar "$3") > "$5" 2>&1 &
  PID=$!
}
# Polls every 10 ms with bash builtins alone: a curl and a sleep process per try would take a
# fair share of the two cores from the start being measured (no kubelet probes that often).
until_200() { # path
  local fd status tick
  [ -p "$WORK/tick" ] || mkfifo "$WORK/tick"
  exec {tick}<>"$WORK/tick" # never written: reading it is a 10 ms sleep without a process
  while :; do
    status=
    if { exec {fd}<>"/dev/tcp/127.0.0.1/$PORT"; } 2>/dev/null; then
      printf 'GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: */*\r\nConnection: close\r\n\r\n' "$1" >&"$fd"
      IFS= read -r status <&"$fd" || true
      exec {fd}>&-
    fi
    case $status in "HTTP/1.1 200"*) break ;; esac
    kill -0 $PID 2>/dev/null || { echo "the service exited:"; cat "$WORK/service.log"; exit 1; }
    read -r -t 0.01 -u "$tick" || true
  done
  exec {tick}>&-
}
stop() { kill $PID; wait $PID 2>/dev/null || true; PID=; }

# The embedded repositories, seeded once by the default build; each run starts from a copy.
launch "$JAVA17/bin/java" "$IMAGE_OPTS" "$FAST_JAR" "$WORK/seed" "$WORK/service.log"; until_200 /profiles; stop
[ -d "$WORK/seed/repos/metrics-catalog.git" ] || { echo "no embedded catalog in $WORK/seed"; exit 1; }

{
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "image flags (+ container memory): $IMAGE_OPTS; environment: ${IMAGE_ENV:-(none)}"
  echo "runs per variant: $RUNS"
} >> "$REPORT"

for v in $VARIANTS; do
  mapfile -t cmd < <(command_of "$v")
  started=(); first=(); rss=(); catalog=()
  for run in $(seq 1 "$RUNS"); do
    data="$WORK/data-$v-$run"; mkdir -p "$data"; cp -a "$WORK/seed/repos" "$data/"
    t0=$(date +%s%N)
    launch "${cmd[0]}" "${cmd[1]}" "${cmd[2]}" "$data" "$WORK/service.log"
    until_200 /profiles
    first+=("$(ms "$t0")")
    sleep 1
    rss+=($(( $(ps -o rss= -p $PID) / 1024 )))
    t1=$(date +%s%N)
    curl -sf -o /dev/null "http://127.0.0.1:$PORT/metrics-catalog/refs/v1.3.0"
    catalog+=("$(ms "$t1")")
    started+=("$(grep -o 'started in [0-9.]*s' "$WORK/service.log" | grep -o '[0-9.]*')")
    stop
    rm -rf "$data"
  done
  load="(not run)"
  if [ "$LOAD_SECONDS" != 0 ]; then
    env $IMAGE_ENV JAVA="${cmd[0]}" JAVA_OPTS="${cmd[1]}" JAR="${cmd[2]}" REPORT="$OUT/startup-load-$v.txt" PORT=$PORT \
      bench/http-load.sh "$LOAD_SECONDS" > /dev/null
    load="$(grep -o 'RSS after the load runs: [0-9]* MiB' "$OUT/startup-load-$v.txt" | grep -o '[0-9]*') MiB"
  fi
  curve="(not run)"
  if [ "$WARM_UP_SECONDS" != 0 ]; then
    data="$WORK/data-$v-under-load"; mkdir -p "$data"; cp -a "$WORK/seed/repos" "$data/"
    launch "${cmd[0]}" "${cmd[1]}" "${cmd[2]}" "$data" "$WORK/service.log"
    until_200 "$TAB"
    curve=""
    for _ in $(seq 1 $((WARM_UP_SECONDS / 5))); do
      curve+="$(wrk -t2 -c64 -d5s "http://127.0.0.1:$PORT$TAB" | awk '/Requests\/sec/ {printf "%d ", $2}')"
    done
    stop
    rm -rf "$data"
  fi
  {
    echo "== $v: ${cmd[0]} ${cmd[1]} -jar ${cmd[2]}"
    echo "  started in (s):                  ${started[*]}  median $(median "${started[@]}")"
    echo "  launch to first 200 /profiles (ms): ${first[*]}  median $(median "${first[@]}")"
    echo "  RSS 1 s after that (MiB):        ${rss[*]}  median $(median "${rss[@]}")"
    echo "  first catalog request (ms):      ${catalog[*]}  median $(median "${catalog[@]}")"
    echo "  RSS after bench/http-load.sh $LOAD_SECONDS s/row: $load (details: $OUT/startup-load-$v.txt)"
    echo "  under load from the first 200, req/s per 5 s: $curve"
  } >> "$REPORT"
done

clones=()
for run in $(seq 1 "$RUNS"); do
  rm -rf "$WORK/clone"; t0=$(date +%s%N)
  git clone -q --depth 1 --branch v1.3.0 "file://$WORK/seed/repos/metrics-catalog.git" "$WORK/clone" 2>/dev/null
  clones+=("$(ms "$t0")")
done
echo "== git clone --depth 1 --branch v1.3.0 of the same catalog (ms): ${clones[*]}  median $(median "${clones[@]}")" >> "$REPORT"
cat "$REPORT"
