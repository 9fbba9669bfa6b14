import type { INestApplication } from '@nestjs/common';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { join } from 'node:path';

/** Committed so that every change of the API shows in review (`npm run schema:print`). */
export const SCHEMA_FILE = join(__dirname, '..', 'schema.gql');

export function schemaSdl(app: INestApplication): string {
  return `${printSchema(lexicographicSortSchema(app.get(GraphQLSchemaHost).schema))}\n`;
}
