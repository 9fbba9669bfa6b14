/**
 * The region's calendar. "Today", the school year of a moment and the nightly schedule follow the
 * region's clock, not the server's (UTC in containers): a curator in Moscow entering today's date
 * at 23:30 must not be told it is in the future. One time zone for the platform's region; the
 * database transactions of the API and the worker use the same (TenantContext sets `timezone`).
 */
export const REGION_TIME_ZONE = 'Europe/Moscow';

const DAY = new Intl.DateTimeFormat('en-CA', { timeZone: REGION_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today (or the day of `now`) in the region, `YYYY-MM-DD`. */
export function todayIso(now: Date = new Date()): string {
  return DAY.format(now);
}

/** The school year (September to August, «2022/2023») a moment falls into, in the region. */
export function schoolYearOf(moment: Date = new Date()): string {
  const [year, month] = todayIso(moment).split('-').map(Number);
  const start = month >= 9 ? year : year - 1;
  return `${start}/${start + 1}`;
}
