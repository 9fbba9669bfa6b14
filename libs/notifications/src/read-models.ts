import type { ReadModel } from '@nastavnik/platform/database/read-model';

/**
 * What other libs may read of the notifications lib in SQL (docs/adr/0004): nothing. Other libs
 * write to the outbox through `NotificationOutbox` (notification-outbox.service.ts), in their own
 * transaction, and never name its tables.
 */
export const READ_MODELS = [] as const satisfies readonly ReadModel[];
