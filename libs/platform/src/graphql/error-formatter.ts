import { Logger } from '@nestjs/common';
import { GraphQLError, type ExecutionResult, type GraphQLFormattedError } from 'graphql';
import { toAppException } from '../errors/to-app-exception';

const logger = new Logger('GraphQL');

type ExecutionWithErrors = ExecutionResult & { errors: readonly GraphQLError[] };

/**
 * Every error a client sees has a stable `extensions.code` and a message meant for people; no
 * stack traces, SQL or internal messages leave the server. GraphQL-over-HTTP: status 200 when the
 * operation ran; 400 when the document itself was rejected.
 */
export function formatGraphqlErrors(execution: ExecutionWithErrors): { statusCode: number; response: ExecutionResult } {
  let documentRejected = false;
  const formatted = execution.errors.flatMap((error): GraphQLFormattedError[] => {
    const nested = (error.originalError as { errors?: unknown } | undefined)?.errors;
    if (Array.isArray(nested)) {
      // Mercurius wraps parse/validation failures (MER_ERR_GQL_VALIDATION) around graphql's errors.
      documentRejected = true;
      return nested.map((inner) => documentError(inner instanceof GraphQLError ? inner : new GraphQLError(String((inner as Error)?.message ?? inner))));
    }
    const original = error.originalError;
    if (!original || original instanceof GraphQLError) {
      if (!execution.data) documentRejected = true;
      return [documentError(original instanceof GraphQLError ? original : error)];
    }
    const app = toAppException(original);
    if (app) {
      return [{
        message: app.message,
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
  return {
    statusCode: documentRejected && !execution.data ? 400 : 200,
    response: { data: execution.data ?? null, errors: formatted as never },
  };
}

function documentError(error: GraphQLError): GraphQLFormattedError {
  const code = typeof error.extensions?.code === 'string' ? error.extensions.code : 'GRAPHQL_VALIDATION_FAILED';
  return { message: error.message, locations: error.locations, extensions: { code } };
}
