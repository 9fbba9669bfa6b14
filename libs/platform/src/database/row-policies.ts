import type { QueryRunner } from 'typeorm';
import { lookupTable } from '@nastavnik/contracts/lookup';
import { DB_ROLES } from './db-roles';

/*
 * A table's row-level policies, declared by KIND in the migrations of the lib that owns the table
 * (docs/adr/0002). `declareRowPolicies` replaces every policy of the table with the declared ones,
 * so the lib's latest declaration of a table IS its policies: nothing rewrites them by text
 * afterwards. A declaration the helper cannot honour (an unknown kind, a missing column, a scope
 * function read per row, a name Postgres would truncate) throws, and the migration's transaction
 * leaves the table as it was; it never silently does nothing.
 *
 * Every scope function is read through a sub-select, `(select app.scope_…())`: an init plan,
 * evaluated once per statement, and still an index condition (platform migration 1795300910000).
 */

/** The scope phrases the kinds are made of; custom policies of a lib may use them too. */
export const ROW_SCOPE = {
  /** A curator's own organisation: NULL (no rows) for anyone but a curator (docs/adr/0010). */
  curatorTenantId: `(select app.scope_curator_tenant_id())`,
  /** A region analyst's or a ministry official's path: NULL for anyone else. */
  readerPath: `(select app.scope_reader_path())`,
  /** The federal scope (`app.all_tenants`). */
  all: `(select app.scope_all())`,
  /** True only in a transaction of a platform admin that runs as the admin's role (platform migration 1795300930000). */
  platformAdmin: `(select app.scope_role()) = 'platform-admin'`,
  /** Any scope at all: every signed-in role, and a questionnaire link's respondent. */
  anyScope: `(select app.scope_role()) is not null`,
} as const;

export type PolicyCommand = 'all' | 'select' | 'insert' | 'update' | 'delete';
/** Whom a policy applies to: everyone (`public`, the expression decides) or roles of DB_ROLES. */
export type PolicyRole = 'public' | 'app' | 'platformAdmin' | 'indicators';

/**
 * The kinds. `name` is the policy's name after `<table>_`; each kind has a default, given only to
 * keep a name an earlier migration chose (a `down()` restoring it).
 */
export type RowPolicy =
  /**
   * Personal data: a curator's own school's rows (`tenant_id = (select app.scope_curator_tenant_id())`,
   * `<table>_curator`) and, beside it, the platform admin's policy for the admin's database role
   * (`<table>_platform_admin`): together a curator's school or, for the platform admin, every row
   * (docs/adr/0010). Needs `tenant_id`.
   */
  | { kind: 'curator-own'; for?: PolicyCommand; to?: readonly PolicyRole[]; name?: string; adminName?: string }
  /**
   * Aggregates and the tenant tree, read only: the federal scope every row, a region analyst or
   * ministry official the rows whose path lies under theirs, a curator their own organisation's
   * (`<table>_read`). Needs the tenant column (`tenant_id`; `id` on the tree itself) and an
   * ltree path column (`tenant_path`; `path` on the tree).
   */
  | { kind: 'reader-subtree'; tenantColumn?: string; pathColumn?: string; to?: readonly PolicyRole[]; name?: string }
  /** Reference data: anyone with a scope reads every row (`<table>_read`). */
  | { kind: 'any-scope-read'; name?: string }
  /** The platform admin only, through the admin's database role, reads and writes every row (`<table>_admin_write`). */
  | { kind: 'admin'; name?: string }
  /** The indicator engine's role (docs/adr/0006) reads, or reads and writes, every row (`<table>_engine`). */
  | { kind: 'indicator-engine'; for?: 'all' | 'select'; name?: string }
  /**
   * A rule of the owning lib that no kind expresses (a questionnaire link's respondent, who may
   * request a report …), written out in that lib's migration. `why` says whom it admits; it is the
   * policy's comment in the catalog.
   */
  | { kind: 'custom'; name: string; why: string; for: PolicyCommand; to?: readonly PolicyRole[]; using?: string; check?: string };

