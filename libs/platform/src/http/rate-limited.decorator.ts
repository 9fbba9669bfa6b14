import { SetMetadata } from '@nestjs/common';

/** Operations limited per tenant by name; each name has its limit in the configuration (`RateLimitConfig`). */
export type TenantRateLimit = 'reports';

export const RATE_LIMITED_KEY = 'nastavnik:rate-limited';

/**
 * Counts each call of the resolver or route against the caller's tenant (per person for those
 * bound to no tenant) and refuses with RATE_LIMITED (429, `Retry-After`) past the limit — for work
 * that is dear to do, such as rendering reports. Enforced by `TenantRateLimitGuard`.
 */
export const RateLimited = (name: TenantRateLimit): MethodDecorator & ClassDecorator => SetMetadata(RATE_LIMITED_KEY, name);
