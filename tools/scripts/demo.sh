#!/usr/bin/env bash
# npm run demo: set up, load the demo data, run the worker and the API; Ctrl-C stops both.
source "$(dirname "$0")/lib.sh"
setup_all
log "demo data"
run_ts tools/demo-data/seed-demo.ts

export AUTH_MODE="${AUTH_MODE:-dev}"
pids=()
cleanup() { trap - INT TERM EXIT; kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup INT TERM EXIT

log "maildev (the local SMTP server notifications are sent to; its web page shows what was sent)"
export SMTP_PORT="${SMTP_PORT:-1025}" MAILDEV_WEB_PORT="${MAILDEV_WEB_PORT:-1080}"
node node_modules/maildev/bin/maildev --smtp "$SMTP_PORT" --web "$MAILDEV_WEB_PORT" --ip 127.0.0.1 --silent & pids+=($!)

log "worker"
node -r ./tools/register.cjs apps/worker/src/main.ts & pids+=($!)
log "api"
node -r ./tools/register.cjs apps/api/src/main.ts & pids+=($!)

for _ in $(seq 1 60); do curl -sf http://localhost:${PORT:-3000}/health >/dev/null 2>&1 && break; sleep 0.5; done

log "console (build, then serve on :5173 with /graphql and /auth proxied to the API)"
node node_modules/vite/bin/vite.js build --config apps/console/vite.config.mts --logLevel warn
node node_modules/vite/bin/vite.js preview --config apps/console/vite.config.mts --strictPort & pids+=($!)
for _ in $(seq 1 60); do curl -sf http://localhost:5173/ >/dev/null 2>&1 && break; sleep 0.5; done
run_ts tools/demo-data/print-demo-users.ts
echo "Sent e-mail (maildev): http://127.0.0.1:${MAILDEV_WEB_PORT}/"
wait -n "${pids[@]}"