export type RowPolicyKind = RowPolicy['kind'];

/** One table's complete set of policies. */
export type TablePolicies = { table: string; policies: readonly RowPolicy[] };

export function rowPolicies(table: string, ...policies: RowPolicy[]): TablePolicies {
  return { table, policies };
}

/** A column of the table, as the catalog has it. */
export type TableColumn = { name: string; type: string; notNull: boolean };

/** One `create policy`, before it is written as SQL. */
export type PolicyStatement = { name: string; kind: RowPolicyKind; for: PolicyCommand; to: readonly PolicyRole[]; using: string | null; check: string | null; comment: string };

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
/** Postgres truncates longer names silently; two policies would then collide, or a name would not be the declared one. */
const MAX_NAME_BYTES = 63;
const COMMANDS: readonly PolicyCommand[] = ['all', 'select', 'insert', 'update', 'delete'];
const ROLE_NAMES = lookupTable<string>({ public: 'public', app: DB_ROLES.app, platformAdmin: DB_ROLES.platformAdmin, indicators: DB_ROLES.indicators });
const SCOPE_CALL = /app\.scope_[a-z_]+\s*\(\s*\)/gi;
const SCOPE_CALL_ONCE = /\(\s*select\s+app\.scope_[a-z_]+\s*\(\s*\)\s*\)/gi;
const RANGE_FUNCTIONS = /app\.scope_tenant_(low|high)\b/i;

type Builder = (table: string, policy: RowPolicy, columns: ReadonlyMap<string, TableColumn>) => PolicyStatement[];

const KINDS: ReadonlyMap<string, Builder> = lookupTable<Builder>({
  'curator-own': (table, policy, columns) => {
    const p = policy as Extract<RowPolicy, { kind: 'curator-own' }>;
    requireColumn(table, p.kind, columns, 'tenant_id', 'uuid');
    const command = p.for ?? 'all';
    const curator = `tenant_id = ${ROW_SCOPE.curatorTenantId}`;
    return [
      statement(table, p.kind, p.name ?? 'curator', command, p.to ?? ['public'], curator, curator, `curator-own: a curator's own school's rows`),
      statement(table, p.kind, p.adminName ?? 'platform_admin', command, ['platformAdmin'], ROW_SCOPE.platformAdmin, ROW_SCOPE.platformAdmin, `curator-own: the platform admin's rows beside the curator's`),
    ];
  },
  'reader-subtree': (table, policy, columns) => {
    const p = policy as Extract<RowPolicy, { kind: 'reader-subtree' }>;
    const tenant = p.tenantColumn ?? 'tenant_id';
    const path = p.pathColumn ?? 'tenant_path';
    requireColumn(table, p.kind, columns, tenant, 'uuid');
    requireColumn(table, p.kind, columns, path, 'ltree');
    const readers = `${ROW_SCOPE.all} or ${tenant} = ${ROW_SCOPE.curatorTenantId} or ${path} <@ ${ROW_SCOPE.readerPath}`;
    return [statement(table, p.kind, p.name ?? 'read', 'select', p.to ?? ['public'], readers, null, 'reader-subtree: the federal scope all rows, a reader the rows under their path, a curator their own')];
  },
  'any-scope-read': (table, policy) => [statement(table, policy.kind, policy.name ?? 'read', 'select', ['public'], ROW_SCOPE.anyScope, null, 'any-scope-read: reference data, read by anyone with a scope')],
  admin: (table, policy) => [
    statement(table, policy.kind, policy.name ?? 'admin_write', 'all', ['platformAdmin'], ROW_SCOPE.platformAdmin, ROW_SCOPE.platformAdmin, 'admin: the platform admin only'),
  ],
  'indicator-engine': (table, policy) => {
    const p = policy as Extract<RowPolicy, { kind: 'indicator-engine' }>;
    const command = p.for ?? 'all';
    return [statement(table, p.kind, p.name ?? 'engine', command, ['indicators'], 'true', 'true', `indicator-engine: the indicator engine's role, every row`)];
  },
  custom: (table, policy) => {
    const p = policy as Extract<RowPolicy, { kind: 'custom' }>;
    if (typeof p.name !== 'string' || !p.name) throw new RowPolicyError(table, 'a custom policy needs a name');
    if (!p.why?.trim()) throw new RowPolicyError(table, `custom policy "${p.name}" says nothing in \`why\` about whom it admits`);
    for (const expression of [p.using, p.check]) if (expression !== undefined) checkExpression(table, p.name, expression);
    return [statement(table, p.kind, p.name, p.for, p.to ?? ['public'], p.using ?? null, p.check ?? null, `custom: ${p.why.trim()}`)];
  },
});

