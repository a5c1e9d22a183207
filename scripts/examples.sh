#!/usr/bin/env bash
# The main job: the examples module's tests (the multi-tenant guide) against a real Citus cluster.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup-docker.sh
exec mvn -B -ntp verify -pl examples -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test='io.citustestkit.examples.**' -Dfailsafe.failIfNoSpecifiedTests=false "$@"
