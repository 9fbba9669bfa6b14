import { getMetadataStorage, IsOptional, ValidateBy, type ValidationOptions } from 'class-validator';
import { schoolYearOf } from '../calendar';

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

/** A UTF-16 half without its other half: not a character at all (Postgres would get U+FFFD, validators throw). */
export function hasLoneSurrogate(value: string): boolean {
  return /\p{Surrogate}/u.test(value);
}

/**
 * Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069): they
 * reorder what a reader sees (a surname shown backwards, a «.xlsx» that is really «.exe») and no
 * school record needs them.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;

/** Nothing a person could see: format characters (zero-width, direction marks), spaces and controls only. */
const INVISIBLE = /[\p{Cf}\p{Z}\p{Cc}\s]/gu;

/**
 * What is wrong with a piece of text from outside, or `undefined` when nothing is. The API's
 * input pipe asks this of every string of every argument, whatever field it is in.
 */
export function textProblem(value: string): string | undefined {
  if (hasLoneSurrogate(value)) return 'Текст содержит повреждённые символы (непарный суррогат UTF-16): наберите его заново.';
  if (hasControlChars(value)) return CLEAN_TEXT_MESSAGE;
  if (BIDI_CONTROLS.test(value)) return 'Текст не должен содержать символов, меняющих направление письма (U+202A–U+202E, U+2066–U+2069).';
  if (value.trim() !== '' && value.replace(INVISIBLE, '') === '') return 'Текст состоит только из невидимых символов.';
  return undefined;
}

export function isCleanText(value: unknown): boolean {
  return typeof value !== 'string' || textProblem(value) === undefined;
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

/**
 * A period of indicators and reports: a school year from 2015/2016 (the target model's first
 * monitoring years had no earlier data) to the one after the current. Each distinct period is a
 * stored file and a worker job, so «0000/0001» or «2998/2999» is refused, not computed.
 */
export const FIRST_REPORTING_YEAR = 2015;

export function reportingPeriodMessage(now: Date = new Date()): string {
  const last = Number(schoolYearOf(now).slice(0, 4)) + 1;
  return `Период — учебный год с ${FIRST_REPORTING_YEAR}/${FIRST_REPORTING_YEAR + 1} по ${last}/${last + 1}, например ${schoolYearOf(now)}.`;
}

export function isReportingPeriod(value: unknown, now: Date = new Date()): value is string {
  if (!isAcademicYear(value)) return false;
  const start = Number(value.slice(0, 4));
  return start >= FIRST_REPORTING_YEAR && start <= Number(schoolYearOf(now).slice(0, 4)) + 1;
}

export function IsReportingPeriod(options: ValidationOptions = {}): PropertyDecorator {
  return ValidateBy(
    { name: 'isReportingPeriod', validator: { validate: (value: unknown) => isReportingPeriod(value), defaultMessage: () => reportingPeriodMessage() } },
    options,
  );
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

/**
 * An optional field whose explicit `null` means «clear it» (a column that may be empty). Every
 * other optional field treats `null` as absent: the input pipe resets it to the field's default
 * (see validation.pipe.ts), so no service ever meets a `null` it did not ask for. Kept as a
 * class-validator constraint (that always passes) so that `PartialType`, `OmitType` and
 * `PickType` carry it to derived inputs like every other rule.
 */
export function Nullable(): PropertyDecorator {
  return (target, property) => {
    IsOptional()(target, property);
    ValidateBy({ name: NULLABLE_FIELD, validator: { validate: () => true } })(target, property);
  };
}

const NULLABLE_FIELD = 'nastavnikNullableField';
const nullableByClass = new WeakMap<object, ReadonlySet<string>>();

/** The fields of an input class (inherited and derived ones included) declared `@Nullable()`. */
export function nullableFieldsOf(inputClass: object): ReadonlySet<string> {
  let names = nullableByClass.get(inputClass);
  if (!names) {
    const metadata = getMetadataStorage().getTargetValidationMetadatas(inputClass as new () => object, '', true, false);
    names = new Set(metadata.filter((m) => m.name === NULLABLE_FIELD).map((m) => m.propertyName));
    nullableByClass.set(inputClass, names);
  }
  return names;
}

/** A string with at least one visible character (not only spaces, zero-width or direction marks). */
export function IsNotBlank(options: ValidationOptions & { message: string }): PropertyDecorator {
  return ValidateBy({ name: 'isNotBlank', validator: { validate: (value: unknown) => typeof value !== 'string' || value.replace(INVISIBLE, '').length > 0 } }, options);
}

/** Whole years from `from` to `on` (dates `YYYY-MM-DD`): a person's age on a day. */
export function yearsBetween(from: string, on: string): number {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = on.split('-').map(Number);
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}
