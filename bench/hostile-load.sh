#!/usr/bin/env bash
# Hostile traffic benchmark (docs/benchmarks.md, "## Hostile traffic"): starts the packaged service on
# its embedded default on 127.0.0.1, then runs wrk with valid previews (the design document's
# payment-processor entry) twice for a bounded time: alone, and while loops of curl send the hostile
# requests of HostileInputTest (billion laughs, 20,000-deep documents, 30 MiB bodies with Content-Length
# and chunked, type tags, invalid UTF-8, ref injection, foreign catalog URLs, encoded traversal, a
# 10,000-metric entry, huge numbers, a weight-0 Accept, OPTIONS of garbage paths, a 1025-character key,
# a raw U+2028 in YAML, ...). Reports the p99 of the valid previews in both runs, their
# non-2xx answers, the hostile answers by status, and the server errors (5xx, ERROR log lines).
# Output: target/bench/hostile-load.txt.
#
#   [WARMUP=s] bench/hostile-load.sh [seconds-per-run, default 20] [hostile loops, default 2]
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-20}"
LOOPS="${2:-2}"
CONNECTIONS=16
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)"; exit 2; }
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
OUT=target/bench; mkdir -p "$OUT"; REPORT="$OUT/hostile-load.txt"; : > "$REPORT"
DATA=$(mktemp -d "$OUT/hostile-data-XXXX")
WORK=$(mktemp -d "$OUT/hostile-work-XXXX")
PORT=${PORT:-18081}
URL="http://127.0.0.1:$PORT"
cp src/test/resources/bench/payment-processor.json "$WORK/valid.json"

java -Xmx512m -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port=$PORT -Donboarding.data-dir="$DATA" \
  -jar target/quarkus-app/quarkus-run.jar > "$OUT/hostile-service.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; rm -rf "$WORK" "$DATA"' EXIT
until curl -sf "$URL/q/health/ready" >/dev/null; do sleep 0.1; done

# ---- the hostile payloads (plain bash, no other tools) ----
head -c $((30 * 1024 * 1024)) /dev/zero | tr '\0' ' ' > "$WORK/30mib.json"
cat > "$WORK/laughs.yaml" <<'YAML'
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
YAML
{ printf '%.0s[' $(seq 20000); printf '%.0s]' $(seq 20000); } > "$WORK/deep.json"
{ printf 'a: '; printf '%.0s[' $(seq 20000); printf '%.0s]' $(seq 20000); } > "$WORK/deep.yaml"
printf '{"name": "a", "cost": {"costOwner": "x", "costOwner": "y"}}' > "$WORK/duplicate.json"
printf 'name: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://127.0.0.1/x.jar"]]]]\n' > "$WORK/tag.yaml"
printf '{"name": "caf\xc3\x28"}' > "$WORK/utf8.json"
printf '{"name": 1, "archetype": [], "size": {}, "regions": "euw1", "enabledIn": 5, "cost": "x", "monitoring": 1}' > "$WORK/types.json"
sed 's#"ref": *"[^"]*"#"ref": "--upload-pack=touch /tmp/hostile"#' "$WORK/valid.json" > "$WORK/ref.json"
sed 's#https://github.com/company/metrics-catalog#file:///etc#' "$WORK/valid.json" > "$WORK/file-url.json"
sed 's#https://github.com/company/metrics-catalog#http://169.254.169.254/latest/meta-data#' "$WORK/valid.json" > "$WORK/metadata-url.json"
{ printf '{"name": "ten-thousand", "archetype": "api", "size": "large", "regions": ["euw1"], "enabledIn": ["prod"],'
  printf ' "cost": {"costCenter": "C", "businessUnit": "B", "costOwner": "o@company.com"},'
  printf ' "monitoring": {"customMetrics": {"metrics": ['
  seq 0 9999 | sed 's/.*/{"name": "m&", "type": "counter"}/' | paste -sd, -
  printf ']}}}'; } > "$WORK/10k.json"