/** The declaration of a table could not be honoured; nothing of it was applied (the migration rolls back). */
export class RowPolicyError extends Error {
  constructor(table: string, problem: string) {
    super(`row policies of "${table}": ${problem}`);
    this.name = 'RowPolicyError';
  }
}

/**
 * The policies a declaration stands for, given the table's columns. Throws on an unknown kind, a
 * column the kind needs and the table lacks, a scope function read per row, a duplicate or
 * over-long name, and on an empty declaration (a forced table without policies has no rows).
 */
export function planRowPolicies(declaration: TablePolicies, columns: readonly TableColumn[]): PolicyStatement[] {
  const { table, policies } = declaration;
  if (!IDENTIFIER.test(table)) throw new RowPolicyError(table, 'not a plain table name');
  if (policies.length === 0) throw new RowPolicyError(table, 'no policies declared: under forced row-level security that is no rows for anyone; declare at least one');
  const byName = new Map(columns.map((c) => [c.name, c]));
  const planned = policies.flatMap((policy) => {
    const kind: unknown = (policy as { kind?: unknown }).kind;
    const build = typeof kind === 'string' ? KINDS.get(kind) : undefined;
    if (!build) throw new RowPolicyError(table, `unknown policy kind ${JSON.stringify(kind)}; the kinds are ${[...KINDS.keys()].join(', ')}`);
    return build(table, policy, byName);
  });
  const seen = new Set<string>();
  for (const p of planned) {
    if (seen.has(p.name)) throw new RowPolicyError(table, `two policies named "${p.name}"`);
    seen.add(p.name);
  }
  return planned;
}

/** The SQL of one planned policy. */
function policySql(table: string, p: PolicyStatement): string {
  const to = p.to.map((role) => ROLE_NAMES.get(role)).join(', ');
  return `create policy ${p.name} on ${table} as permissive for ${p.for} to ${to}` + (p.using === null ? '' : ` using (${p.using})`) + (p.check === null ? '' : ` with check (${p.check})`);
}

/**
 * Makes the declared policies the table's only ones: enables and forces row-level security, drops
 * every policy the table has (whoever created it), creates the declared ones and comments each
 * with its kind. Run it in `up()` with the table's new declaration and in `down()` with the one it
 * replaces. Several tables: one call, in order.
 */
export async function declareRowPolicies(q: QueryRunner, ...declarations: TablePolicies[]): Promise<void> {
  for (const declaration of declarations) {
    const { table } = declaration;
    const [relation]: { kind: string }[] = await q.query(
      `select c.relkind as kind from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relname = $1`,
      [table],
    );
    if (!relation) throw new RowPolicyError(table, 'no such table in the public schema');
    if (relation.kind !== 'r' && relation.kind !== 'p') throw new RowPolicyError(table, `not a table (relkind ${relation.kind}): policies apply to tables only`);
    const columns: TableColumn[] = await q.query(
      `select a.attname as name, format_type(a.atttypid, null) as type, a.attnotnull as "notNull"
         from pg_attribute a where a.attrelid = $1::regclass and a.attnum > 0 and not a.attisdropped`,
      [`public.${table}`],
    );
    const planned = planRowPolicies(declaration, columns);

    await q.query(`alter table ${table} enable row level security`);
    await q.query(`alter table ${table} force row level security`);
    const existing: { name: string }[] = await q.query(`select polname as name from pg_policy where polrelid = $1::regclass`, [`public.${table}`]);
    for (const { name } of existing) await q.query(`drop policy ${quoteIdentifier(name)} on ${table}`);
    for (const p of planned) {
      await q.query(policySql(table, p));
      await q.query(`comment on policy ${p.name} on ${table} is ${quoteLiteral(p.comment)}`);
    }
    const [{ n }]: { n: number }[] = await q.query(`select count(*)::int as n from pg_policy where polrelid = $1::regclass`, [`public.${table}`]);
    if (n !== planned.length) throw new RowPolicyError(table, `${planned.length} policies declared, ${n} in the catalog`);
  }
}

