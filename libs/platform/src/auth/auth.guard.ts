import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ForbiddenException } from '../errors/app.exceptions';
import { TenantContext } from '../tenancy/tenant-context';
import { PUBLIC_KEY, ROLES_KEY } from './auth.decorators';
import { AuthService } from './auth.service';
import type { AppRole } from './principal';

/**
 * The one guard (registered globally): every resolver and route needs a valid token unless it is
 * `@Public()`, and a role listed in `@Roles(…)` when it says so.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly context: TenantContext,
  ) {}

  async canActivate(execution: ExecutionContext): Promise<boolean> {
    const targets = [execution.getHandler(), execution.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = requestOf(execution);
    const principal = await this.auth.authenticate(this.context.store(), request.headers);
    const roles = this.reflector.getAllAndOverride<AppRole[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(principal.role)) throw new ForbiddenException();
    return true;
  }
}

export function requestOf(execution: ExecutionContext): FastifyRequest {
  return replyOf(execution).request;
}

/** The Fastify reply of a resolver's or a route's request (Mercurius puts it in the GraphQL context). */
export function replyOf(execution: ExecutionContext): FastifyReply {
  if (execution.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(execution).getContext<{ reply: FastifyReply }>().reply;
  }
  return execution.switchToHttp().getResponse<FastifyReply>();
}
