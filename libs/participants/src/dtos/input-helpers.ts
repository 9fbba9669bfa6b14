import { Transform } from 'class-transformer';
import { registerDecorator, type ValidationOptions } from 'class-validator';

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const ISO_DATE_MESSAGE = 'в формате ГГГГ-ММ-ДД';

/** Letters, spaces, hyphens, apostrophes and dots; starts with a letter (Cyrillic or Latin). */
export const PERSON_NAME = /^\p{L}[\p{L}\p{M} '’.-]*$/u;

/** Control characters Postgres text cannot hold (NUL) or a person never means to type; tab and line breaks are fine. */
export function hasControlChars(value: string): boolean {
  for (let i = 0; i < value.length; i += 1) {
    const code = value.charCodeAt(i);
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 127) return true;
  }
  return false;
}

/** Trims and collapses inner whitespace of a string (lists: of each item); anything else passes untouched. */
export const Tidy = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => {
    const tidy = (v: unknown) => (typeof v === 'string' ? v.trim().replace(/[ \t\u00a0]+/g, ' ') : v);
    return Array.isArray(value) ? value.map(tidy) : tidy(value);
  });

/** No control characters (each item of a list, too). */
export function NoControlChars(options: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'noControlChars',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => {
          const items = Array.isArray(value) ? value : [value];
          return items.every((item) => typeof item !== 'string' || !hasControlChars(item));
        },
      },
    });
}

/** Today in the server's local calendar, `YYYY-MM-DD`. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Whether `YYYY-MM-DD` names a real calendar day. */
export function isRealDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Whole years between two ISO dates (age on `on`). */
export function yearsBetween(from: string, on: string): number {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = on.split('-').map(Number);
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}

/** «12.03.2010» for messages. */
export function ruDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}
