import { parse, type IntrospectionField, type IntrospectionInputObjectType } from 'graphql';
import type { BuildQuery, BuildQueryFactory, BuildQueryResult } from 'ra-data-graphql';
import {
  CREATE,
  DELETE,
  DELETE_MANY,
  GET_LIST,
  GET_MANY,
  GET_MANY_REFERENCE,
  GET_ONE,
  HttpError,
  UPDATE,
  UPDATE_MANY,
} from 'react-admin';
import { operationNames, type OperationNames, type ResourceBinding } from './operations';
import { isNonNull, namedType, SchemaIndex, typeText } from './schema';

type Row = Record<string, unknown>;
type Params = {
  id?: string | number;
  ids?: (string | number)[];
  data?: Row;
  previousData?: Row;
  filter?: Row;
  target?: string;
  pagination?: { page: number; perPage: number };
  sort?: { field: string; order: string };
};
type ResponseData = { data: Record<string, unknown> };

const SORT_FIELD = /^[A-Za-z][A-Za-z0-9]{0,63}$/;
const PROTOTYPE_KEYS = new Set(Object.getOwnPropertyNames(Object.prototype));

/** The API refuses pages larger than this (`ListArgs`). */
const MAX_PER_PAGE = 500;

/**
 * Turns react-admin's data provider calls into the API's operations for the registered resources
 * (see operations.ts), selecting every scalar field the introspected type has.
 */
export function buildQueryFactory(bindings: ResourceBinding[]): BuildQueryFactory {
  const byResource = new Map(bindings.map((binding) => [binding.resource, binding]));
  return (introspection) => {
    const schema = new SchemaIndex(introspection.schema);
    const build: BuildQuery = (fetchType, resource, params: Params) => {
      const binding = byResource.get(resource);
      if (!binding) throw new HttpError(`Раздел «${resource}» не подключён к API консоли.`, 500);
      const ops = operationNames(binding);
      if (!schema.objectType(binding.graphqlType)) {
        throw new HttpError(`Сервер пока не поддерживает раздел «${resource}» (нет типа ${binding.graphqlType}).`, 501);
      }
      const builder = new OperationBuilder(schema, binding, ops);
      switch (fetchType) {
        case GET_LIST:
          return builder.list(params, params.filter ?? {});
        case GET_MANY_REFERENCE:
          return builder.list(params, { ...(params.filter ?? {}), [params.target ?? 'id']: params.id });
        case GET_MANY:
          return builder.many(params.ids ?? []);
        case GET_ONE:
          return builder.one(idOf(params));
        case CREATE:
          return builder.create(params.data ?? {});
        case UPDATE:
          return builder.update(idOf(params), params.data ?? {}, params.previousData);
        case UPDATE_MANY:
          return builder.updateMany(params.ids ?? [], params.data ?? {});
        case DELETE:
          return builder.remove(idOf(params));
        case DELETE_MANY:
          return builder.removeMany(params.ids ?? []);
        default:
          throw new HttpError(`Операция ${fetchType} не поддерживается.`, 500);
      }
    };
    return build;
  };
}

class OperationBuilder {
  private readonly selection: string;

  constructor(
    private readonly schema: SchemaIndex,
    private readonly binding: ResourceBinding,
    private readonly ops: OperationNames,
  ) {
    this.selection = schema.selection(binding.graphqlType);
  }

  list(params: Params, rawFilter: Row): BuildQueryResult {
    const field = this.requireQuery(this.ops.list);
    const meta = this.schema.query(this.ops.meta);
    const variables: Row = {};
    if (params.pagination) {
      variables.page = Math.max(0, params.pagination.page - 1);
      variables.perPage = Math.min(params.pagination.perPage, MAX_PER_PAGE);
    }
    // `id` is react-admin's default sort, which no list of the API offers: keep the API's own order.
    // A field name of the API's form only (`heldOn`, `createdAt`); anything else (`__proto__`, `a.b`) keeps the API's order.
    if (params.sort?.field && params.sort.field !== 'id' && SORT_FIELD.test(params.sort.field) && !PROTOTYPE_KEYS.has(params.sort.field)) {
      variables.sortField = params.sort.field;
      variables.sortOrder = params.sort.order === 'DESC' ? 'DESC' : 'ASC';
    }
    const filter = this.filterFor(field, rawFilter);
    if (filter) variables.filter = filter;
    const declared = this.declare(field, variables);
    const metaArgs = meta ? Object.keys(variables).filter((name) => name === 'filter' && meta.args.some((arg) => arg.name === name)) : [];
    const text = `query List${this.binding.graphqlType}${declared.definitions} {
      items: ${this.ops.list}${declared.call} { ${this.selection} }
      ${meta ? `total: ${this.ops.meta}${callArgs(metaArgs)} { count }` : ''}
    }`;
    return {
      query: parse(text),
      variables,
      parseResponse: ({ data }: ResponseData) => {
        const items = (data.items as Row[]).map(plain);
        return { data: items, total: meta ? (data.total as { count: number }).count : items.length };
      },
    };
  }

