# Shared by setup.sh, demo.sh and test.sh. Idempotent: every step checks before it acts.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

export PGSUPERURL="${POSTGRES_SUPERUSER_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
export NX_DAEMON=false NX_NO_CLOUD=true NX_SKIP_NX_CACHE="${NX_SKIP_NX_CACHE:-false}"

log() { printf '\033[1;34m▸ %s\033[0m\n' "$*"; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=0
ensure_debian_packages() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "Debian packages: ${missing[*]}"
  if [ $apt_updated = 0 ]; then as_root apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

ensure_node_modules() {
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    # `npm install` against the committed lock file, not `npm ci`: this npm 11 writes lock files
    # with only this platform's optional native packages and then refuses them in `npm ci`.
    log "npm install (locked versions)"
    npm install --no-audit --no-fund --loglevel=error
  fi
}

ensure_postgres() {
  if ! pg_isready -q -h 127.0.0.1 -p 5432; then
    log "starting PostgreSQL"
    as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start
    for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
  fi
  pg_isready -q -h 127.0.0.1 -p 5432 || { echo "PostgreSQL does not answer on 127.0.0.1:5432" >&2; exit 1; }
}

ensure_redis() {
  if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
    log "starting Redis"
    redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no
    for _ in $(seq 1 30); do redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break; sleep 0.5; done
  fi
  redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null || { echo "Redis does not answer on 127.0.0.1:6379" >&2; exit 1; }
}

# Streaming replication from loopback, on the same terms as every other loopback connection of
# this server (its `host all all 127.0.0.1/32` rule's method): tools/db/read-replica.spec.ts
# makes a hot standby of it with pg_basebackup. wal_level=replica and max_wal_senders>0 are
# PostgreSQL's defaults; the server only reloads its pg_hba.conf (no restart).
ensure_postgres_replication() {
  local present method hba
  present=$(psql "$PGSUPERURL" -Atqc "select count(*) from pg_hba_file_rules where error is null and 'replication' = any(database) and ((type = 'host' and address = '127.0.0.1') or type = 'local')")
  [ "$present" != 0 ] && return 0
  method=$(psql "$PGSUPERURL" -Atqc "select auth_method from pg_hba_file_rules where error is null and type = 'host' and address = '127.0.0.1' and 'all' = any(database) and 'all' = any(user_name) order by line_number limit 1")
  hba=$(psql "$PGSUPERURL" -Atqc "show hba_file")
  [ -n "$method" ] || { echo "no 'host all all 127.0.0.1/32' rule in $hba to copy for replication" >&2; return 1; }
  log "PostgreSQL: replication connections from 127.0.0.1 ($method, $hba)"
  printf 'host replication all 127.0.0.1/32 %s\n' "$method" | as_root tee -a "$hba" >/dev/null
  psql "$PGSUPERURL" -Atqc "select pg_reload_conf()" >/dev/null
}

ensure_database() {
  log "database roles and database"
  psql "$PGSUPERURL" -v ON_ERROR_STOP=1 -q -f infra/postgres/01-roles.sql -f infra/postgres/02-database.sql
}

run_ts() { node -r ./tools/register.cjs "$@"; }

setup_all() {
  command -v pg_isready >/dev/null && command -v redis-cli >/dev/null || ensure_debian_packages postgresql-client redis-tools
  # Browser tests drive Debian's Chromium (never a downloaded browser); pdftotext/pdftoppm for reports.
  ensure_debian_packages chromium fonts-roboto-unhinted fonts-dejavu-core poppler-utils
  ensure_node_modules
  ensure_postgres
  ensure_postgres_replication
  ensure_redis
  ensure_database
  run_ts tools/dev-token/ensure-dev-identity-keys.ts .local/dev-identity
  log "migrations"
  run_ts tools/db/migrate.ts
}
