#!/usr/bin/env bash
# Order load, same machine, same load: first the bare baseline (Spring MVC + Axon CommandGateway +
# event-sourced aggregate on JdbcEventStorageEngine over an H2 file), then the engine
# (app/target/pantrade.jar on a fresh data directory). Prints both result blocks and engine/bare.
#
#   bench/run-order-load.sh                        # ORDERS=50000 CLIENTS=16
#   ORDERS=20000 CLIENTS=8 bench/run-order-load.sh
#
# Environment: ORDERS, CLIENTS, CUSTOMERS (1000), WARMUP (5000), TRANSPORT (socket|http),
# BUILD=1 to force a build, THREAD_DUMPS=N to take N engine thread dumps during its load,
# SERVER_HEAP (4g, both servers), SKIP_BARE=1 / SKIP_ENGINE=1, ENGINE_ARGS="--pantrade.h2.fsync=false ..." for engine options,
# ENGINE_JAVA_OPTS="-XX:MaxGCPauseMillis=10" for its JVM. Logs, outputs and dumps go to bench/target/order-load-<time>/.
# After each load it prints the server's CPU by thread (warm-up, load and read-model polling
# together) and the size of its data directory.
# Traffic goes to 127.0.0.1 only; every process started here is stopped on exit.
set -euo pipefail

ORDERS=${ORDERS:-50000}
CLIENTS=${CLIENTS:-16}
CUSTOMERS=${CUSTOMERS:-1000}
WARMUP=${WARMUP:-5000}

SCENARIO=order-load
source "$(dirname "${BASH_SOURCE[0]}")/load-lib.sh"

# run_load NAME PORT PATH : the load generator against 127.0.0.1:PORT
run_load() {
  local name=$1 port=$2 path=$3
  timeout $((LOAD_MAX_SECONDS + 300)) java -Xmx1g -jar "$WORK/bench.jar" load \
    --label "$name" --url "http://127.0.0.1:$port" --path "$path" \
    --orders "$ORDERS" --clients "$CLIENTS" --customers "$CUSTOMERS" --warmup "$WARMUP" \
    --transport "$TRANSPORT" --max-seconds "$LOAD_MAX_SECONDS"
}

figure() { awk -v key="$2" '$1 == key { print $2 }' "$OUT/$1.txt"; }
p99() { sed -n 's/.* p99 \([0-9.]*\) .*/\1/p' "$OUT/$1.txt"; }

build_if_needed
copy_jars
log "ORDERS=$ORDERS CLIENTS=$CLIENTS CUSTOMERS=$CUSTOMERS WARMUP=$WARMUP TRANSPORT=$TRANSPORT; output in $OUT"

if [[ ${SKIP_BARE:-0} != 1 ]]; then
  port=$(free_port)
  start_server bare "Bare baseline is ready" \
    java -Xmx"$SERVER_HEAP" -jar "$WORK/bench.jar" bare --server.port="$port" --server.address=127.0.0.1 --bare.data-dir="$WORK/bare-data"
  measure bare "$WORK/bare-data" run_load bare "$port" /bare/orders
  stop_server
fi

if [[ ${SKIP_ENGINE:-0} != 1 ]]; then
  port=$(free_port)
  start_engine "$port"
  start_thread_dumps
  measure engine "$WORK/engine-data" run_load engine "$port" /api/orders
  stop_thread_dumps
  stop_server
fi

if [[ -f $OUT/bare.txt && -f $OUT/engine.txt ]]; then
  awk -v e="$(figure engine throughput)" -v b="$(figure bare throughput)" -v ep="$(p99 engine)" -v bp="$(p99 bare)" 'BEGIN {
    printf "== engine / bare ==\nthroughput  %.2f  (%s vs %s orders/s)\np99         %.2f  (%s vs %s ms)\n", e / b, e, b, ep / bp, ep, bp }' \
    | tee "$OUT/ratio.txt"
fi
log "logs and results in $OUT"
