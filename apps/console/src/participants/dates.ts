/** Today in the browser's time zone, as the API's dates are written: 2026-09-01. */
export function todayIso(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** 2026-09-01 → 01.09.2026. */
export function ruDate(iso: string): string {
  return iso.split('-').reverse().join('.');
}

/** A validator for a date input: a future date or one before 2000 is refused in Russian. */
export const pastDate =
  (title: string) =>
  (value: unknown): string | undefined => {
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined; // empty or half-typed: see realDate
    if (value > todayIso()) return `${title} ${ruDate(value)} — в будущем.`;
    if (value < '2000-01-01') return `${title} ${ruDate(value)} — раньше 2000 года.`;
    return undefined;
  };

/** Where the participant's card opens after a consent or a base entry is added: the «Базы и согласия» tab. */
export const backToParticipant = (_resource: string | undefined, _id: unknown, data: Record<string, unknown> | undefined) =>
  data?.participantId ? `participants/${String(data.participantId)}/show/bases` : 'participants';
