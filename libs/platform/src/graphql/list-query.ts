import { ValidationFailedException } from '../errors/app.exceptions';
import { lookupTable } from '@nastavnik/contracts/lookup';
import type { ListArgs, Page } from './list-args';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

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
};

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
): Promise<Page<T>> {
  const columns = sortable.get(args.sortField ?? defaultSort);
  if (!columns) throw new ValidationFailedException(`Сортировка по полю «${args.sortField}» не поддерживается.`, [{ field: 'sortField', message: `Можно сортировать по: ${[...sortable.keys()].join(', ')}.` }]);
  const order = args.sortOrder.toUpperCase() === 'DESC' ? 'DESC' : 'ASC';
  const nulls = options.nullsLast ? 'NULLS LAST' : undefined;
  columns.forEach((column, i) => (i === 0 ? query.orderBy(column, order, nulls) : query.addOrderBy(column, order, nulls)));
  query.addOrderBy(`${query.alias}.id`, 'ASC');
  // The page only: the list's count is its own query (`_all…Meta`), asked for by the console in
  // the same request — counting here too ran the count twice per page.
  const items = options.joinsMany
    ? await query.skip(args.page * args.perPage).take(args.perPage).getMany()
    : await query.offset(args.page * args.perPage).limit(args.perPage).getMany();
  return { items };
}

/** `ilike` pattern matching `text` literally anywhere. */
export function containsPattern(text: string): string {
  return `%${text.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
