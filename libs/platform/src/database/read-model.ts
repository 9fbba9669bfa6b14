import type { DB_ROLES } from './db-roles';

/**
 * A relation that a domain lib publishes for other libs' SQL (docs/adr/0004): a view in the
 * lib's own migrations. Each lib lists its read models in `libs/<lib>/src/read-models.ts`
 * (`READ_MODELS`); no lib's SQL names another lib's tables, only these. `tools/lint/lib-tables.spec.ts`
 * checks the list against the migrated database.
 */
export type ReadModel = {
  /** The view's name. */
  readonly name: string;
  /** One line: what a row is and who reads it. */
  readonly doc: string;
  /**
   * 'invoker': `security_invoker = true`, so the reader's own row-level security applies (every
   * read model but the indicator facts). 'definer': an indicator fact view (docs/adr/0006), which
   * exposes a few columns of every school to the indicator engine's role, which has no other way
   * in — granted to that role alone.
   */
  readonly security: 'invoker' | 'definer';
  /**
   * Roles granted SELECT. The app role's grant goes to the platform admin's role too (it holds
   * exactly the app role's privileges, docs/adr/0010).
   */
  readonly readers: readonly (typeof DB_ROLES.app | typeof DB_ROLES.indicators)[];
};
