import { Body, Controller, Get, HttpCode, Inject, Post, UseGuards } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { NotFoundException, ValidationFailedException } from '../errors/app.exceptions';
import { Public } from './auth.decorators';
import { DEV_USERS } from './dev-users';
import { LoopbackOnlyGuard } from './loopback-only.guard';
import { mintKeycloakToken } from './keycloak-token';

const TOKEN_TTL_SECONDS = 8 * 3600;

/**
 * Development identity mode (AUTH_MODE=dev only — the app refuses that mode in production):
 * stands in for Keycloak's login on a machine without Keycloak. It mints tokens of Keycloak's
 * shape for the demo users, which then go through the very same guard as real ones. Only for
 * callers on this machine: a demo started on a laptop in a school network lends no one else a
 * login (the API itself listens on 127.0.0.1 unless HOST says otherwise).
 */
@UseGuards(LoopbackOnlyGuard)
@Controller('auth/dev')
export class DevIdentityController {
  private readonly privateKey: string;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.privateKey = readFileSync(join(config.auth.devIdentityDir, 'private.pem'), 'utf8');
  }

  @Public()
  @Get('users')
  users() {
    return DEV_USERS.map(({ username, displayName, roles, description }) => ({ username, displayName, roles, description }));
  }

  @Public()
  @Post('token')
  @HttpCode(200)
  token(@Body() body: unknown) {
    const username = (body as { username?: unknown } | null)?.username;
    if (typeof username !== 'string') throw new ValidationFailedException('Укажите логин демо-пользователя.');
    const user = DEV_USERS.find((u) => u.username === username);
    if (!user) throw new NotFoundException('Такого демо-пользователя нет.');
    const { keycloakUrl, realm, clientId } = this.config.auth;
    const accessToken = mintKeycloakToken(this.privateKey, user, { issuer: `${keycloakUrl}/realms/${realm}`, audience: clientId, ttlSeconds: TOKEN_TTL_SECONDS });
    return { accessToken, expiresIn: TOKEN_TTL_SECONDS, tokenType: 'Bearer' };
  }
}
