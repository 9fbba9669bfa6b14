import type { FastifyHelmetOptions } from '@fastify/helmet';

/**
 * @fastify/helmet's headers for an API that answers JSON and files, never pages: a policy that
 * lets a response load, run or frame nothing; HSTS; `nosniff`; no framing; no referrer. Helmet's
 * other defaults (Cross-Origin-*-Policy same-origin, X-DNS-Prefetch-Control off …) stay on.
 */
export const API_SECURITY_HEADERS: FastifyHelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
  },
  strictTransportSecurity: { maxAge: 365 * 24 * 3600, includeSubDomains: true },
  xContentTypeOptions: true,
  xFrameOptions: { action: 'deny' },
  referrerPolicy: { policy: 'no-referrer' },
};
