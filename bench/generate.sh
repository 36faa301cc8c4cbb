#!/usr/bin/env bash
# generate's benchmark (docs/generate.md, "Speed"): a synthetic platform-next working tree of N services
# x 4-6 targets (5 on average) pinned to one or two tags of a generated metrics-catalog
# (src/test/java/com/company/onboarding/bench/GenerateEstate.java, CatalogGenerator.java), and the
# packaged jar timed end to end as CI runs it: wall time including JVM start, per target, and peak RSS
# (/usr/bin/time -v). Four runs per N:
#   cold       empty output directory and data directory: every catalog commit fetched, every file written
#   unchanged  the same again: every file compared, none written
#   check      --check of the same
#   bump       half the estate moved to another tag: those files rewritten
# Then the design document's section 6 script (bench/seed/generate-kz.sh, needs yq and jq: Debian's
# packages) on the first SEED_SAMPLE services, per target, for comparison.
#
# Usage: bench/generate.sh [N ...]          default: 2000 10000
# Environment: TAGS=1|2 (default 2), SEED_SAMPLE (default 10; 0 skips the script), SKIP_BUILD=1, JAVA.
# Run it on an idle machine; results go to target/bench/generate/results.txt as well as stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=$ROOT/target/bench/generate
JAR=$ROOT/target/quarkus-app/quarkus-run.jar
JAVA=${JAVA:-java}
TAGS=${TAGS:-2}
SEED_SAMPLE=${SEED_SAMPLE:-10}
mkdir -p "$WORK"

if [[ -z "${SKIP_BUILD:-}" ]]; then
  ./mvnw -B -q package -DskipTests -Dskip.npm
  ./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
fi
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
CATALOG_URL="file://$WORK/metrics-catalog.git"
RESULTS=$WORK/results.txt

seconds() { # "h:mm:ss" or "m:ss.ss" -> seconds
  awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }' <<< "$1"
}

row() { printf '%-7s %-10s %4s %8s %9s %9s %8s %8s %8s %9s  %s\n' "$@" | tee -a "$RESULTS"; }

run() { # N label estate [generate options...]
  local n=$1 label=$2 estate=$3; shift 3
  local status=0
  /usr/bin/time -v -o "$estate/time.txt" "$JAVA" -Donboarding.data-dir="$estate/data" \
    -Dmetrics-catalog.fetch-url="$CATALOG_URL" -jar "$JAR" generate --platform-next "$estate/platform-next" \
    --format json "$@" > "$estate/report.json" 2> "$estate/stderr.txt" || status=$?
  local wall rss targets
  wall=$(seconds "$(grep 'Elapsed (wall clock)' "$estate/time.txt" | awk '{print $NF}')")
  rss=$(( $(grep 'Maximum resident set size' "$estate/time.txt" | awk '{print $NF}') / 1024 ))
  targets=$(jq '.targets' "$estate/report.json")
  row "$n" "$label" "$status" "${wall}s" "$(awk -v w="$wall" -v t="$targets" 'BEGIN { printf "%.2fms", t ? w * 1000 / t : 0 }')" \
    "${rss}MiB" "$(jq '.files.added | length' "$estate/report.json")" "$(jq '.files.changed | length' "$estate/report.json")" \
    "$(jq '.files.unchanged' "$estate/report.json")" "$targets" \
    "$(jq -c '.timings' "$estate/report.json")"
}

row N run exit wall per-target peak-RSS added changed unchanged targets "timings (ms, inside the JVM)"
for N in ${@:-2000 10000}; do
  estate=$WORK/estate-$N
  rm -rf "$estate"
  "$JAVA" -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$CP" com.company.onboarding.bench.GenerateEstate "$estate" "$N" "$TAGS" >&2
  run "$N" cold "$estate"
  run "$N" unchanged "$estate"
  run "$N" check "$estate" --check
  sed -i 's/ref: v1\.0\.0$/ref: v1.0.1/' "$estate/platform-next/kustomize/catalog/services.yaml"
  run "$N" bump "$estate"
done

if (( SEED_SAMPLE > 0 )); then
  estate=$WORK/estate-seed
  rm -rf "$estate"
  "$JAVA" -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$CP" com.company.onboarding.bench.GenerateEstate "$estate" "$SEED_SAMPLE" "$TAGS" >&2
  targets=0
  start=$(date +%s.%N)
  for (( i = 0; i < SEED_SAMPLE; i++ )); do
    # GenerateEstate.name: the first 300 are named as the catalog's services
    if (( i < 300 )); then service=$(printf 'service-%03d' "$i"); else service=$(printf 'svc-%05d' "$i"); fi
    if (( i % 2 == 0 )); then envs="int pre prod"; else envs="int prod"; fi
    for env in $envs; do
      for region in euw1 euw2; do
        (cd "$estate/platform-next" && OUT=$estate/seed-out GIT_CONFIG_COUNT=1 \
          GIT_CONFIG_KEY_0="url.$CATALOG_URL.insteadOf" GIT_CONFIG_VALUE_0=https://github.com/company/metrics-catalog \
          bash "$ROOT/bench/seed/generate-kz.sh" "$service" "$env" "$region" > /dev/null 2>&1)
        targets=$(( targets + 1 ))
      done
    done
  done
  wall=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.2f", e - s }')
  row "$SEED_SAMPLE" seed-script - "${wall}s" "$(awk -v w="$wall" -v t="$targets" 'BEGIN { printf "%.0fms", w * 1000 / t }')" \
    - "$targets" - - "$targets" "bench/seed/generate-kz.sh, one process per target as the document runs it"
fi
