import type { MercuriusDriverConfig } from '@nestjs/mercurius';
import { MercuriusDriver } from '@nestjs/mercurius';
import type { FastifyRequest } from 'fastify';
import type { AuthService } from '../auth/auth.service';
import { tenantStoreOf } from '../http/tenant-http-hooks';
import type { TenantContext } from '../tenancy/tenant-context';
import { maxFieldsRule } from './complexity.rule';
import { formatGraphqlErrors } from './error-formatter';

export const MAX_QUERY_DEPTH = 10;
export const MAX_QUERY_FIELDS = 400;

/**
 * GraphQL over Mercurius (code-first). The operation's transaction spans the whole execution,
 * field resolvers included: it is opened lazily by the first query and finished in `onResolution`
 * — committed when the operation produced no error, rolled back otherwise.
 */
export function graphqlOptions(auth: AuthService, context: TenantContext): MercuriusDriverConfig {
  return {
    driver: MercuriusDriver,
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    graphiql: false,
    queryDepth: MAX_QUERY_DEPTH,
    validationRules: [maxFieldsRule(MAX_QUERY_FIELDS)],
    errorFormatter: (execution) => formatGraphqlErrors(execution),
    hooks: {
      // Every operation — introspection included — needs a valid token, even one that reaches no resolver.
      preExecution: async (_schema, _document, ctx) => {
        const request = (ctx.reply as { request: FastifyRequest }).request;
        await auth.authenticate(tenantStoreOf(request, context), request.headers);
      },
      onResolution: async (execution, ctx) => {
        const request = (ctx.reply as { request: FastifyRequest }).request;
        await context.finish(tenantStoreOf(request, context), !execution.errors?.length);
      },
    },
  };
}
