#!/usr/bin/env bash
# The metrics-catalog cache benchmark (docs/benchmarks.md, "## Metrics-catalog cache").
# Builds the jar (the benchmark starts it as a process), then runs
# src/test/java/com/company/onboarding/bench/CatalogCacheBench.java, which generates the catalog
# under target/bench/ on its first run. Needs git on the PATH. Takes a few minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q package -DskipTests
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  com.company.onboarding.bench.CatalogCacheBench "$@"
