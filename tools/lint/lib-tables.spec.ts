import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import type { ReadModel } from '@nastavnik/platform/database/read-model';
import { DB_ROLES } from '@nastavnik/platform/database/db-roles';
import { readTestEnv } from '@nastavnik/testing/test-env';
import { describeFinding, libNames, relationOwners, sourceViolations } from './lib-tables';

const root = join(__dirname, '..', '..');

/** Each lib's `READ_MODELS` (libs/<lib>/src/read-models.ts), or undefined when it has no such file. */
function readModelsOf(lib: string): readonly ReadModel[] | undefined {
  const file = join(root, 'libs', lib, 'src', 'read-models.ts');
  return existsSync(file) ? (require(file) as { READ_MODELS: readonly ReadModel[] }).READ_MODELS : undefined;
}

/**
 * The rule of the house in SQL (docs/adr/0004): a lib's SQL names only its own tables; what others
 * may read it publishes as read models — views in its own migrations, listed in its
 * `read-models.ts`. Owners come from the migrations (a table: the lib whose migration creates it;
 * a view: the lib whose migration last creates or replaces it); the views' current definitions,
 * options and grants from the migrated test database.
 */
describe("lint: a lib's SQL names only its own tables and others' read models", () => {
  const { relations, problems } = relationOwners(root);
  const libs = libNames(root);
  const readModels = new Map(libs.flatMap((lib) => {
    const models = readModelsOf(lib);
    return models ? [[lib, models] as const] : [];
  }));
  /** read model → the lib that publishes it */
  const published = new Map([...readModels].flatMap(([lib, models]) => models.map((m) => [m.name, lib] as const)));
  let client: Client;

  beforeAll(async () => {
    client = new Client({ connectionString: readTestEnv().ownerUrl });
    await client.connect();
  });
  afterAll(() => client.end());

  it('every relation of the migrated database has one owning lib, read from the migrations', async () => {
    expect(problems).toEqual([]);
    const { rows } = await client.query<{ name: string }>(`
      select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'f') and c.relname <> 'schema_migrations'
         and not c.relispartition -- a partition belongs to its parent's lib (the access journal's months, docs/adr/0023)
       order by 1`);
    expect(rows.length).toBeGreaterThan(20);
    // A relation missing here was created under a name the parser cannot read (e.g. `create view ${name}`).
    expect(rows.map((r) => r.name).filter((name) => !relations.has(name))).toEqual([]);
  });

  it('every lib that owns relations declares its read models (READ_MODELS in libs/<lib>/src/read-models.ts), each with a one-line doc', () => {
    const owning = [...new Set([...relations.values()].map((r) => r.lib))].sort();
    expect(owning.filter((lib) => !readModels.has(lib))).toEqual([]);
    const entries = [...readModels.values()].flat();
    expect(entries.filter((m) => !/^\S.*\S$/.test(m.doc) || m.doc.includes('\n')).map((m) => m.name)).toEqual([]);
    expect(entries.map((m) => m.name).filter((name, i, all) => all.indexOf(name) !== i)).toEqual([]);
  });

  describe('the sources (libs/<lib>/src/**, migrations excluded)', () => {
    let found: ReturnType<typeof sourceViolations>;
    beforeAll(() => {
      found = sourceViolations(root, relations, published);
    });

    it("(a) no lib's SQL names another lib's table or view, except that lib's read models", () => {
      expect(found.sql.map(describeFinding)).toEqual([]);
    });

    it("(b) no lib imports another lib's entities (TypeORM access to its tables)", () => {
      expect(found.entities.map(describeFinding)).toEqual([]);
    });
  });

  it("(c) no lib's view depends on another lib's table or view, except that lib's read models", async () => {
    const { rows } = await client.query<{ view: string; used: string }>(`
      select distinct v.relname as view, u.relname as used
        from pg_class v
        join pg_namespace vn on vn.oid = v.relnamespace
        join pg_rewrite r on r.ev_class = v.oid
        join pg_depend d on d.classid = 'pg_rewrite'::regclass and d.objid = r.oid and d.refclassid = 'pg_class'::regclass
        join pg_class u on u.oid = d.refobjid
        join pg_namespace un on un.oid = u.relnamespace
       where vn.nspname = 'public' and un.nspname = 'public' and v.relkind in ('v', 'm') and u.oid <> v.oid
       order by 1, 2`);
    expect(rows.length).toBeGreaterThan(0);
    const violations = rows.flatMap(({ view, used }) => {
      const owner = relations.get(view)?.lib;
      const usedOwner = relations.get(used)?.lib;
      if (!owner || !usedOwner) return [`${view} → ${used}: owner unknown`];
      return owner === usedOwner || published.get(used) === usedOwner ? [] : [`${owner}'s view ${view} reads ${usedOwner}'s ${relations.get(used)?.kind} ${used}`];
    });
    expect(violations).toEqual([]);
  });

  it("(d) every read model is a view of its lib: security_invoker (the indicator facts: not, the engine's role alone), granted to exactly its readers", async () => {
    const violations: string[] = [];
    for (const [lib, models] of readModels) {
      for (const model of models) {
        const where = `${lib}'s read model ${model.name}`;
        const relation = relations.get(model.name);
        if (relation?.kind !== 'view' || relation.lib !== lib) {
          violations.push(`${where}: not a view of ${lib}'s migrations (${relation ? `${relation.lib}'s ${relation.kind}` : 'no migration creates it'})`);
          continue;
        }
        const [row] = (
          await client.query<{ kind: string; invoker: boolean; grants: string[] }>(
            `select c.relkind as kind, coalesce('security_invoker=true' = any (c.reloptions), false) as invoker,
                    array(select case when a.grantee = 0 then 'PUBLIC' else a.grantee::regrole::text end || ' ' || a.privilege_type
                            from aclexplode(c.relacl) a where a.grantee <> c.relowner order by 1) as grants
               from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relname = $1`,
            [model.name],
          )
        ).rows;
        if (!row || row.kind !== 'v') {
          violations.push(`${where}: no such view in the migrated database`);
          continue;
        }
        if (row.invoker !== (model.security === 'invoker')) violations.push(`${where}: security_invoker is ${row.invoker}, declared '${model.security}'`);
        if (model.security === 'definer' && (model.readers.length !== 1 || model.readers[0] !== DB_ROLES.indicators)) {
          violations.push(`${where}: a view without security_invoker may be granted to ${DB_ROLES.indicators} alone (docs/adr/0006)`);
        }
        const roles = model.readers.flatMap((r) => (r === DB_ROLES.app ? [r, DB_ROLES.platformAdmin] : [r]));
        const expected = [...new Set(roles)].map((r) => `${r} SELECT`).sort();
        if (JSON.stringify(row.grants) !== JSON.stringify(expected)) violations.push(`${where}: granted ${JSON.stringify(row.grants)}, declared ${JSON.stringify(expected)}`);
      }
    }
    expect(violations).toEqual([]);
  });

  describe('the source check, on sources that break the rule (as if they stood at the path)', () => {
    const check = (lib: string, text: string) => sourceViolations(root, relations, published, [{ lib, file: join(root, 'libs', lib, 'src', 'probe.ts'), text }]);
    const sqlOf = (lib: string, text: string) => check(lib, text).sql.map((f) => f.what);

    it("flags another lib's table in a template literal, a string, a comma join and a query-builder call", () => {
      expect(sqlOf('programmes', 'export const probe = (q: { query(s: string): void }) => q.query(`select 1 from participants`);')).toEqual(["names participants's table participants"]);
      expect(sqlOf('reporting', "export const probe = 'select s.numerator from indicator_snapshots s join tenants t on t.id = s.tenant_id';")).toEqual([
        "names monitoring's table indicator_snapshots",
        "names tenants's table tenants",
      ]);
      expect(sqlOf('programmes', "export const probe = `select 1 from mentoring_pairs p, consents c where ${'x'}`;")).toEqual(["names participants's table consents"]);
      expect(sqlOf('monitoring', "export const probe = (qb: { from(t: string, a: string): void }) => qb.from('participants', 'p');")).toEqual(["from('participants') names participants's table"]);
      expect(sqlOf('monitoring', "export const probe = 'insert into mentoring_pairs (id) values ($1)';")).toEqual(["names programmes's table mentoring_pairs"]);
    });

    it("passes its own tables, another lib's read models, comments, Russian text and words that are not SQL names", () => {
      expect(sqlOf('programmes', 'export const probe = `select 1 from mentoring_pairs p join programmes pr on pr.id = p.programme_id`;')).toEqual([]);
      expect(sqlOf('reporting', 'export const probe = `select t.short_name, s.numerator from tenant_tree t join indicator_snapshot_values s on s.tenant_id = t.id`;')).toEqual([]);
      expect(sqlOf('programmes', '// select 1 from participants\n/* join consents c */\nexport const probe = 1;')).toEqual([]);
      expect(sqlOf('programmes', "export const probe = 'Участника нет: проверьте, что он перенесён from participants базы';")).toEqual([]);
      expect(sqlOf('monitoring', "export const probe = `select extract(year from age(p.birth_date)) from unnest($1::uuid[]) participants`;")).toEqual([]);
    });

    it("flags an import of another lib's entity file and an entity mapped onto another lib's table", () => {
      const found = check('programmes', "import type { ParticipantEntity } from '@nastavnik/participants/participant.entity';\nimport { Entity } from 'typeorm';\n@Entity('consents') export class Probe {}\nexport type P = ParticipantEntity;");
      expect(found.entities.map((f) => f.what)).toEqual(["imports participants's participant.entity", "maps an entity onto participants's table consents"]);
      expect(check('programmes', "import { ParticipantsService } from '@nastavnik/participants/participants.service';\nexport const probe = ParticipantsService;").entities).toEqual([]);
    });
  });
});
