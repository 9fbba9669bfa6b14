import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { migrationDataSourceOptions } from '@nastavnik/platform/database/data-source-options';
import { allMigrations } from './all-migrations';

/** Applies every pending migration as the owner role; returns the names applied. */
export async function migrateUp(url: string): Promise<string[]> {
  const dataSource = await new DataSource(migrationDataSourceOptions(url, allMigrations)).initialize();
  try {
    return (await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

/** Reverts every applied migration, newest first. */
export async function migrateDownAll(url: string): Promise<string[]> {
  const dataSource = await new DataSource(migrationDataSourceOptions(url, allMigrations)).initialize();
  const reverted: string[] = [];
  try {
    for (;;) {
      const applied: { name: string }[] = await dataSource.query(`select name from schema_migrations order by id desc limit 1`).catch(() => []);
      if (applied.length === 0) break;
      await dataSource.undoLastMigration({ transaction: 'each' });
      reverted.push(applied[0].name);
    }
    return reverted;
  } finally {
    await dataSource.destroy();
  }
}

if (require.main === module) {
  const url = process.env.MIGRATION_DATABASE_URL ?? 'postgres://nastavnik_owner@127.0.0.1:5432/nastavnik';
  const down = process.argv.includes('--down-all');
  (down ? migrateDownAll(url) : migrateUp(url))
    .then((names) => console.log(names.length ? `${down ? 'reverted' : 'applied'}: ${names.join(', ')}` : 'migrations: up to date'))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
