import { AppException } from '../errors/app.exceptions';

/** 429: the caller has used up a rate limit (http/rate-limits.ts); `Retry-After` says when to come back. */
export class RateLimitedException extends AppException {
  constructor(readonly retryAfterSeconds: number) {
    super('RATE_LIMITED', `Слишком много запросов: попробуйте через ${retryAfterSeconds} с.`, 429);
  }
}