printf '{"monitoring": {"overrides": {"prod": {"sloAvailability": 1e999999}}}}' > "$WORK/huge-number.json"
printf '{"monitoring": {"overrides": {"prod": {"sloAvailability": NaN}}}}' > "$WORK/nan.json"
{ printf '{"entry": '; sed "s#\"prod\" *: *{#\"prod\": {\"$(printf 'k%.0s' $(seq 1025))\": 1, #" "$WORK/valid.json"
  printf '}'; } > "$WORK/long-key.json"
printf 'name: a\ndescription: page\xe2\x80\xa8x\n' > "$WORK/line-separator.yaml"

# One hostile request by number; prints its status code.
hostile() {
  local c=(curl -s -o /dev/null -w '%{http_code}\n' --max-time 60)
  local json=(-H 'Content-Type: application/json') yaml=(-H 'Content-Type: application/yaml')
  case $1 in
    0) "${c[@]}" "${yaml[@]}" --data-binary @"$WORK/laughs.yaml" "$URL/services/validate" ;;
    1) "${c[@]}" "${json[@]}" --data-binary @"$WORK/deep.json" "$URL/services/validate" ;;
    2) "${c[@]}" "${yaml[@]}" --data-binary @"$WORK/deep.yaml" "$URL/services/preview" ;;
    3) "${c[@]}" "${json[@]}" -H 'Expect:' --data-binary @"$WORK/30mib.json" "$URL/services/validate" ;;
    4) "${c[@]}" "${json[@]}" -H 'Transfer-Encoding: chunked' --data-binary @"$WORK/30mib.json" "$URL/services/preview" ;;
    5) "${c[@]}" "${json[@]}" --data-binary @"$WORK/duplicate.json" "$URL/services/validate" ;;
    6) "${c[@]}" "${yaml[@]}" --data-binary @"$WORK/tag.yaml" "$URL/services/validate" ;;
    7) "${c[@]}" "${json[@]}" --data-binary @"$WORK/utf8.json" "$URL/services/preview" ;;
    8) "${c[@]}" "${json[@]}" --data-binary @"$WORK/types.json" "$URL/services/validate" ;;
    9) "${c[@]}" "${json[@]}" --data-binary @"$WORK/ref.json" "$URL/services/preview" ;;
    10) "${c[@]}" "$URL/metrics-catalog/refs/--upload-pack=touch%20%2Ftmp%2Fhostile" ;;
    11) "${c[@]}" "$URL/metrics-catalog/refs/a..b" ;;
    12) "${c[@]}" "${json[@]}" --data-binary @"$WORK/file-url.json" "$URL/services/validate" ;;
    13) "${c[@]}" "${json[@]}" --data-binary @"$WORK/metadata-url.json" "$URL/services/preview" ;;
    14) "${c[@]}" --path-as-is "$URL/profiles/..%2F..%2Fetc%2Fpasswd" ;;
    15) "${c[@]}" --path-as-is "$URL/services/%2e%2e%2f%2e%2e/preview" ;;
    16) "${c[@]}" "${json[@]}" --data-binary @"$WORK/10k.json" "$URL/services/validate" ;;
    17) "${c[@]}" "${json[@]}" --data-binary @"$WORK/huge-number.json" "$URL/services/preview" ;;
    18) "${c[@]}" "${json[@]}" --data-binary @"$WORK/nan.json" "$URL/services/validate" ;;
    19) "${c[@]}" "${json[@]}" --data-binary '' "$URL/services/validate" ;;
    20) "${c[@]}" "${json[@]}" --data-binary 'null' "$URL/services/preview" ;;
    21) "${c[@]}" -H 'Content-Type: application/json; charset=x-klingon' --data-binary '{}' "$URL/services/validate" ;;
    22) "${c[@]}" "${json[@]}" -H 'Accept: text/html' --data-binary @"$WORK/valid.json" "$URL/services/preview" ;;
    23) "${c[@]}" -X PUT "$URL/profiles" ;;
    24) "${c[@]}" "$URL/metrics-catalog/refs/$(printf 'x%.0s' $(seq 201))" ;;
    25) "${c[@]}" --path-as-is "$URL/profiles/%zz" ;;
    26) "${c[@]}" -H 'Accept: application/json;q=0' "$URL/profiles" ;;
    27) "${c[@]}" -X OPTIONS "$URL/services/garbage-$RANDOM$RANDOM" ;;
    28) "${c[@]}" "${json[@]}" --data-binary @"$WORK/long-key.json" "$URL/services" ;;
    29) "${c[@]}" "${yaml[@]}" --data-binary @"$WORK/line-separator.yaml" "$URL/services/validate" ;;
  esac
}
HOSTILE_KINDS=30

