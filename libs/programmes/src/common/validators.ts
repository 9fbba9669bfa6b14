import { ValidationFailedException } from '@nastavnik/platform/errors/app.exceptions';
import { ValidateBy, type ValidationOptions } from 'class-validator';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date `YYYY-MM-DD` between 2000 and 2100 that exists (no 2023-02-30). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 2000 && year <= 2100 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function IsCalendarDate(options: ValidationOptions & { message: string }): PropertyDecorator {
  return ValidateBy({ name: 'isCalendarDate', validator: { validate: isCalendarDate } }, options);
}

/** Учебный год «2022/2023»: two consecutive years. */
export function isAcademicYear(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = /^(\d{4})\/(\d{4})$/.exec(value);
  return !!match && Number(match[2]) === Number(match[1]) + 1 && Number(match[1]) >= 2000 && Number(match[1]) < 2100;
}

export const ACADEMIC_YEAR_MESSAGE = 'Учебный год указывается как «2022/2023» — два последовательных года.';

export function IsAcademicYear(options: ValidationOptions = {}): PropertyDecorator {
  return ValidateBy({ name: 'isAcademicYear', validator: { validate: isAcademicYear } }, { message: ACADEMIC_YEAR_MESSAGE, ...options });
}

/** NUL cannot be stored in Postgres text; other C0 controls (but tab and line breaks) and DEL are never meant in a curator's text. */
function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 127) return true;
  }
  return false;
}

/** Text without control characters (line breaks and tabs allowed); `each` for arrays. */
export function IsCleanText(options: ValidationOptions & { message: string }): PropertyDecorator {
  return ValidateBy({ name: 'isCleanText', validator: { validate: (value: unknown) => typeof value !== 'string' || !hasControlCharacter(value) } }, options);
}

/** Whole months from `start` to `end` (dates `YYYY-MM-DD`), counting a partial month as a fraction. */
export function monthsBetween(start: string, end: string): number {
  const [y1, m1, d1] = start.split('-').map(Number);
  const [y2, m2, d2] = end.split('-').map(Number);
  return (y2 - y1) * 12 + (m2 - m1) + (d2 - d1) / 31;
}

/** Today in the server's calendar, as `YYYY-MM-DD`. */
export function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** Age in whole years on `onDate` of a person born on `birthDate` (both `YYYY-MM-DD`). */
export function ageOn(birthDate: string, onDate: string): number {
  const [y1, m1, d1] = birthDate.split('-').map(Number);
  const [y2, m2, d2] = onDate.split('-').map(Number);
  return y2 - y1 - (m2 < m1 || (m2 === m1 && d2 < d1) ? 1 : 0);
}

/** A string with at least one non-space character. */
export function IsNotBlank(options: ValidationOptions & { message: string }): PropertyDecorator {
  return ValidateBy({ name: 'isNotBlank', validator: { validate: (value: unknown) => typeof value !== 'string' || value.trim().length > 0 } }, options);
}

/** VALIDATION_FAILED when `end` is before `start` (dates `YYYY-MM-DD` compare as strings). */
export function checkDates(start: string | null | undefined, end: string | null | undefined, what = 'Дата окончания'): void {
  if (start && end && end < start) throw new ValidationFailedException(`${what} раньше даты начала.`);
}
