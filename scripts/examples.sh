#!/usr/bin/env bash
# The main job: the examples module's tests (the multi-tenant guide) against a real Citus cluster.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup-docker.sh
exec mvn -B -ntp verify -pl examples -am -Dsurefire.failIfNoSpecifiedTests=false -Dtest='io.citustestkit.examples.**' -Dit.test='io.citustestkit.examples.**' "$@"
