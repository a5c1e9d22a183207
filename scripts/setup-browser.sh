#!/usr/bin/env bash
# Makes sure a headless browser is there for StatementReportIT, which renders the statement report as a
# user sees it: installs Debian's chromium where none is found and this is root on Debian. Elsewhere it
# only says so; that test then fails with the same advice. Sourced by scripts/test.sh.

if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "citus-testkit: installing Debian's chromium (the statement report is checked in a headless browser)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "citus-testkit: no chromium found; StatementReportIT will fail until one is installed (e.g. apt-get install chromium)" >&2
  fi
fi
