import { ValidationFailedException } from '@nastavnik/platform/errors/app.exceptions';
import { yearsBetween } from '@nastavnik/platform/graphql/validators';

export { IsAcademicYear, IsCalendarDate, IsCleanText, IsNotBlank, Nullable, isAcademicYear, isCalendarDate } from '@nastavnik/platform/graphql/validators';

/** Age in whole years on `onDate` of a person born on `birthDate` (both `YYYY-MM-DD`). */
export const ageOn = yearsBetween;

/** Whole months from `start` to `end` (dates `YYYY-MM-DD`), counting a partial month as a fraction. */
export function monthsBetween(start: string, end: string): number {
  const [y1, m1, d1] = start.split('-').map(Number);
  const [y2, m2, d2] = end.split('-').map(Number);
  return (y2 - y1) * 12 + (m2 - m1) + (d2 - d1) / 31;
}

/** Today in the region's calendar, as `YYYY-MM-DD`. */
export { todayIso as today } from '@nastavnik/platform/calendar';

/** VALIDATION_FAILED when `end` is before `start` (dates `YYYY-MM-DD` compare as strings). */
export function checkDates(start: string | null | undefined, end: string | null | undefined, what = 'Дата окончания'): void {
  if (start && end && end < start) throw new ValidationFailedException(`${what} раньше даты начала.`);
}
