#!/usr/bin/env bash
# The test suite: unit tests, and integration tests against a real Citus cluster when an image is present.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup-docker.sh
exec mvn -B -ntp verify "$@"
