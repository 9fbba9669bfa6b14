import { SetMetadata } from '@nestjs/common';
import type { AppRole } from './principal';

export const PUBLIC_KEY = 'nastavnik:public';
export const ROLES_KEY = 'nastavnik:roles';

/** A route anyone may call without a token: `GET /health`, the one-time questionnaire links `/q/:token`, and the dev identity routes in dev mode. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_KEY, true);

/** The realm roles allowed to call a resolver or route; without it, any authenticated role may. */
export const Roles = (...roles: AppRole[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);
