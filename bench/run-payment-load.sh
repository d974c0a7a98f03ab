#!/usr/bin/env bash
# Payment load: authorize + capture pairs against the engine (app/target/pantrade.jar on a fresh data
# directory), every POST signed with an Ed25519 key made for this run only.
#
#   bench/run-payment-load.sh                      # PAIRS=20000 CLIENTS=16
#   PAIRS=2000 WARMUP=500 CLIENTS=8 bench/run-payment-load.sh
#
# Environment: PAIRS, CLIENTS, WARMUP (5000), TRANSPORT (socket|http), RETRY_PAUSE_MS (2) between
# capture attempts while the authorization is pending, BUILD=1 to force a build,
# THREAD_DUMPS=N to take N engine thread dumps during the load, ENGINE_ARGS="--pantrade.h2.fsync=false ..."
# for engine options (the simulated provider answers at once, answer-delay PT0S, unless they set
# --pantrade.payments.simulated-provider.answer-delay), ENGINE_JAVA_OPTS="-XX:MaxGCPauseMillis=10"
# for its JVM. Logs and outputs go to bench/target/payment-load-<time>/; after the load it prints
# the engine's CPU by thread (warm-up and load together) and the size of its data directory.
# The private key lives in the run's temporary directory (owner-only) and is deleted on exit.
# Traffic goes to 127.0.0.1 only; every process started here is stopped on exit.
set -euo pipefail

PAIRS=${PAIRS:-20000}
CLIENTS=${CLIENTS:-16}
WARMUP=${WARMUP:-5000}
RETRY_PAUSE_MS=${RETRY_PAUSE_MS:-2}
CLIENT_ID=bench-client

SCENARIO=payment-load
source "$(dirname "${BASH_SOURCE[0]}")/load-lib.sh"

run_load() {
  signed_load "$1" payment-load --pairs "$PAIRS" --clients "$CLIENTS" --warmup "$WARMUP" --retry-pause-ms "$RETRY_PAUSE_MS"
}

build_if_needed
copy_jars
log "PAIRS=$PAIRS CLIENTS=$CLIENTS WARMUP=$WARMUP RETRY_PAUSE_MS=$RETRY_PAUSE_MS TRANSPORT=$TRANSPORT; output in $OUT"

measure_signed_load run_load
log "logs and results in $OUT"
