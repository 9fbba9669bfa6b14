import type { MercuriusDriverConfig } from '@nestjs/mercurius';
import { MercuriusDriver } from '@nestjs/mercurius';
import type { FastifyRequest } from 'fastify';
import { type DocumentNode, Kind } from 'graphql';
import type { AuthService } from '../auth/auth.service';
import { GRAPHQL_BODY_LIMIT } from '../http/request-limits';
import { noteErrorCodes, noteOperation } from '../http/request-observability';
import { tenantStoreOf } from '../http/tenant-http-hooks';
import type { Metrics } from '../metrics/metrics';
import type { TenantContext } from '../tenancy/tenant-context';
import { checkDocumentText, type DocumentLimits, maxDepthRule, maxFieldsRule } from './complexity.rule';
import { formatGraphqlErrors } from './error-formatter';
import { StrictDateTimeScalar } from './date-time.scalar';

export const GRAPHQL_PATH = '/graphql';
export const MAX_QUERY_DEPTH = 10;
export const MAX_QUERY_FIELDS = 400;

/**
 * What a document may be before it is parsed. The console's largest documents are its bulk
 * mutations: one aliased field per selected row, which MAX_QUERY_FIELDS caps at 200 rows ≈ 3,200
 * tokens (its everyday documents have ≈ 110). Nesting: 10 levels of fields plus arguments and
 * nested input values; graphql's parser overflows the stack past ≈ 1,500 levels.
 */
export const DOCUMENT_LIMITS: DocumentLimits = { maxLength: 100_000, maxTokens: 5_000, maxNesting: 64 };

/**
 * Parsed and validated documents Mercurius keeps (one LRU for accepted documents, one for
 * rejected ones, each this size). Measured: a document at the token limit holds ≈ 1 MB once
 * parsed, ≈ 2.4 MB with its validation errors, so 32 + 32 entries stay under ≈ 110 MB even when
 * filled on purpose; a document that misses the cache is parsed and validated again (≈ 0.3 ms for
 * the console's list query, next to the milliseconds of its SQL).
 */
export const DOCUMENT_CACHE_SIZE = 32;

/**
 * GraphQL over Mercurius (code-first). The caller is authenticated before the body is even read
 * (an `onRequest` hook, http/request-authentication.ts); `preExecution` asks again, which costs
 * nothing (the authentication is memoised per request) and keeps the rule in force should the
 * hook ever be missing. The operation's transaction spans the whole execution, field resolvers
 * included: it is opened lazily by the first query and finished in `onResolution` — committed
 * when the operation produced no error, rolled back otherwise.
 */
export function graphqlOptions(auth: AuthService, context: TenantContext, metrics: Metrics): MercuriusDriverConfig {
  return {
    driver: MercuriusDriver,
    path: GRAPHQL_PATH,
    autoSchemaFile: true,
    sortSchema: true,
    // `Date` fields use a DateTime that refuses «2023-02-30T…» instead of rolling it over (issue 11).
    buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: StrictDateTimeScalar }] },
    graphiql: false,
    cache: DOCUMENT_CACHE_SIZE,
    // A document run twice is compiled (graphql-jit) and its compiled form kept in the same LRU:
    // the console asks the same few documents all day (issue 15: the API's own cost per page).
    jit: 1,
    graphql: { parseOptions: { maxTokens: DOCUMENT_LIMITS.maxTokens } },
    additionalRouteOptions: { bodyLimit: GRAPHQL_BODY_LIMIT },
    validationRules: [maxDepthRule(MAX_QUERY_DEPTH), maxFieldsRule(MAX_QUERY_FIELDS)],
    errorFormatter: (execution, ctx) => {
      const formatted = formatGraphqlErrors(execution);
      const request = (ctx.reply as { request: FastifyRequest } | undefined)?.request;
      if (request) {
        const codes = (formatted.response.errors ?? []).map((error) => (error.extensions as { code?: unknown } | undefined)?.code);
        noteErrorCodes(request, codes.map((code) => (typeof code === 'string' ? code : 'UNKNOWN')));
      }
      return formatted;
    },
    hooks: {
      preParsing: async (_schema, source) => checkDocumentText(source, DOCUMENT_LIMITS),
      // Every operation — introspection included — needs a valid token, even one that reaches no resolver.
      preExecution: async (_schema, document, ctx) => {
        const request = (ctx.reply as { request: FastifyRequest }).request;
        noteOperation(request, metrics.operationLabel(operationNameOf(document)));
        await auth.authenticate(tenantStoreOf(request, context), request.headers);
      },
      onResolution: async (execution, ctx) => {
        const request = (ctx.reply as { request: FastifyRequest }).request;
        await context.finish(tenantStoreOf(request, context), !execution.errors?.length);
      },
    },
  };
}

/** The document's operation name, or for an anonymous one its first root field (the console names its operations). */
function operationNameOf(document: DocumentNode): string | undefined {
  const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return undefined;
  if (operation.name) return operation.name.value;
  const first = operation.selectionSet.selections.find((selection) => selection.kind === Kind.FIELD);
  return first?.kind === Kind.FIELD ? first.name.value : undefined;
}
