/** A school's contingent as the API gives it (SchoolContingent). */
export type Contingent = { id: string; schoolYear: string; tenantName: string; teachers: number; ages: { age: number; pupils: number }[] };

/** The ages the form offers (the API takes 5–25). */
export const GRID_AGES = Array.from({ length: 16 }, (_, i) => 5 + i); // 5–20

/** The form's grid: `a<age>` → pupils, every offered age present (0 where none). */
export function gridOf(ages: readonly { age: number; pupils: number }[]): Record<string, number> {
  const grid = new Map<string, number>(GRID_AGES.map((age) => [`a${age}`, 0]));
  for (const { age, pupils } of ages) grid.set(`a${age}`, pupils);
  return Object.fromEntries(grid);
}

/** The grid back to the API's list: the ages with pupils. */
export function toAges(grid: Readonly<Record<string, number | null | undefined>>): { age: number; pupils: number }[] {
  return Object.entries(grid)
    .map(([key, pupils]) => ({ age: Number(key.slice(1)), pupils: Number(pupils ?? 0) }))
    .filter((a) => /^a\d+$/.test(`a${a.age}`) && Number.isInteger(a.pupils) && a.pupils > 0)
    .sort((a, b) => a.age - b.age);
}

/** The sums the indicators use: every pupil, 10–19 (T1), 15–19 (T2). */
export function contingentTotals(ages: readonly { age: number; pupils: number }[]): { pupils: number; pupils10To19: number; pupils15To19: number } {
  const sum = (from: number, to: number) => ages.filter((a) => a.age >= from && a.age <= to).reduce((s, a) => s + a.pupils, 0);
  return { pupils: sum(0, 99), pupils10To19: sum(10, 19), pupils15To19: sum(15, 19) };
}
