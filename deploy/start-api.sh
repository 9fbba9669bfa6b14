#!/bin/sh
# Production start of the API: the JavaScript built by `npm run build:api` (no TypeScript compiler
# in the process, no source text kept for it), with V8's heap sized for an API container. `exec`
# makes node the process itself (PID 1 in a container), so SIGTERM reaches it and it drains.
#
#   sh deploy/start-api.sh                      # flags below
#   API_NODE_FLAGS='' sh deploy/start-api.sh    # V8 defaults
#
# The flags and the memory they give are measured in docs/benchmarks-api.md.
set -e
cd "$(dirname "$0")/.."
flags=${API_NODE_FLAGS-'--max-semi-space-size=32 --max-old-space-size=256'}
# shellcheck disable=SC2086 # one word per flag
exec node $flags dist/api/apps/api/src/main.js
