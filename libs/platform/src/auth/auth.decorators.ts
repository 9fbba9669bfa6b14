import { applyDecorators, SetMetadata } from '@nestjs/common';
// The constant only (not the package's index), so the worker, which loads resolvers' decorators, does not load Fastify.
import { FASTIFY_ROUTE_CONFIG_METADATA } from '@nestjs/platform-fastify/constants';
import type { AppRole } from './principal';

export const PUBLIC_KEY = 'nastavnik:public';
export const ROLES_KEY = 'nastavnik:roles';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set by `@Public()` on a route handler: the route is answered without a token. */
    nastavnikPublic?: boolean;
  }
}

/**
 * A route anyone may call without a token: `GET /health`, the one-time questionnaire links
 * `/q/:token`, and the dev identity routes in dev mode. Besides the guard's metadata it marks the
 * Fastify route, because the token is checked in an `onRequest` hook, before the body is read
 * (see http/request-authentication.ts). Put it on the handler: on a class only the guard sees it,
 * so the routes would still demand a token (fails closed).
 */
export const Public = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(PUBLIC_KEY, true), SetMetadata(FASTIFY_ROUTE_CONFIG_METADATA, { nastavnikPublic: true }));

/** The realm roles allowed to call a resolver or route; without it, any authenticated role may. */
export const Roles = (...roles: AppRole[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);
