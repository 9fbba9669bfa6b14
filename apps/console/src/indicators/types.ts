export type IndicatorDefinition = { code: string; shortTitle: string; title: string; unit: string; defaultTarget: number | null };
export type IndicatorValue = {
  code: string;
  tenantId: string;
  tenantName: string;
  municipalityName: string | null;
  numerator: number;
  denominator: number | null;
  value: number | null;
  target: number | null;
  belowTarget: boolean | null;
  rank: number | null;
  computedAt: string | null;
  /** Where the denominator came from (docs/adr/0027): the school's contingent or its registered people; null where it is no population. */
  denominatorSource: 'CONTINGENT' | 'REGISTERED' | 'MIXED' | null;
};
export type IndicatorAggregate = { tenantId: string | null; name: string; numerator: number; denominator: number | null; value: number | null; organisations: number };
/** A school year of a trend; `value` null — no data that year (a gap in the line). */
export type IndicatorTrendPoint = { period: string; numerator: number | null; denominator: number | null; value: number | null; organisations: number };

export const VALUE_FIELDS = 'code tenantId tenantName municipalityName numerator denominator value target belowTarget rank computedAt denominatorSource';

/** «N1 — Вовлечённость обучающихся»; a code without a final digit (MENTORS) is not shown, only the title. */
export function indicatorLabel(definition: Pick<IndicatorDefinition, 'code' | 'shortTitle'>): string {
  return /\d$/.test(definition.code) ? `${definition.code} — ${definition.shortTitle}` : definition.shortTitle;
}

/** The headline indicators: the target-model percentages and the two counts, not the per-direction meeting breakdowns. */
export function isHeadline(definition: IndicatorDefinition): boolean {
  return !definition.code.includes('.');
}

export function formatValue(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined) return '—';
  return unit === 'percent' ? `${value} %` : String(value);
}

/** Σnumerators / Σdenominators as a rounded percentage; never an average of percentages. */
export function ratio(numerator: number, denominator: number | null): number | null {
  if (!denominator) return null;
  return Math.round((numerator * 100) / denominator);
}