  many(ids: (string | number)[]): BuildQueryResult {
    const field = this.requireQuery(this.ops.list);
    const filterType = this.filterType(field);
    if (filterType?.inputFields.some((input) => input.name === 'ids') && ids.length <= MAX_PER_PAGE) {
      const variables: Row = { filter: { ids }, page: 0, perPage: Math.max(ids.length, 1) };
      const declared = this.declare(field, variables);
      return {
        query: parse(`query Many${this.binding.graphqlType}${declared.definitions} { items: ${this.ops.list}${declared.call} { ${this.selection} } }`),
        variables,
        parseResponse: ({ data }: ResponseData) => ({ data: (data.items as Row[]).map(plain) }),
      };
    }
    // No `ids` filter: one aliased `X(id)` per id.
    const idType = this.argType(this.requireQuery(this.ops.one), 'id');
    const definitions = ids.map((_, i) => `$id${i}: ${idType}`).join(', ');
    const fields = ids.map((_, i) => `r${i}: ${this.ops.one}(id: $id${i}) { ${this.selection} }`).join('\n');
    return {
      query: parse(`query Many${this.binding.graphqlType}(${definitions}) { ${fields} }`),
      variables: Object.fromEntries(ids.map((id, i) => [`id${i}`, id])),
      parseResponse: ({ data }: ResponseData) => ({ data: ids.map((_, i) => plain(data[`r${i}`] as Row)) }),
    };
  }

  one(id: string | number): BuildQueryResult {
    const idType = this.argType(this.requireQuery(this.ops.one), 'id');
    return {
      query: parse(`query One${this.binding.graphqlType}($id: ${idType}) { data: ${this.ops.one}(id: $id) { ${this.selection} } }`),
      variables: { id },
      parseResponse: ({ data }: ResponseData) => ({ data: plain(data.data as Row) }),
    };
  }

  create(data: Row): BuildQueryResult {
    const field = this.requireMutation(this.ops.create);
    const inputType = this.argType(field, 'input');
    return {
      query: parse(`mutation Create${this.binding.graphqlType}($input: ${inputType}) { data: ${this.ops.create}(input: $input) { ${this.selection} } }`),
      variables: { input: this.input(field, data) },
      parseResponse: ({ data: result }: ResponseData) => ({ data: plain(result.data as Row) }),
    };
  }

  update(id: string | number, data: Row, previous?: Row): BuildQueryResult {
    const field = this.requireMutation(this.ops.update);
    return {
      query: parse(
        `mutation Update${this.binding.graphqlType}($id: ${this.argType(field, 'id')}, $input: ${this.argType(field, 'input')}) {
          data: ${this.ops.update}(id: $id, input: $input) { ${this.selection} }
        }`,
      ),
      variables: { id, input: this.input(field, data, previous) },
      parseResponse: ({ data: result }: ResponseData) => ({ data: plain(result.data as Row) }),
    };
  }

  updateMany(ids: (string | number)[], data: Row): BuildQueryResult {
    const field = this.requireMutation(this.ops.update);
    const definitions = [...ids.map((_, i) => `$id${i}: ${this.argType(field, 'id')}`), `$input: ${this.argType(field, 'input')}`].join(', ');
    const fields = ids.map((_, i) => `r${i}: ${this.ops.update}(id: $id${i}, input: $input) { id }`).join('\n');
    return {
      query: parse(`mutation UpdateMany${this.binding.graphqlType}(${definitions}) { ${fields} }`),
      variables: { ...Object.fromEntries(ids.map((id, i) => [`id${i}`, id])), input: this.input(field, data) },
      parseResponse: ({ data: result }: ResponseData) => ({ data: ids.map((_, i) => (result[`r${i}`] as Row).id) }),
    };
  }

  remove(id: string | number): BuildQueryResult {
    const field = this.requireMutation(this.ops.delete);
    return {
      query: parse(`mutation Delete${this.binding.graphqlType}($id: ${this.argType(field, 'id')}) { data: ${this.ops.delete}(id: $id) { ${this.selection} } }`),
      variables: { id },
      parseResponse: ({ data: result }: ResponseData) => ({ data: plain(result.data as Row) }),
    };
  }

