import { HttpError } from 'react-admin';
import { ownValue } from '@nastavnik/contracts/lookup';

/** A GraphQL error as the API formats it (libs/platform/src/graphql/error-formatter.ts). */
export type ApiGraphqlError = {
  message: string;
  extensions?: { code?: string; details?: { field: string; message: string }[] };
};

const STATUS_BY_CODE: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  QUERY_TOO_COMPLEX: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  CONFLICT: 409,
  INTERNAL_SERVER_ERROR: 500,
};

export const NETWORK_ERROR_MESSAGE = 'Сервер платформы недоступен. Проверьте подключение и повторите попытку.';

/**
 * The first GraphQL error as react-admin's HttpError: its status drives react-admin (401 signs
 * out; 403/404/409 are shown), its message is the API's Russian text, and VALIDATION_FAILED's
 * field details become form errors (`body.errors`).
 */
export function httpErrorFromGraphql(errors: readonly ApiGraphqlError[]): HttpError {
  const first = errors[0] ?? { message: 'Неизвестная ошибка сервера.' };
  const code = first.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
  const status = ownValue(STATUS_BY_CODE, code) ?? 500;
  const message = code === 'GRAPHQL_VALIDATION_FAILED' ? 'Сервер не принял запрос консоли. Обновите страницу; если ошибка повторится, сообщите в поддержку.' : first.message;
  const body: { code: string; errors?: Record<string, unknown> } = { code };
  if (code === 'VALIDATION_FAILED') {
    const fields: Record<string, unknown> = {};
    for (const detail of first.extensions?.details ?? []) {
      const field = detail.field.replace(/^input\./, '');
      fields[field] ??= detail.message;
    }
    body.errors = { ...fields, root: { serverError: message } };
  }
  return new HttpError(message, status, body);
}

/** Whatever ra-data-graphql or fetch threw, as an HttpError with a message a person can act on. */
export function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) {
    const body = error.body as { graphQLErrors?: ApiGraphqlError[]; networkError?: unknown; code?: string } | undefined;
    if (body?.graphQLErrors?.length) return httpErrorFromGraphql(body.graphQLErrors);
    if (body?.code) return error; // already mapped
    if (error.status === 200 || error.status === undefined || error.status === 0) {
      return new HttpError(isNetworkFailure(error.message) ? NETWORK_ERROR_MESSAGE : error.message, error.status ?? 0, error.body);
    }
    if (error.status >= 500 && error.status !== 501) return new HttpError(`Сервер ответил ошибкой (код ${error.status}). Повторите попытку позже.`, error.status);
    if (error.status === 400) return new HttpError('Сервер не принял запрос: проверьте, что обязательные поля заполнены.', 400);
    return error;
  }
  if (error instanceof TypeError) return new HttpError(NETWORK_ERROR_MESSAGE, 0);
  return new HttpError(error instanceof Error ? error.message : String(error), 500);
}

function isNetworkFailure(message: string): boolean {
  return /failed to fetch|networkerror|load failed|network request failed/i.test(message);
}
