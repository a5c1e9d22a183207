#!/usr/bin/env bash
# The main job: the examples module's tests (the multi-tenant guide) and the Spring Boot example
# application's (examples/spring-boot) against a real Citus cluster.
# It runs them or fails: it uses the Citus image when present, pulls the pinned official tag when a
# registry answers, and otherwise exits non-zero saying what is missing. It never reports success over
# skipped examples.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup-docker.sh

pinned=$(sed -n 's/.*DEFAULT_IMAGE = "\([^"]*\)".*/\1/p' citus-testkit-core/src/main/java/io/citustestkit/CitusImage.java)
image="${CITUS_TESTKIT_IMAGE:-$pinned}"
if ! docker image inspect "$image" >/dev/null 2>&1; then
  echo "citus-testkit: $image is not present locally: pulling it"
  if ! docker pull "$image"; then
    echo "citus-testkit: the examples need a Citus image, and '$image' is neither present locally nor could it be" >&2
    echo "  pulled (see the error above). Pull or build a Citus image and name it: CITUS_TESTKIT_IMAGE=<image> $0" >&2
    exit 1
  fi
fi
export CITUS_TESTKIT_IMAGE="$image"
echo "citus-testkit: running the examples against $image"
exec mvn -B -ntp verify -pl examples,examples/spring-boot -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test='io.citustestkit.examples.*IT,io.citustestkit.examples.springboot.*IT' -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dcitus.testkit.it.require-image=true "$@"
