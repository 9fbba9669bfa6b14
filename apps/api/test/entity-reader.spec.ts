import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { DataSource, In, type ObjectLiteral } from 'typeorm';
import { EntityReader } from '@nastavnik/platform/database/entity-reader';
import { ListArgs } from '@nastavnik/platform/graphql/list-args';
import { pageOf, sortColumns } from '@nastavnik/platform/graphql/list-query';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import { scratchDatabase } from '@nastavnik/testing/scratch';
import { testConfig } from '@nastavnik/testing/test-context';
import { readTestEnv } from '@nastavnik/testing/test-env';
import { createApiApp } from '../src/bootstrap';

const ROOT = join(__dirname, '..', '..', '..');

/**
 * EntityReader (issue 15) reads entities without TypeORM's hydrator, so it must give what TypeORM
 * gives: every entity of the API, over the demo's rows (`npm run seed:demo` into a database of its
 * own), read both ways in the platform admin's scope — classes, values, nulls, dates and arrays
 * alike — by key (`byKeys`) and as a list's page (`pageOf`). An entity the reader refuses is named with why; every other one is compared, entities
 * added later included.
 */
describe('EntityReader', () => {
  const env = readTestEnv();
  const database = scratchDatabase(env, 'reader');

  beforeAll(async () => {
    await database.create();
    await database.migrate();
    await new Promise<void>((resolve, reject) => {
      const childEnv = { ...process.env, DATABASE_URL: database.appUrl, MIGRATION_DATABASE_URL: database.ownerUrl, INDICATORS_DATABASE_URL: database.indicatorsUrl, REDIS_URL: env.redisUrl, REDIS_PREFIX: `${env.redisPrefix}-reader`, AUTH_MODE: 'keycloak', NODE_ENV: 'test' };
      const child = spawn(process.execPath, ['-r', './tools/register.cjs', 'tools/demo-data/seed-demo.ts'], { cwd: ROOT, env: childEnv, stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`seed-demo exited with ${code}:\n${err.slice(-3000)}`))));
    });
  }, 120_000);

  afterAll(async () => {
    await database.drop();
  });

  it('reads every entity of the API as TypeORM reads it (the demo\'s rows)', async () => {
    const app = await createApiApp(testConfig({ ...env, appUrl: database.appUrl, ownerUrl: database.ownerUrl, indicatorsUrl: database.indicatorsUrl }), { logger: false });
    try {
      const context = app.get(TenantContext);
      const metadatas = app.get(DataSource).entityMetadatas;
      const compared: Record<string, number> = {};
      const refused: Record<string, string> = {};
      await context.runInScope({ role: 'platform-admin', tenantId: null, tenantPath: null, allTenants: true, actor: 'entity-reader-spec' }, async () => {
        const manager = await context.manager();
        for (const metadata of metadatas) {
          const target = metadata.target as new () => ObjectLiteral;
          let reader: EntityReader<ObjectLiteral>;
          try {
            reader = EntityReader.of(manager, target);
          } catch (error) {
            refused[metadata.name] = (error as Error).message;
            continue;
          }
          // By the row's id where it has one (a primary key may begin with tenant_id), in primary-key order.
          const key = metadata.primaryColumns.find((column) => column.propertyName === 'id') ?? metadata.primaryColumns[0];
          const byPrimaryKey = Object.fromEntries(metadata.primaryColumns.map((column) => [column.propertyName, 'ASC' as const]));
          const sample = await manager.find(target, { order: byPrimaryKey, take: 300 });
          const keys = [...new Set(sample.map((row) => row[key.propertyName] as unknown))];
          const expected = await manager.find(target, { where: { [key.propertyName]: In(keys) }, order: byPrimaryKey });
          const read = await reader.byKeys(manager, key.propertyName, keys);
          expect({ entity: metadata.name, rows: read }).toStrictEqual({ entity: metadata.name, rows: expected });
          // The same rows by another key (the first column that is not the primary one), in TypeORM's order for it.
          const other = metadata.columns.find((column) => column.isSelect && !column.isPrimary && column.type !== 'jsonb' && !column.isArray);
          if (other && expected.length) {
            const values = [...new Set(expected.map((row) => row[other.propertyName] as unknown).filter((value) => value !== null))].slice(0, 20);
            const byOther = await manager.find(target, { where: { [other.propertyName]: In(values) }, order: { [other.propertyName]: 'DESC', ...byPrimaryKey } });
            expect({ entity: metadata.name, by: other.propertyName, rows: await reader.byKeys(manager, other.propertyName, values, [[other.propertyName, 'DESC']]) }).toStrictEqual({ entity: metadata.name, by: other.propertyName, rows: byOther });
          }
          // A list's page (pageOf) of the entity, by the reader, against the builder's own entities.
          if (metadata.columns.some((column) => column.propertyName === 'id')) {
            const builder = () => manager.createQueryBuilder(target, 'x');
            expect({ entity: metadata.name, reader: EntityReader.ofBuilder(builder()) !== null }).toEqual({ entity: metadata.name, reader: true });
            const args = Object.assign(new ListArgs(), { page: 0, perPage: 40, sortField: 'id', sortOrder: 'DESC' });
            const page = await pageOf(builder(), args, sortColumns({ id: 'x.id' }), 'id', { withTotal: true, computed: { computedProbe: 'length(x.id::text)' } });
            const builderRows = await builder().addSelect('length(x.id::text)', 'computed_computedProbe').addSelect('count(*) over ()', 'computed_total').orderBy('x.id', 'DESC').addOrderBy('x.id', 'ASC').offset(0).limit(40).getRawAndEntities();
            const builderItems = builderRows.entities.map((item, i) => Object.assign(item, { computedProbe: (builderRows.raw[i] as Record<string, unknown>).computed_computedProbe }));
            expect({ entity: metadata.name, page }).toStrictEqual({ entity: metadata.name, page: { items: builderItems, total: builderRows.raw.length ? Number((builderRows.raw[0] as Record<string, unknown>).computed_total) : null } });
          }
          compared[metadata.name] = expected.length;
        }
      });
      // The entities of a curator's pages are read so, and the demo has rows of them.
      for (const entity of ['ParticipantEntity', 'ParticipantBaseEntryEntity', 'ConsentEntity', 'MentoringPairEntity', 'ProgrammeEntity']) expect({ entity, rows: compared[entity] ?? 0 }).toEqual({ entity, rows: expect.any(Number) as number });
      expect(Object.values(compared).filter((n) => n > 0).length).toBeGreaterThan(10);
      expect(Object.values(compared).reduce((sum, n) => sum + n, 0)).toBeGreaterThan(1000);
      expect(Object.keys(refused)).toEqual([]);
    } finally {
      await app.close();
    }
  }, 180_000);
});
