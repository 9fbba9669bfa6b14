import { schoolYearOf, todayIso } from '../src/calendar';

/** The region's calendar, not the server's: UTC evening is already tomorrow in Moscow. */
describe("the region's calendar", () => {
  it('today is the day in Moscow, whatever the server clock', () => {
    expect(todayIso(new Date('2026-12-01T20:59:00Z'))).toBe('2026-12-01');
    expect(todayIso(new Date('2026-12-01T21:00:00Z'))).toBe('2026-12-02');
    expect(todayIso(new Date('2026-12-31T22:30:00Z'))).toBe('2027-01-01');
  });

  it('the school year turns on 1 September in Moscow', () => {
    expect(schoolYearOf(new Date('2026-08-31T20:59:00Z'))).toBe('2025/2026');
    expect(schoolYearOf(new Date('2026-08-31T21:00:00Z'))).toBe('2026/2027');
    expect(schoolYearOf(new Date('2027-01-15T12:00:00Z'))).toBe('2026/2027');
  });
});
