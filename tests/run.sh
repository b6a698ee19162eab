#!/usr/bin/env bash
# The one test command (README and CI run exactly this): installs the tools the tests drive, then runs
# the unit tests of every module followed by the integration tests against real node processes.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

need_packages=()
command -v java >/dev/null || need_packages+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null || need_packages+=(maven)
command -v redis-cli >/dev/null || need_packages+=(redis-tools)
# NemesisIT cuts links between nodes with nftables (and needs root for it and for cgroups).
command -v nft >/dev/null || need_packages+=(nftables)
if [ ${#need_packages[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "tests/run.sh: please install: ${need_packages[*]} (or run as root to have it done)" >&2
    exit 2
  fi
  echo "Installing ${need_packages[*]} ..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_packages[@]}" >/dev/null
fi

cd "$REPO"
exec mvn -B -ntp verify "$@"
