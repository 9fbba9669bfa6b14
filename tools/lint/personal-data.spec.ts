import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { getMetadataArgsStorage } from 'typeorm';
import {
  personalDataDeclarations,
  type NotPersonalColumn,
  type PersonalDataDeclaration,
} from '@nastavnik/platform/personal-data/personal-data';
import { readTestEnv } from '@nastavnik/testing/test-env';
import { libNames, relationOwners } from './lib-tables';
import { DOC, ENTITY_TITLES, declarationTable, generatedPart } from '../personal-data/declaration-table';

const root = join(__dirname, '..', '..');

/**
 * A column name that looks like personal data. A column of a table that names a person (see
 * PERSON_LINKS) is checked too when it can hold text, whatever its name — unless a check constraint
 * limits it to codes.
 */
export const PD_LOOKING =
  /name|surname|patronymic|birth|phone|e_?mail|snils|passport|inn$|address|comment|note|text|answer|reason|(^|_)requests?$|motivation|competenc|responsib|rater|result|descri|difficult|strength|achievement|award|document|_by$|^sex$|grade|class|explanation|warning|topic|contact/;
/** Columns that tie a row to a person (directly, or through a pair, a response or a plan). */
const PERSON_LINKS = new Set(['participant_id', 'mentor_id', 'mentee_id', 'attendee_ids', 'pair_id', 'response_id', 'personalised_programme_id', 'subject_id']);

type LibPersonalData = { lib: string; declarations: readonly PersonalDataDeclaration[]; notPersonal: readonly NotPersonalColumn[] };

