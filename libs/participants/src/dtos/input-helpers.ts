import { Transform } from 'class-transformer';
import { registerDecorator, type ValidationOptions } from 'class-validator';
import { hasControlChars } from '@nastavnik/platform/graphql/validators';

export { hasControlChars, isRealDate, yearsBetween } from '@nastavnik/platform/graphql/validators';

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const ISO_DATE_MESSAGE = 'в формате ГГГГ-ММ-ДД';

/** Letters, spaces, hyphens, apostrophes and dots; starts with a letter (Cyrillic or Latin). */
export const PERSON_NAME = /^\p{L}[\p{L}\p{M} '’.-]*$/u;

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

/** Today in the region's calendar, `YYYY-MM-DD`. */
export { todayIso } from '@nastavnik/platform/calendar';

/** «12.03.2010» for messages. */
export function ruDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}