  removeMany(ids: (string | number)[]): BuildQueryResult {
    const field = this.requireMutation(this.ops.delete);
    const definitions = ids.map((_, i) => `$id${i}: ${this.argType(field, 'id')}`).join(', ');
    const fields = ids.map((_, i) => `r${i}: ${this.ops.delete}(id: $id${i}) { id }`).join('\n');
    return {
      query: parse(`mutation DeleteMany${this.binding.graphqlType}(${definitions}) { ${fields} }`),
      variables: Object.fromEntries(ids.map((id, i) => [`id${i}`, id])),
      parseResponse: ({ data: result }: ResponseData) => ({ data: ids.map((_, i) => (result[`r${i}`] as Row).id) }),
    };
  }

  /**
   * The fields of an input the API accepts, from a form's record: unknown fields (id, path,
   * timestamps…) dropped, an emptied optional field sent as null, and on update only what changed.
   */
  private input(field: IntrospectionField, data: Row, previous?: Row): Row {
    const inputArg = field.args.find((arg) => arg.name === 'input');
    const inputType = inputArg ? this.schema.inputType(namedType(inputArg.type)) : undefined;
    const input: Row = {};
    for (const inputField of inputType?.inputFields ?? []) {
      if (!(inputField.name in data) || data[inputField.name] === undefined) continue;
      let value = data[inputField.name];
      if (value === '' && !isNonNull(inputField.type)) value = null;
      if (previous && sameValue(previous[inputField.name] ?? null, value)) continue;
      input[inputField.name] = value;
    }
    return input;
  }

  /** The filter the API understands: known fields only, empty values left out. */
  private filterFor(field: IntrospectionField, raw: Row): Row | undefined {
    const filterType = this.filterType(field);
    if (!filterType) return undefined;
    const known = new Set(filterType.inputFields.map((input) => input.name));
    const filter: Row = {};
    for (const [name, value] of Object.entries(raw)) {
      if (value === undefined || value === null || value === '') continue;
      if (!known.has(name)) {
        console.warn(`Фильтр «${name}» не поддерживается API для ${this.binding.graphqlType} и пропущен.`);
        continue;
      }
      filter[name] = value;
    }
    return Object.keys(filter).length > 0 ? filter : undefined;
  }

  private filterType(field: IntrospectionField): IntrospectionInputObjectType | undefined {
    const arg = field.args.find((candidate) => candidate.name === 'filter');
    return arg ? this.schema.inputType(namedType(arg.type)) : undefined;
  }

  /** Variable definitions and the call's arguments for the variables given, typed as the field declares them. */
  private declare(field: IntrospectionField, variables: Row): { definitions: string; call: string } {
    const names = Object.keys(variables).filter((name) => field.args.some((arg) => arg.name === name));
    for (const name of Object.keys(variables)) if (!names.includes(name)) delete variables[name];
    if (names.length === 0) return { definitions: '', call: '' };
    return { definitions: `(${names.map((name) => `$${name}: ${this.argType(field, name)}`).join(', ')})`, call: callArgs(names) };
  }

  private argType(field: IntrospectionField, name: string): string {
    const arg = field.args.find((candidate) => candidate.name === name);
    if (!arg) throw new HttpError(`У операции ${field.name} нет аргумента ${name}.`, 500);
    return typeText(arg.type);
  }

  private requireQuery(name: string): IntrospectionField {
    const field = this.schema.query(name);
    if (!field) throw new HttpError(`Сервер не поддерживает запрос ${name}.`, 501);
    return field;
  }

  private requireMutation(name: string): IntrospectionField {
    const field = this.schema.mutation(name);
    if (!field) throw new HttpError(`Сервер не поддерживает операцию ${name}.`, 501);
    return field;
  }
}

function idOf(params: Params): string | number {
  if (params.id === undefined || params.id === null || params.id === '') throw new HttpError('Не указан идентификатор записи.', 400);
  return params.id;
}

function callArgs(names: string[]): string {
  return names.length ? `(${names.map((name) => `${name}: $${name}`).join(', ')})` : '';
}

/** A mutable copy without Apollo's `__typename`. */
function plain(record: Row): Row {
  const copy: Row = {};
  for (const [key, value] of Object.entries(record ?? {})) {
    if (key === '__typename') continue;
    copy[key] = value && typeof value === 'object' && !Array.isArray(value) ? plain(value as Row) : value;
  }
  return copy;
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
