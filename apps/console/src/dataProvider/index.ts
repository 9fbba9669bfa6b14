import type { IntrospectionSchema } from 'graphql';
import buildDataProvider, { type GraphqlDataProvider } from 'ra-data-graphql';
import { type DataProvider, HttpError } from 'react-admin';
import { buildQueryFactory } from './buildQuery';
import { httpErrorFromGraphql, toHttpError, type ApiGraphqlError } from './errors';
import type { ResourceBinding } from './operations';
import { INTROSPECTION_QUERY, namedType, SchemaIndex } from './schema';

export type { ResourceBinding } from './operations';

/** react-admin's data provider, plus one escape hatch for operations outside the CRUD convention (`myTenant`, dashboards). */
export type ConsoleDataProvider = DataProvider & {
  graphql: <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>) => Promise<T>;
  /** A file the API serves to the signed-in person (`/reports/<id>/file`), fetched with the bearer token. */
  fetchFile: (path: string) => Promise<Blob>;
  /** A file posted as the raw body to a REST route of the API (`/participants/import?…`) with the bearer token; its JSON answer. */
  uploadFile: <T>(path: string, file: Blob) => Promise<T>;
  /** The same, for a route that answers with a file (`/participants/import/rejected?…`): that file. */
  uploadForFile: (path: string, file: Blob) => Promise<Blob>;
  /** The named GraphQL type of each field of a resource's type (`status` → `PairStatus`, `createdAt` → `DateTime`), from the introspected schema. */
  fieldTypes: (resource: string) => Promise<Record<string, string>>;
};

type Options = {
  apiBase: string;
  bindings: ResourceBinding[];
  /** The current access token; every operation of the API needs one, introspection included. */
  getToken: () => Promise<string | null>;
};

function isListMethod(method: string): boolean {
  return method === 'getList' || method === 'getManyReference';
}

/** The API's VALIDATION_FAILED for an unknown `sortField`. */
function refusedSort(error: HttpError): boolean {
  const body = error.body as { code?: string; errors?: Record<string, unknown> } | undefined;
  return body?.code === 'VALIDATION_FAILED' && body.errors !== undefined && Object.prototype.hasOwnProperty.call(body.errors, 'sortField');
}

const CRUD_METHODS = ['getList', 'getOne', 'getMany', 'getManyReference', 'create', 'update', 'updateMany', 'delete', 'deleteMany'] as const;

/**
 * The GraphQL data provider: ra-data-graphql's `buildDataProvider` with our `buildQuery` for the
 * API's react-admin convention. The schema is introspected once per session, after sign-in
 * (the API answers nothing, introspection included, without a token); a failed introspection
 * is retried on the next call. Errors come out as HttpErrors with the API's Russian message.
 */
export function createDataProvider({ apiBase, bindings, getToken }: Options): ConsoleDataProvider {
  const endpoint = `${apiBase}/graphql`;
  let bearer: string | null = null;

  const post = async <T>(query: string, variables?: Record<string, unknown>): Promise<T> => {
    const token = await getToken();
    let response: Response;
    try {
      response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
    } catch (error) {
      throw toHttpError(error);
    }
    const body = (await response.json().catch(() => ({}))) as { data?: T; errors?: ApiGraphqlError[] };
    if (body.errors?.length) throw httpErrorFromGraphql(body.errors);
    if (!response.ok || body.data === undefined) throw toHttpError(new TypeError(`HTTP ${response.status}`));
    return body.data as T;
  };

  // Read when ra-data-graphql sends each operation; set just before (see `call`).
  const requestOptions = () => ({
    fetchPolicy: 'no-cache' as const,
    context: { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} },
  });

  let provider: Promise<GraphqlDataProvider> | undefined;
  let schemaIndex: SchemaIndex | undefined;
  const ready = (): Promise<GraphqlDataProvider> => {
    provider ??= post<{ __schema: IntrospectionSchema }>(INTROSPECTION_QUERY)
      .then(({ __schema }) => {
        schemaIndex = new SchemaIndex(__schema);
        return buildDataProvider({
          clientOptions: { uri: endpoint },
          introspection: { schema: __schema },
          buildQuery: buildQueryFactory(bindings),
          query: requestOptions,
          mutation: requestOptions,
        });
      })
      .catch((error: unknown) => {
        provider = undefined;
        throw error;
      });
    return provider;
  };

  const call =
    (method: (typeof CRUD_METHODS)[number]) =>
    async (resource: string, params: unknown): Promise<never> => {
      bearer = await getToken();
      const inner = await ready();
      const run = (what: unknown) => (inner[method] as (resource: string, params: unknown) => Promise<never>)(resource, what);
      try {
        return await run(params);
      } catch (error) {
        const refused = toHttpError(error);
        // A sort the API does not offer (a crafted `?sort=__proto__`, an old bookmark): the list in its default order.
        if (isListMethod(method) && refusedSort(refused)) {
          try {
            return await run({ ...(params as object), sort: undefined });
          } catch (retryError) {
            throw toHttpError(retryError);
          }
        }
        throw refused;
      }
    };

  const crud = Object.fromEntries(CRUD_METHODS.map((method) => [method, call(method)])) as unknown as DataProvider;
  const fetchFile = async (path: string): Promise<Blob> => {
    const token = await getToken();
    let response: Response;
    try {
      response = await fetch(`${apiBase}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    } catch (error) {
      throw toHttpError(error);
    }
    if (!response.ok) {
      const body = (await response.json().catch(() => ({}))) as { message?: string };
      throw new HttpError(body.message ?? `Не удалось скачать файл (код ${response.status}).`, response.status);
    }
    return response.blob();
  };
  const postRaw = async (path: string, file: Blob, accept: string): Promise<Response> => {
    const token = await getToken();
    let response: Response;
    try {
      response = await fetch(`${apiBase}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream', accept, ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: file,
      });
    } catch (error) {
      throw toHttpError(error);
    }
    if (!response.ok) {
      const body = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
      throw new HttpError(body.message ?? `Сервер ответил ошибкой (код ${response.status}).`, response.status, { code: body.code });
    }
    return response;
  };
  const uploadFile = async <T,>(path: string, file: Blob): Promise<T> => {
    const response = await postRaw(path, file, 'application/json');
    return (await response.json().catch(() => ({}))) as T;
  };
  const uploadForFile = async (path: string, file: Blob): Promise<Blob> => (await postRaw(path, file, '*/*')).blob();
  const fieldTypes = async (resource: string): Promise<Record<string, string>> => {
    await ready();
    const binding = bindings.find((candidate) => candidate.resource === resource);
    const type = binding && schemaIndex?.objectType(binding.graphqlType);
    return Object.fromEntries((type?.fields ?? []).map((field) => [field.name, namedType(field.type)]));
  };
  return { ...crud, graphql: post, fetchFile, uploadFile, uploadForFile, fieldTypes };
}
