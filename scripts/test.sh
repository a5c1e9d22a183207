#!/usr/bin/env bash
# The test suite: unit tests, and integration tests against a real Citus cluster when an image is present.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup-docker.sh
. scripts/setup-browser.sh

# Integration tests use CITUS_TESTKIT_IMAGE when it is present locally, and are skipped otherwise.
if [ -n "${CITUS_TESTKIT_IMAGE:-}" ]; then
  if docker image inspect "$CITUS_TESTKIT_IMAGE" >/dev/null 2>&1; then
    echo "citus-testkit: integration tests use $CITUS_TESTKIT_IMAGE"
  else
    echo "citus-testkit: $CITUS_TESTKIT_IMAGE is not present locally: integration tests will be skipped"
  fi
fi

exec mvn -B -ntp verify "$@"
