import type { DataSourceOptions, MixedList } from 'typeorm';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import type { AppConfig } from '../config/app-config';
import { useFastTypeParsers } from './pg-type-parsers';
import { PreparingClient } from './prepared-statements';

/** The application's pool: the app role, no synchronize, no migrations (on the read replica too, with its URL). */
export function appDataSourceOptions(config: AppConfig, url: string = config.databaseUrl): PostgresDataSourceOptions {
  // The same values as pg's own parsers, read faster (process-wide: pg keeps one table).
  useFastTypeParsers();
  return {
    type: 'postgres',
    url,
    synchronize: false,
    migrationsRun: false,
    // TypeORM would log failed queries with their parameters, i.e. personal data: errors are
    // logged by the GraphQL error formatter instead, without parameters.
    logging: false,
    // Extensions are the migrations' business (the owner's); the app role may not create them, and
    // TypeORM's attempt at every start only wrote «permission denied to create extension» to Postgres' log.
    installExtensions: false,
    // PreparingClient: the hot reads' marked statements run as named statements (prepared-statements.ts).
    extra: { max: config.databasePoolSize, application_name: 'nastavnik', Client: PreparingClient },
  };
}

/** The migration connection: the owner role, which owns the tables (and only runs migrations). */
export function migrationDataSourceOptions(
  url: string,
  migrations: MixedList<new () => object>,
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    synchronize: false,
    migrations: migrations as DataSourceOptions['migrations'],
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    logging: ['error'],
  };
}
