import { ValidateBy, type ValidationOptions } from 'class-validator';

/*
 * The checks every lib's inputs share — texts without control characters, real calendar dates,
 * school years — as plain functions and as class-validator decorators with Russian messages
 * (a field's own message, naming it as the console labels it, overrides the default).
 */

export const CLEAN_TEXT_MESSAGE = 'Текст не должен содержать управляющих символов.';
export const ACADEMIC_YEAR_MESSAGE = 'Учебный год указывается как «2022/2023» — два последовательных года.';
export const DATE_MESSAGE = 'Дата указывается как «2023-05-31» (существующая дата с 2000 по 2100 год).';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** NUL cannot be stored in Postgres text; other C0 controls (but tab and line breaks) and DEL are never meant in a person's text. */
export function hasControlChars(value: string): boolean {
  for (let i = 0; i < value.length; i += 1) {
    const code = value.charCodeAt(i);
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 127) return true;
  }
  return false;
}

export function isCleanText(value: unknown): boolean {
  return typeof value !== 'string' || !hasControlChars(value);
}

/** Whether `YYYY-MM-DD` names a real calendar day (no 2023-02-30), in any year. */
export function isRealDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A real calendar date `YYYY-MM-DD` between 2000 and 2100 (the dates of programmes, meetings, answers). */
export function isCalendarDate(value: unknown): value is string {
  return typeof value === 'string' && isRealDate(value) && Number(value.slice(0, 4)) >= 2000 && Number(value.slice(0, 4)) <= 2100;
}

/** Учебный год «2022/2023»: two consecutive years, from 2000. */
export function isAcademicYear(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = /^(\d{4})\/(\d{4})$/.exec(value);
  return !!match && Number(match[2]) === Number(match[1]) + 1 && Number(match[1]) >= 2000 && Number(match[1]) < 2100;
}

/** Text without control characters (line breaks and tabs allowed); `each: true` for lists. */
export function IsCleanText(options: ValidationOptions = {}): PropertyDecorator {
  return ValidateBy({ name: 'isCleanText', validator: { validate: isCleanText } }, { message: CLEAN_TEXT_MESSAGE, ...options });
}

export function IsCalendarDate(options: ValidationOptions = {}): PropertyDecorator {
  return ValidateBy({ name: 'isCalendarDate', validator: { validate: isCalendarDate } }, { message: DATE_MESSAGE, ...options });
}

export function IsAcademicYear(options: ValidationOptions = {}): PropertyDecorator {
  return ValidateBy({ name: 'isAcademicYear', validator: { validate: isAcademicYear } }, { message: ACADEMIC_YEAR_MESSAGE, ...options });
}

/** A string with at least one non-space character. */
export function IsNotBlank(options: ValidationOptions & { message: string }): PropertyDecorator {
  return ValidateBy({ name: 'isNotBlank', validator: { validate: (value: unknown) => typeof value !== 'string' || value.trim().length > 0 } }, options);
}

/** Whole years from `from` to `on` (dates `YYYY-MM-DD`): a person's age on a day. */
export function yearsBetween(from: string, on: string): number {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = on.split('-').map(Number);
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}
