import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { isIPv4 } from 'node:net';
import { ForbiddenException } from '../errors/app.exceptions';
import { requestOf } from './auth.guard';

/**
 * Lets through only requests made on this machine. Both the connection and the client Fastify
 * derives from `X-Forwarded-For` (TRUST_PROXY) must be loopback: the first alone would admit anyone
 * behind a local reverse proxy, the second alone anyone who writes the header when every proxy is trusted.
 */
@Injectable()
export class LoopbackOnlyGuard implements CanActivate {
  canActivate(execution: ExecutionContext): boolean {
    const request = requestOf(execution);
    if (isLoopback(request.socket.remoteAddress) && isLoopback(request.ip)) return true;
    throw new ForbiddenException('Вход демо-пользователей доступен только с компьютера, на котором запущен сервер.');
  }
}

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  if (isIPv4(v4)) return v4.startsWith('127.');
  return address === '::1' || address === '0:0:0:0:0:0:0:1';
}
