#!/usr/bin/env bash
# npm test: the same preparation as the demo, then type check, lint (module boundaries) and every
# jest suite against the real PostgreSQL and Redis. Extra arguments go to jest.
source "$(dirname "$0")/lib.sh"
setup_all
log "type check"
npx tsc -p tsconfig.json --noEmit
log "lint (nx)"
npx nx lint --skip-nx-cache
log "tests"
npx jest "$@"
