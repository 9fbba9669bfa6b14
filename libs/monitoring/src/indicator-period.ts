/** The school year a date falls in: September to August («2022/2023»). */
export function schoolYearOf(date: Date = new Date()): string {
  const year = date.getUTCFullYear();
  return date.getUTCMonth() >= 8 ? `${year}/${year + 1}` : `${year - 1}/${year}`;
}
