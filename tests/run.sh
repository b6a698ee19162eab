#!/usr/bin/env bash
# The one test command (README and CI run exactly this): installs the tools the tests drive, then runs
# the unit tests of every module followed by the integration tests against real node processes, then
# the comparison benchmark in its short mode (tests/bench/compare.sh --short, about 2 minutes).
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

need_packages=()
command -v java >/dev/null || need_packages+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null || need_packages+=(maven)
command -v redis-cli >/dev/null || need_packages+=(redis-tools)
# tests/bench/compare.sh (run last) measures redis-server next to the nodes and counts fsyncs with strace.
command -v redis-server >/dev/null || need_packages+=(redis-server)
command -v strace >/dev/null || need_packages+=(strace)
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
mvn -B -ntp verify "$@"
# The benchmark asserts nothing about its figures; it runs here so that it cannot rot (it fails if a
# system does not start or a case gives no figure). Only on a whole run: arguments narrow the run
# (-pl node, -Dtest=..., -Dit.test=...), and whoever narrows it wants that part, not two more minutes.
if [ $# -eq 0 ]; then
  bash tests/bench/compare.sh --short
fi
