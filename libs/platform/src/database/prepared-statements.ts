import { Client } from 'pg';

/** At most this many statement texts are prepared: each connection of the pool may hold them all, plan included. */
export const PREPARED_STATEMENTS_KEPT = 200;

/** Statement text → its name, for the texts the hot read paths asked to prepare. */
const names = new Map<string, string>();

/**
 * Marks `text` — one statement, its values as `$n` parameters, never a literal that varies — to
 * run as a named statement of the connection that executes it: Postgres parses and plans it on
 * the connection's first use, keeps the plan and from then on only binds and executes it. A
 * curator's participants page spent ≈ 1.2 ms of the server's CPU planning its statement (the
 * policies and the consent view it expands) against ≈ 1 ms executing it (issue 15).
 *
 * Isolation is unchanged: the tenant is never a parameter of these statements but the policies'
 * reading of the transaction's settings, which a kept plan evaluates anew at each execution, and
 * Postgres replans a kept plan whose role or policies changed.
 * `apps/api/test/prepared-statements.spec.ts` runs one statement on one connection under
 * alternating schools, with the plans Postgres makes and with a forced generic plan.
 *
 * Returns `text`. Once `PREPARED_STATEMENTS_KEPT` texts are marked, further ones run unnamed, as
 * before; marking is for a bounded set of texts (a reader's statement per entity, key and order;
 * a list's page per filter and sort).
 */
export function preparedStatement(text: string): string {
  if (!names.has(text) && names.size < PREPARED_STATEMENTS_KEPT) names.set(text, `nastavnik_${names.size}`);
  return text;
}

type QueryCallback = (error: Error, result: unknown) => void;

/**
 * pg's client, through which the app's pools (`appDataSourceOptions`: the primary's and the
 * replica's) run every statement: a text marked by `preparedStatement` and run with an array of
 * values (or none) goes as `{ name, text, values }`, everything else as it came.
 */
export class PreparingClient extends Client {}

const clientQuery = Client.prototype.query as (this: Client, ...args: unknown[]) => unknown;
(PreparingClient.prototype as unknown as { query: unknown }).query = function query(this: Client, config: unknown, values?: unknown, callback?: QueryCallback): unknown {
  if (typeof config === 'string' && (values === undefined || Array.isArray(values))) {
    const name = names.get(config);
    if (name !== undefined) return callback ? clientQuery.call(this, { name, text: config, values }, callback) : clientQuery.call(this, { name, text: config, values });
  }
  return clientQuery.apply(this, [config, values, callback].slice(0, arguments.length));
};
