# Shared by the scripts in tests/bench (sourced, not run; the caller sets REPO): tools, ports, the
# shard leader, and three-node clusters on free ports. A benchmark starts either the local cluster
# (deploy/local-cluster.sh, fixed ports 7001-7003, 7101-7103, 7201-7203, 7301-7303) or its own nodes
# on free ports (start_nodes), and its own redis-server on a free port, and leaves nothing running.

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

# A redis-server without persistence, unless OPTIONS say otherwise (redis-server applies its
# arguments in order, so "--appendonly yes" after the defaults wins); sets REDIS_PID.
start_redis() { # port dir [redis-server options...]
  redis-server --port "$1" --bind 127.0.0.1 --dir "$2" --save '' --appendonly no --daemonize no "${@:3}" \
    >"$2/redis-server.log" 2>&1 &
  REDIS_PID=$!
  local _
  for _ in $(seq 1 50); do
    redis-cli -p "$1" ping >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "redis-server did not start on port $1; its log:" >&2
  cat "$2/redis-server.log" >&2
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

# --- Three node processes on free ports, started and stopped by pid ---------------------------------
# start_nodes records every JVM it starts in NODE_PIDS; stop_nodes kills exactly those, so a benchmark
# never signals a node it did not start (another engineer's cluster, the local cluster).
NODE_PIDS=()

# A base B such that B+1..3 (RESP), B+101..103 (gRPC), B+201..203 (Raft), B+301..303 (HTTP) are free.
free_base() {
  local base offset free
  for base in $(seq 17000 400 30000); do
    free=1
    for offset in 1 2 3 101 102 103 201 202 203 301 302 303; do
      if port_busy $((base + offset)); then free=0; break; fi
    done
    [ "$free" = 1 ] && { echo "$base"; return 0; }
  done
  echo "no free ports" >&2; return 1
}

http_get() { # port path: the whole response, headers first
  exec 3<>"/dev/tcp/127.0.0.1/$1" || return 1
  printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$2" >&3
  cat <&3
  exec 3<&-
}

# True when the node's HTTP port $1 answers /health with 200. The response is captured, not piped into
# head and grep -q: under pipefail their early exit could fail the check with SIGPIPE.
is_healthy() {
  local response
  response="$(http_get "$1" /health 2>/dev/null)" || return 1
  [[ "${response%%$'\n'*}" == *" 200"* ]]
}

# Starts three nodes with SHARDS shards at BASE, data under DIR/n1..n3 (DIR must be a fresh temp dir,
# never a user's data), and waits until every node serves and, with several shards, until each leads
# its share (leader balancing): measured before that, one node would do all the work.
start_nodes() { # dir shards base
  local dir="$1" shards="$2" base="$3" members="" i deadline led
  for i in 1 2 3; do
    members="${members:+$members,}n$i@127.0.0.1:$((base + i)):$((base + 100 + i)):$((base + 200 + i)):$((base + 300 + i))"
  done
  for i in 1 2 3; do
    mkdir -p "$dir/n$i"
    # The launch scripts' JVM settings and heap (deploy/jvm.options, local-cluster.sh's default 1g).
    # shellcheck disable=SC2086
    java @"$REPO/deploy/jvm.options" -Xms1g -Xmx1g ${SLOTRAFT_JAVA_OPTS:-} \
      -Dlogging.path="$dir/n$i/logs" -jar "$REPO/node/target/slotraft-node.jar" --name "n$i" --members "$members" \
      --data-dir "$dir/n$i" --shards "$shards" >>"$dir/n$i/node.log" 2>&1 </dev/null &
    NODE_PIDS+=($!)
  done
  deadline=$((SECONDS + 120))
  for i in 1 2 3; do
    until is_healthy $((base + 300 + i)); do
      [ $SECONDS -lt $deadline ] || { echo "n$i ($dir) not serving after 120 s; its log:" >&2; tail -n 20 "$dir/n$i/node.log" >&2; return 1; }
      sleep 0.3
    done
  done
  if [ "$shards" -eq 1 ]; then
    until [ -n "$(leader_port "$base")" ]; do
      [ $SECONDS -lt $deadline ] || { echo "$dir: no leader after 120 s" >&2; return 1; }
      sleep 0.3
    done
    return 0
  fi
  for i in 1 2 3; do
    until led="$(http_get $((base + 300 + i)) /status 2>/dev/null | grep -o '"role":"leader"' | wc -l)" &&
          [ "$led" -ge $((shards / 3)) ]; do
      [ $SECONDS -lt $deadline ] || { echo "$dir: leaders not even after 120 s" >&2; return 1; }
      sleep 0.3
    done
  done
}

leader_port() { # base: the RESP port of the node leading the (first) shard, or nothing
  local i
  for i in 1 2 3; do
    if is_leader $(($1 + i)); then echo $(($1 + i)); return 0; fi
  done
}

stop_nodes() {
  local pid
  for pid in "${NODE_PIDS[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  for pid in "${NODE_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  NODE_PIDS=()
}

# One reactor run: the node jar, the client and the benchmark classes compiled from this checkout
# (never stale copies from ~/.m2), and the test classpath written to FILE. Sets BENCH_CP to the
# classpath that runs io.slotraft.tests.bench.* classes.
build_bench_classpath() { # file
  (cd "$REPO" && mvn -B -ntp -q package -DskipTests -pl tests -am dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$1" >/dev/null)
  BENCH_CP="$REPO/tests/target/test-classes:$REPO/client/target/classes:$REPO/proto/target/classes:$(cat "$1")"
}