function statement(
  table: string,
  kind: RowPolicyKind,
  suffix: string,
  command: PolicyCommand,
  to: readonly PolicyRole[],
  using: string | null,
  check: string | null,
  comment: string,
): PolicyStatement {
  if (!COMMANDS.includes(command)) throw new RowPolicyError(table, `${kind}: unknown command ${JSON.stringify(command)}; the commands are ${COMMANDS.join(', ')}`);
  if (to.length === 0) throw new RowPolicyError(table, `${kind}: a policy for no role`);
  for (const role of to) if (!ROLE_NAMES.has(role)) throw new RowPolicyError(table, `${kind}: unknown role ${JSON.stringify(role)}; the roles are ${[...ROLE_NAMES.keys()].join(', ')}`);
  if (to.includes('public') && to.length > 1) throw new RowPolicyError(table, `${kind}: "public" is every role already`);
  const name = `${table}_${suffix}`;
  if (!IDENTIFIER.test(suffix)) throw new RowPolicyError(table, `${kind}: policy name "${name}" is not a plain identifier`);
  if (Buffer.byteLength(name) > MAX_NAME_BYTES) throw new RowPolicyError(table, `${kind}: policy name "${name}" is longer than ${MAX_NAME_BYTES} bytes (Postgres would truncate it)`);
  // What each command evaluates: SELECT and DELETE only USING, INSERT only WITH CHECK.
  const usingApplies = command !== 'insert';
  const checkApplies = command !== 'select' && command !== 'delete';
  const u = usingApplies ? using : null;
  const c = checkApplies ? check : null;
  if (usingApplies && u === null) throw new RowPolicyError(table, `${kind} policy "${name}" for ${command} needs a using expression`);
  if (command === 'insert' && c === null) throw new RowPolicyError(table, `${kind} policy "${name}" for insert needs a with check expression`);
  if (!usingApplies && using !== null && kind === 'custom') throw new RowPolicyError(table, `custom policy "${name}" for insert: a using expression would never be evaluated`);
  if (!checkApplies && check !== null && kind === 'custom') throw new RowPolicyError(table, `custom policy "${name}" for ${command}: a with check expression would never be evaluated`);
  return { name, kind, for: command, to, using: u, check: c, comment };
}

function requireColumn(table: string, kind: RowPolicyKind, columns: ReadonlyMap<string, TableColumn>, column: string, type: string): void {
  if (!IDENTIFIER.test(column)) throw new RowPolicyError(table, `kind ${kind}: "${column}" is not a plain column name`);
  const found = columns.get(column);
  if (!found) throw new RowPolicyError(table, `kind ${kind} needs a column "${column}" and the table has none`);
  if (found.type !== type) throw new RowPolicyError(table, `kind ${kind} needs "${column}" of type ${type}, the table's is ${found.type}`);
}

/** A scope function outside a sub-select runs per row (and is planned per statement): refused. */
function checkExpression(table: string, name: string, expression: string): void {
  const bare = expression.replace(SCOPE_CALL_ONCE, '').match(SCOPE_CALL);
  if (bare) throw new RowPolicyError(table, `custom policy "${name}" calls ${bare[0]} per row; read it once per statement as (select ${bare[0]})`);
  if (RANGE_FUNCTIONS.test(expression)) throw new RowPolicyError(table, `custom policy "${name}" uses the removed tenant range (docs/adr/0010); a curator's rows are tenant_id = ${ROW_SCOPE.curatorTenantId}`);
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function quoteLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