run_wrk() {
  wrk -t2 -c$CONNECTIONS -d"${DURATION}s" --latency -s "$WORK/post.lua" "$URL/services/preview"
}
cat > "$WORK/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
local f = io.open("$WORK/valid.json", "r"); wrk.body = f:read("*a"); f:close()
LUA

# Warm-up: JIT, catalog fetch, parsed caches; and one pass over every hostile request. On two
# cores C2 is still compiling after 5 s of load (security, negotiation and the preview path);
# so the hostile pass comes first, then $WARMUP seconds (default 20) of previews.
for k in $(seq 0 $((HOSTILE_KINDS - 1))); do hostile "$k" >/dev/null; done
wrk -t2 -c$CONNECTIONS -d"${WARMUP:-20}s" -s "$WORK/post.lua" "$URL/services/preview" >/dev/null

summary() { # label, wrk output file
  echo "== $1" >> "$REPORT"
  grep -E "Requests/sec|Non-2xx|Socket errors|^ +(50|90|99)%" "$2" >> "$REPORT" || true
  grep -q "Non-2xx" "$2" || echo "  Non-2xx or 3xx responses: 0" >> "$REPORT"
  grep -q "Socket errors" "$2" || echo "  Socket errors: 0" >> "$REPORT"
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)" >> "$REPORT"
echo "valid: POST /services/preview (payment-processor), wrk -t2 -c$CONNECTIONS -d${DURATION}s" >> "$REPORT"

run_wrk > "$WORK/alone.txt"
summary "valid previews alone" "$WORK/alone.txt"

END=$(( $(date +%s) + DURATION ))
LOOP_PIDS=()
for l in $(seq 1 "$LOOPS"); do
  ( k=$((l * 7)); while [ "$(date +%s)" -lt "$END" ]; do hostile $((k % HOSTILE_KINDS)); k=$((k + 1)); done ) > "$WORK/hostile-$l.txt" &
  LOOP_PIDS+=($!)
done
run_wrk > "$WORK/together.txt"
wait "${LOOP_PIDS[@]}"
summary "valid previews while $LOOPS loops send hostile requests" "$WORK/together.txt"

cat "$WORK"/hostile-*.txt > "$WORK/hostile.txt"
echo "== hostile answers by status ($(wc -l < "$WORK/hostile.txt") requests; 000 = no answer)" >> "$REPORT"
sort "$WORK/hostile.txt" | uniq -c | sort -k2 >> "$REPORT"
server_errors=$(grep -c '^5' "$WORK/hostile.txt" || true)
log_errors=$(grep -a -c ' ERROR ' "$OUT/hostile-service.log" || true)
echo "server errors: ${server_errors} hostile 5xx, ${log_errors} ERROR lines in the service log" >> "$REPORT"
[ -e /tmp/hostile ] && echo "WARNING: /tmp/hostile exists (was it there before?)" >> "$REPORT"
curl -s -o /dev/null -w "after: GET /profiles %{http_code}\n" "$URL/profiles" >> "$REPORT"
cat "$REPORT"
