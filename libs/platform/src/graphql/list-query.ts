import { ValidationFailedException } from '../errors/app.exceptions';
import type { ListArgs, Page } from './list-args';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * One page of a react-admin list: sorted by a whitelisted field (then by id, so pages are
 * stable), offset by `page * perPage`. An unknown sort field is a VALIDATION_FAILED.
 */
export async function pageOf<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  args: ListArgs,
  sortable: Record<string, string>,
  defaultSort: string,
): Promise<Page<T>> {
  const sortColumn = sortable[args.sortField ?? defaultSort];
  if (!sortColumn) throw new ValidationFailedException(`Сортировка по полю «${args.sortField}» не поддерживается.`);
  const [items, count] = await query
    .orderBy(sortColumn, args.sortOrder.toUpperCase() === 'DESC' ? 'DESC' : 'ASC')
    .addOrderBy(`${query.alias}.id`, 'ASC')
    .offset(args.page * args.perPage)
    .limit(args.perPage)
    .getManyAndCount();
  return { items, count };
}

/** `ilike` pattern matching `text` literally anywhere. */
export function containsPattern(text: string): string {
  return `%${text.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
