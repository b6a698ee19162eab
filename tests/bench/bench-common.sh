# Shared by the scripts in tests/bench (sourced, not run): tools, ports and the shard leader.
# Every benchmark starts its own local cluster (deploy/local-cluster.sh, fixed ports 7001-7003,
# 7101-7103, 7201-7203, 7301-7303) and its own redis-server on a free port, and leaves nothing running.

install_redis_if_missing() {
  if ! command -v redis-server >/dev/null || ! command -v redis-benchmark >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server redis-tools >/dev/null
  fi
}

port_busy() { [ -n "$(ss -ltnH "sport = :$1" 2>/dev/null)" ]; }

# The local cluster's ports are fixed, and another cluster on this machine may hold them: wait (up to
# $1 seconds) rather than start nodes that would fail to bind, or talk to someone else's nodes.
wait_for_cluster_ports() {
  local timeout="$1" deadline=$((SECONDS + $1)) busy told=""
  while :; do
    busy=""
    for base in 7000 7100 7200 7300; do
      for i in 1 2 3; do port_busy $((base + i)) && busy="$busy $((base + i))"; done
    done
    [ -z "$busy" ] && return 0
    if [ $SECONDS -ge $deadline ]; then
      echo "ports still in use after ${timeout}s:$busy (another local cluster?)" >&2
      return 1
    fi
    [ -n "$told" ] || { echo "waiting for ports$busy to be free ..." >&2; told=1; }
    sleep 5
  done
}

free_port() { # first free port in [$1, $2]
  local port
  for port in $(seq "$1" "$2"); do
    port_busy "$port" || { echo "$port"; return 0; }
  done
  echo "no free port in $1-$2" >&2
  return 1
}

# True when the node on RESP port $1 leads the shard (INFO replication says role:master). The reply
# is captured rather than piped into grep -q, which under pipefail could fail on redis-cli's SIGPIPE.
is_leader() {
  local replication
  replication="$(redis-cli -p "$1" info replication 2>/dev/null)" || return 1
  [[ "$replication" == *"role:master"* ]]
}

# Prints the RESP port of the node whose replica leads the shard.
find_leader_port() {
  local attempt i
  for attempt in $(seq 1 50); do
    for i in 1 2 3; do
      if is_leader $((7000 + i)); then
        echo $((7000 + i)); return 0
      fi
    done
    sleep 0.2
  done
  echo "no leader found" >&2
  return 1
}

start_redis() { # port dir: a redis-server without persistence; sets REDIS_PID
  redis-server --port "$1" --bind 127.0.0.1 --dir "$2" --save '' --appendonly no --daemonize no >/dev/null 2>&1 &
  REDIS_PID=$!
  local attempt
  for attempt in $(seq 1 50); do
    redis-cli -p "$1" ping >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "redis-server did not start on port $1" >&2
  return 1
}

bench_workspace() { # prefix: a temp dir in $DATA and $CLUSTER set; the cluster and redis-server stop, the dir goes, on exit
  DATA="$(mktemp -d "/tmp/$1.XXXXXX")"
  CLUSTER="$REPO/deploy/local-cluster.sh"
  trap bench_cleanup EXIT INT TERM
}

bench_cleanup() {
  "$CLUSTER" stop --data-dir "$DATA/cluster" >/dev/null 2>&1 || true
  [ -n "${REDIS_PID:-}" ] && kill "$REDIS_PID" 2>/dev/null || true
  rm -rf "$DATA"
}
