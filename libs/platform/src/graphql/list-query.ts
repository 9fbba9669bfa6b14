import { EntityReader } from '../database/entity-reader';
import { preparedStatement } from '../database/prepared-statements';
import { ValidationFailedException } from '../errors/app.exceptions';
import { lookupTable } from '@nastavnik/contracts/lookup';
import type { ListArgs, Page } from './list-args';
import type { ObjectLiteral, QueryRunner, SelectQueryBuilder } from 'typeorm';

/** What a list may be sorted by: the API's field name → the column(s) it orders by. Only own keys are ever found. */
export type SortColumns = ReadonlyMap<string, readonly string[]>;

export function sortColumns(entries: Readonly<Record<string, string | readonly string[]>>): SortColumns {
  const table = lookupTable(entries);
  return new Map([...table].map(([field, columns]) => [field, typeof columns === 'string' ? [columns] : columns]));
}

export type PageOptions = {
  /** `NULLS LAST` for lists whose sort columns may be empty. */
  nullsLast?: boolean;
  /** `skip`/`take` instead of `offset`/`limit`: for queries that join to-many relations. */
  joinsMany?: boolean;
  /**
   * Values computed by the page's own query and set on each item, `property → SQL expression` over
   * the query's alias: one statement instead of the page and a second query for its ids. Postgres
   * evaluates an expensive select-list expression after the sort and the limit, so once per row of
   * the page. Not with `joinsMany` (its raw rows are not one per item).
   */
  computed?: Readonly<Record<string, string>>;
  /**
   * Also count the filter's rows in the page's statement (`count(*) over ()`): the page's `total`,
   * null when the page is empty. Not with `joinsMany` (it would count joined rows).
   */
  withTotal?: boolean;
};

/** A page, with its filter's row count when `withTotal` asked for it and the page has rows. */
export type CountedPage<T> = Page<T> & { total?: number | null };

/**
 * One page of a react-admin list: sorted by a whitelisted field (then by id, so pages are
 * stable), offset by `page * perPage`. An unknown sort field is a VALIDATION_FAILED.
 */
export async function pageOf<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  args: ListArgs,
  sortable: SortColumns,
  defaultSort: string,
  options: PageOptions = {},
): Promise<CountedPage<T>> {
  const columns = sortable.get(args.sortField ?? defaultSort);
  if (!columns) throw new ValidationFailedException(`Сортировка по полю «${args.sortField}» не поддерживается.`, [{ field: 'sortField', message: `Можно сортировать по: ${[...sortable.keys()].join(', ')}.` }]);
  const order = args.sortOrder.toUpperCase() === 'DESC' ? 'DESC' : 'ASC';
  const nulls = options.nullsLast ? 'NULLS LAST' : undefined;
  columns.forEach((column, i) => (i === 0 ? query.orderBy(column, order, nulls) : query.addOrderBy(column, order, nulls)));
  query.addOrderBy(`${query.alias}.id`, 'ASC');
  // The page only: the list's count is its own query (`_all…Meta`), asked for by the console in
  // the same request — counting here too ran the count twice per page.
  if (options.joinsMany) {
    if (options.computed || options.withTotal) throw new Error('pageOf: computed values and the total need one raw row per item (not with joinsMany)');
    return { items: await query.skip(args.page * args.perPage).take(args.perPage).getMany() };
  }
  const computed = Object.entries(options.computed ?? {});
  computed.forEach(([property, sql]) => query.addSelect(sql, computedAlias(property)));
  if (options.withTotal) query.addSelect('count(*) over ()', TOTAL_ALIAS);
  // A page of one plain entity: the builder's rows, made entities by the entity's reader (the
  // same values as the builder's own hydrator, a fraction of its cost — issue 15).
  const reader = EntityReader.ofBuilder(query);
  const bounds = { limit: args.perPage, offset: args.page * args.perPage };
  if (!reader) {
    query.offset(bounds.offset).limit(bounds.limit);
    if (computed.length === 0 && !options.withTotal) return { items: await query.getMany() };
  }
  const { entities, raw } = reader ? await readPage(query, reader, bounds) : await query.getRawAndEntities();
  if (raw.length !== entities.length) throw new Error(`pageOf: ${raw.length} raw rows for ${entities.length} items`);
  entities.forEach((item, i) => {
    const row = raw[i] as Record<string, unknown>;
    for (const [property] of computed) (item as Record<string, unknown>)[property] = row[computedAlias(property)];
  });
  if (!options.withTotal) return { items: entities };
  return { items: entities, total: raw.length ? Number((raw[0] as Record<string, unknown>)[TOTAL_ALIAS]) : null };
}

/**
 * The page's rows, in the operation's transaction (the builder's query runner). The bounds are
 * parameters, so that a list has one statement per filter and sort whatever the page, kept
 * planned on its connection (`preparedStatement`: the participants page planned in ≈ 1.2 ms of
 * the server's CPU, more than it took to run).
 */
async function readPage<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, reader: EntityReader<T>, bounds: { limit: number; offset: number }): Promise<{ entities: T[]; raw: unknown[] }> {
  // The runner the builder was made with (protected in TypeORM's typings): the operation's, whose manager built it.
  const runner = (query as unknown as { queryRunner?: QueryRunner }).queryRunner;
  let raw: Record<string, unknown>[];
  if (runner) {
    const [sql, parameters] = query.getQueryAndParameters();
    const n = parameters.length;
    raw = (await runner.query(preparedStatement(`${sql} LIMIT $${n + 1} OFFSET $${n + 2}`), [...parameters, bounds.limit, bounds.offset])) as Record<string, unknown>[];
  } else {
    raw = (await query.offset(bounds.offset).limit(bounds.limit).getRawMany()) as Record<string, unknown>[];
  }
  return { entities: raw.map((row) => reader.fromBuilderRow(row, query.alias)), raw };
}

const computedAlias = (property: string) => `computed_${property}`;
const TOTAL_ALIAS = 'computed_total';

/** `ilike` pattern matching `text` literally anywhere. */
export function containsPattern(text: string): string {
  return `%${text.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
