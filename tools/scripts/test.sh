#!/usr/bin/env bash
# npm test: the same preparation as the demo, then type check, lint (module boundaries) and every
# jest suite against the real PostgreSQL and Redis. Extra arguments go to jest.
source "$(dirname "$0")/lib.sh"
setup_all
log "type check (backend, console)"
npx tsc -p tsconfig.json --noEmit
npx tsc -p apps/console/tsconfig.json --noEmit
npx tsc -p apps/console/tsconfig.node.json --noEmit
log "lint (nx: the whole workspace, module boundaries)"
npx nx lint --skip-nx-cache
log "tests"
npx jest "$@"
