import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isAcademicYear } from '../questionnaire.codes';
import { hasControlChars } from '../questionnaire-rules';


export const CLEAN_TEXT_MESSAGE = 'Текст не должен содержать управляющих символов.';
export const ACADEMIC_YEAR_MESSAGE = 'Учебный год указывается как «2022/2023» — два последовательных года.';
export const DATE_MESSAGE = 'Дата указывается как «2023-05-31» (существующая дата с 2000 по 2100 год).';

export function isCleanText(value: unknown): boolean {
  return typeof value !== 'string' || !hasControlChars(value);
}

/** Text without control characters (line breaks and tabs allowed); `each: true` for lists. */
export function IsCleanText(options: ValidationOptions = {}): PropertyDecorator {
  return ValidateBy({ name: 'isCleanText', validator: { validate: isCleanText } }, { message: CLEAN_TEXT_MESSAGE, ...options });
}

/** Учебный год «2022/2023»: two consecutive years. */
export function IsAcademicYear(options: ValidationOptions = {}): PropertyDecorator {
  return ValidateBy({ name: 'isAcademicYear', validator: { validate: (value: unknown) => typeof value === 'string' && isAcademicYear(value) } }, { message: ACADEMIC_YEAR_MESSAGE, ...options });
}

/** A calendar date `YYYY-MM-DD` between 2000 and 2100 that exists (no 2023-02-30). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 2000 && year <= 2100 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function IsCalendarDate(options: ValidationOptions = {}): PropertyDecorator {
  return ValidateBy({ name: 'isCalendarDate', validator: { validate: isCalendarDate } }, { message: DATE_MESSAGE, ...options });
}
