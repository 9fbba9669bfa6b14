#!/bin/sh
# Production start of the worker: the JavaScript built by `npm run build:worker` (no TypeScript
# compiler in the process), with V8's heap sized for a worker container. `exec` makes node the
# process itself (PID 1 in a container), so SIGTERM reaches it and the active job finishes.
#
#   sh deploy/start-worker.sh                      # flags below
#   WORKER_NODE_FLAGS='' sh deploy/start-worker.sh # V8 defaults
#
# The flags and the memory they give are measured in docs/benchmarks-reports.md.
set -e
cd "$(dirname "$0")/.."
flags=${WORKER_NODE_FLAGS-'--max-semi-space-size=8 --heap-growing-percent=50 --max-old-space-size=384'}
# shellcheck disable=SC2086 # one word per flag
exec node $flags dist/worker/apps/worker/src/main.js
