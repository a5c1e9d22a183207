#!/usr/bin/env bash
# Makes sure a Docker engine answers, installing and starting Debian's docker.io where none does,
# and sets the two Testcontainers settings that only a machine without registry access (or running
# inside a container) needs. Sourced by scripts/test.sh and scripts/examples.sh.

docker_answers() { docker info >/dev/null 2>&1; }

if ! docker_answers; then
  if ! command -v dockerd >/dev/null 2>&1; then
    if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
      echo "citus-testkit: no Docker engine answers; install and start Docker, then run again." >&2
      return 1 2>/dev/null || exit 1
    fi
    echo "citus-testkit: installing Debian's docker.io"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io >/dev/null
  fi
  if ! docker_answers && [ "$(id -u)" -eq 0 ]; then
    echo "citus-testkit: starting dockerd"
    nohup dockerd >/tmp/citus-testkit-dockerd.log 2>&1 &
    for _ in $(seq 1 60); do docker_answers && break; sleep 1; done
  fi
  if ! docker_answers; then
    echo "citus-testkit: dockerd did not answer within 60 s; see /tmp/citus-testkit-dockerd.log" >&2
    return 1 2>/dev/null || exit 1
  fi
fi

# Inside a container Testcontainers pulls alpine to find the gateway; point it at localhost instead.
if [ -f /.dockerenv ] && [ -z "${TESTCONTAINERS_HOST_OVERRIDE:-}" ]; then
  export TESTCONTAINERS_HOST_OVERRIDE=localhost
  echo "citus-testkit: running inside a container: TESTCONTAINERS_HOST_OVERRIDE=localhost"
fi

# Ryuk (Testcontainers' reaper) needs its image; without a registry it cannot be had. citus-testkit's
# own shutdown hook still removes everything it starts.
RYUK_IMAGE="testcontainers/ryuk:0.14.0"
if [ -z "${TESTCONTAINERS_RYUK_DISABLED:-}" ] && ! docker image inspect "$RYUK_IMAGE" >/dev/null 2>&1 \
   && ! timeout 60 docker pull -q "$RYUK_IMAGE" >/dev/null 2>&1; then
  export TESTCONTAINERS_RYUK_DISABLED=true
  echo "citus-testkit: $RYUK_IMAGE cannot be pulled here: TESTCONTAINERS_RYUK_DISABLED=true"
fi
