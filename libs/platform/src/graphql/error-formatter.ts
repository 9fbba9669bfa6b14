import { Logger } from '@nestjs/common';
import { GraphQLError, type ExecutionResult, type FormattedExecutionResult, type GraphQLFormattedError } from 'graphql';
import { toAppException } from '../errors/to-app-exception';
import { GRAPHQL_BODY_LIMIT_MB } from '../http/request-limits';

const logger = new Logger('GraphQL');

type ExecutionWithErrors = ExecutionResult & { errors: readonly GraphQLError[] };

/** HTTP statuses of refusals that happen before any resolver runs, when nothing else decides the status. */
const REQUEST_STATUSES = new Set([401, 403, 405, 413, 429]);

/**
 * Every error a client sees has a stable `extensions.code` and a message meant for people; no
 * stack traces, SQL or internal messages leave the server. GraphQL-over-HTTP: status 200 when the
 * operation ran; 400 when the document itself was rejected; the refusal's own status (401, 413,
 * 429 …) when the request was refused before execution.
 */
export function formatGraphqlErrors(execution: ExecutionWithErrors): { statusCode: number; response: FormattedExecutionResult } {
  let documentRejected = false;
  let requestStatus: number | undefined;
  const formatted = execution.errors.flatMap((error): GraphQLFormattedError[] => {
    const original = error.originalError;
    const nested = (original as { errors?: unknown } | undefined)?.errors;
    if (Array.isArray(nested)) {
      // Mercurius wraps parse/validation failures (MER_ERR_GQL_VALIDATION) and a mutation sent with GET (MER_ERR_METHOD_NOT_ALLOWED) around graphql's errors.
      if ((original as { code?: unknown }).code === 'MER_ERR_METHOD_NOT_ALLOWED') {
        requestStatus = 405;
        return [{ message: 'Изменения данных выполняются только запросом POST.', extensions: { code: 'METHOD_NOT_ALLOWED' } }];
      }
      documentRejected = true;
      return nested.map((inner) => documentError(inner instanceof GraphQLError ? inner : new GraphQLError(messageOf(inner), { originalError: inner instanceof Error ? inner : undefined })));
    }
    if (!original || original instanceof GraphQLError) {
      if (!execution.data) documentRejected = true;
      return [documentError(original instanceof GraphQLError ? original : error)];
    }
    const app = toAppException(original);
    if (app) {
      const status = (original as { statusCode?: unknown }).statusCode === 413 ? 413 : app.httpStatus;
      if (!error.path && REQUEST_STATUSES.has(status)) requestStatus = status;
      if (app.code === 'RATE_LIMITED') requestStatus = 429;
      return [{
        message: status === 413 ? `Запрос слишком большой: тело запроса к GraphQL должно быть не больше ${GRAPHQL_BODY_LIMIT_MB} МБ.` : app.message,
        locations: error.locations,
        path: error.path,
        extensions: { code: app.code, ...(app.details ? { details: app.details } : {}) },
      }];
    }
    logger.error(`${original.name}: ${original.message}`, original.stack);
    return [{
      message: 'Внутренняя ошибка сервера. Попробуйте ещё раз; если ошибка повторится, сообщите в поддержку.',
      locations: error.locations,
      path: error.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    }];
  });
  const statusCode = execution.data ? 200 : (requestStatus ?? (documentRejected ? 400 : 200));
  return { statusCode, response: { data: execution.data ?? null, errors: formatted } };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** graphql's and Mercurius' own refusals of a document, in the shape and language of ours where they say something a person acts on. */
function documentError(error: GraphQLError): GraphQLFormattedError {
  const code = typeof error.extensions?.code === 'string' ? error.extensions.code : 'GRAPHQL_VALIDATION_FAILED';
  if (error.originalError instanceof RangeError || /^Syntax Error: Document contains more that \d+ tokens/.test(error.message)) {
    // The nesting and token limits (complexity.rule.ts) come first; this is the backstop should a document slip past them.
    return { message: 'Запрос слишком сложный: слишком много лексем или слишком глубокая вложенность.', extensions: { code: 'QUERY_TOO_COMPLEX' } };
  }
  return { message: withoutSuggestions(error.message), locations: error.locations, extensions: { code } };
}

/**
 * graphql-js appends "Did you mean …?" with names from the schema to its validation messages, and
 * has no switch to stop it: the sentence is removed, so a probe learns no field names from typos.
 */
function withoutSuggestions(message: string): string {
  return message.replace(/\s*Did you mean [^]*\?\s*$/, '');
}