function libPersonalData(lib: string): LibPersonalData | undefined {
  const file = join(root, 'libs', lib, 'src', 'personal-data.ts');
  if (!existsSync(file)) return undefined;
  const mod = require(file) as { PERSONAL_DATA?: readonly PersonalDataDeclaration[]; NOT_PERSONAL_DATA?: readonly NotPersonalColumn[] };
  return { lib, declarations: mod.PERSONAL_DATA ?? [], notPersonal: mod.NOT_PERSONAL_DATA ?? [] };
}

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'migrations' && name !== 'node_modules') sources(path, out);
    } else if (name.endsWith('.ts') && !name.endsWith('.spec.ts') && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const moduleFiles = (lib: string) =>
  readdirSync(join(root, 'libs', lib, 'src'))
    .filter((f) => f.endsWith('.module.ts'))
    .map((f) => join(root, 'libs', lib, 'src', f));

/** table → the GraphQL object type declared right above its `@Entity('table')`. */
function objectTypesByTable(): Map<string, string> {
  const found = new Map<string, string>();
  for (const lib of libNames(root)) {
    for (const file of sources(join(root, 'libs', lib, 'src'))) {
      const text = readFileSync(file, 'utf8');
      for (const [, type, table] of text.matchAll(/@ObjectType\('([A-Za-z]+)'[^\n]*\n(?:@[^\n]*\n)*?@Entity\('([a-z_]+)'\)/g)) found.set(table, type);
    }
  }
  return found;
}

/**
 * The one declaration of personal data (issue 14): every lib declares the personal-data columns of
 * its own tables in libs/<lib>/src/personal-data.ts, loaded by its module; every column whose name
 * looks personal, and every free column of a table tied to a person, is declared there or listed as
 * not personal (with why) — so a new table is covered the day it is migrated.
 */
describe('lint: personal data is declared', () => {
  const { relations } = relationOwners(root);
  const libs = libNames(root).flatMap((lib) => {
    const found = libPersonalData(lib);
    return found ? [found] : [];
  });
  let client: Client;
  /** table → column → data type ('text', 'ARRAY', …) of the migrated test database (partitions left out). */
  const columns = new Map<string, Map<string, string>>();
  /** table.column limited to codes by a check constraint (`= ANY (ARRAY[…])`, `<@ ARRAY[…]`, a `~` pattern). */
  const coded = new Set<string>();

  beforeAll(async () => {
    client = new Client({ connectionString: readTestEnv().ownerUrl });
    await client.connect();
    const { rows } = await client.query<{ table: string; column: string; type: string }>(`
      select c.relname as table, a.attname as column, format_type(a.atttypid, a.atttypmod) as type
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
       where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition and c.relname <> 'schema_migrations'
       order by 1, a.attnum`);
    for (const row of rows) {
      if (!columns.has(row.table)) columns.set(row.table, new Map());
      columns.get(row.table)?.set(row.column, row.type);
    }
    const checks = await client.query<{ table: string; column: string; def: string }>(`
      select c.relname as table, a.attname as column, pg_get_constraintdef(k.oid) as def
        from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = c.oid and a.attnum = k.conkey[1]
       where n.nspname = 'public' and k.contype = 'c' and cardinality(k.conkey) = 1`);
    for (const { table, column, def } of checks.rows) {
      const col = `\\(*${column}\\)*`;
      if (new RegExp(`^CHECK \\(+${col} (= ANY \\(ARRAY\\[|<@ ARRAY\\[)`).test(def)) coded.add(`${table}.${column}`);
      // A pattern limits a column to codes only if it admits no free text: an e-mail's
      // '^[^@\\s]+@[^@\\s]+$' is a format check, and the address stays personal data.
      const pattern = new RegExp(`^CHECK \\(+${col} ~ '((?:[^']|'')*)'`).exec(def)?.[1];
      if (pattern !== undefined && !/\[\^|\\[SWw]|\.[*+{]/.test(pattern)) coded.add(`${table}.${column}`);
    }
  });
  afterAll(() => client.end());

  it('the libs declare something, and every declared table is one of the declaring lib’s own tables', () => {
    expect(libs.flatMap((l) => l.declarations).length).toBeGreaterThanOrEqual(10);
    const wrong = libs.flatMap(({ lib, declarations }) =>
      declarations.flatMap((d) => (relations.get(d.table)?.lib === lib ? [] : [`${lib} declares ${d.entity} (${d.table}), owned by ${relations.get(d.table)?.lib ?? 'no migration'}`])),
    );
    expect(wrong).toEqual([]);
  });

  it('each declaration names the GraphQL type of its table, and each field an entity property mapped to that column (tables with an entity)', () => {
    for (const { lib } of libs) for (const file of moduleFiles(lib)) require(file); // the entities
    const types = objectTypesByTable();
    const storage = getMetadataArgsStorage();
    const problems: string[] = [];
    for (const d of libs.flatMap((l) => l.declarations)) {
      const table = columns.get(d.table);
      const targets = storage.tables.filter((t) => t.name === d.table).map((t) => t.target);
      // A table a lib writes in SQL only (no TypeORM entity) is checked by its columns alone.
      const hasEntity = targets.length > 0;
      if (hasEntity && types.get(d.table) !== d.entity) problems.push(`${d.table}: declared as ${d.entity}, its @ObjectType is ${types.get(d.table) ?? 'none'}`);
      for (const field of d.fields) {
        if (!table?.has(field.column)) problems.push(`${d.entity}.${field.property}: no column ${d.table}.${field.column}`);
        if (!hasEntity) continue;
        const mapped = storage.columns.filter((c) => targets.includes(c.target) && c.propertyName === field.property);
        if (!mapped.some((c) => (c.options.name ?? c.propertyName) === field.column)) problems.push(`${d.entity}.${field.property}: the entity maps no such property to ${field.column}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("loading a lib's modules alone registers all its declarations (what the journal and log redaction read)", () => {
    let registered = new Map<string, PersonalDataDeclaration>();
    jest.isolateModules(() => {
      for (const { lib } of libs) for (const file of moduleFiles(lib)) require(file);
      const registry = require(join(root, 'libs', 'platform', 'src', 'personal-data', 'personal-data.ts')) as { personalDataDeclarations: typeof personalDataDeclarations };
      registered = new Map(registry.personalDataDeclarations().map((d) => [d.entity, d]));
    });
    const expected = libs.flatMap((l) => l.declarations);
    const missing = expected.filter((d) => JSON.stringify(registered.get(d.entity)) !== JSON.stringify(d)).map((d) => d.entity);
    expect(missing).toEqual([]);
    expect(registered.size).toBe(expected.length);
    expect(personalDataDeclarations().length).toBe(expected.length);
  });

  it('every personal-looking column of every table, and every free column of a table tied to a person, is declared or listed as not personal', () => {
    expect(columns.size).toBeGreaterThan(20);
    const declared = new Set(libs.flatMap((l) => l.declarations.flatMap((d) => d.fields.map((f) => `${d.table}.${f.column}`))));
    const listed = new Set(libs.flatMap((l) => l.notPersonal.map((c) => `${c.table}.${c.column}`)));
    const uncovered: string[] = [];
    for (const [table, cols] of columns) {
      const tiedToPerson = [...cols.keys()].some((c) => PERSON_LINKS.has(c));
      for (const [column, type] of cols) {
        const key = `${table}.${column}`;
        const free = /^(text|character varying.*|jsonb|json|text\[\]|character varying.*\[\])$/.test(type);
        if ((PD_LOOKING.test(column) || (tiedToPerson && free)) && !coded.has(key) && !declared.has(key) && !listed.has(key)) uncovered.push(`${key} (${type}) — ${relations.get(table)?.lib ?? '?'}`);
      }
    }
    expect(uncovered).toEqual([]);
  });

  it('a column listed as not personal exists, belongs to the listing lib, says why, and is not also declared', () => {
    const declared = new Set(libs.flatMap((l) => l.declarations.flatMap((d) => d.fields.map((f) => `${d.table}.${f.column}`))));
    const problems = libs.flatMap(({ lib, notPersonal }) =>
      notPersonal.flatMap((c) => {
        const key = `${c.table}.${c.column}`;
        if (!columns.get(c.table)?.has(c.column)) return [`${lib}: ${key} does not exist`];
        if (relations.get(c.table)?.lib !== lib) return [`${lib}: ${key} belongs to ${relations.get(c.table)?.lib}`];
        if (declared.has(key)) return [`${lib}: ${key} is declared and listed as not personal`];
        return c.why.trim().length < 5 ? [`${lib}: ${key} says no why`] : [];
      }),
    );
    expect(problems).toEqual([]);
  });

  it('docs/personal-data.md lists exactly the declaration (regenerate with tools/personal-data/declaration-table.ts), every entity with a Russian title', () => {
    const declarations = libs.flatMap((l) => l.declarations);
    expect(declarations.map((d) => d.entity).filter((entity) => !ENTITY_TITLES.has(entity))).toEqual([]);
    expect(generatedPart(readFileSync(DOC, 'utf8'))).toBe(declarationTable(declarations));
  });

  it('the pattern is not vacuous: the personal columns everybody knows are caught by it', () => {
    for (const column of ['last_name', 'first_name', 'middle_name', 'birth_date', 'phone', 'email', 'notes', 'representative_name', 'value_text']) expect(PD_LOOKING.test(column)).toBe(true);
    for (const column of ['id', 'tenant_id', 'created_at', 'requested_at', 'request_id', 'status', 'period']) expect(PD_LOOKING.test(column)).toBe(false);
  });
});
