#!/usr/bin/env bash
# The benchmark: start-up, shared cluster, reset and assertion timings, printed as a table with ratios.
# Usage: scripts/benchmark.sh [-Dbench.rounds=3]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup-docker.sh
mvn -B -q -ntp install -DskipTests -pl citus-testkit-benchmarks -am
exec mvn -B -q -ntp exec:java -pl citus-testkit-benchmarks "$@"
