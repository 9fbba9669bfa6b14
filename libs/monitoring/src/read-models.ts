import type { ReadModel } from '@nastavnik/platform/database/read-model';

/**
 * What other libs may read of the monitoring lib in SQL (docs/adr/0004): views of this lib's
 * migrations, never its tables. (The indicator facts this lib defines over its own tables,
 * `ind_satisfaction_facts` and `ind_scorecard_facts`, are read by its own engine only.)
 */
export const READ_MODELS = [
  {
    name: 'indicator_snapshot_values',
    doc: "Indicator snapshots: organisation, its path, period, indicator, numerator, denominator, when computed — across the reader's subtree.",
    security: 'invoker',
    readers: ['nastavnik_app'],
  },
  {
    name: 'indicator_target_values',
    doc: 'Indicator targets set for a region or municipality (tenant, path, period, indicator, target); the most specific one applies.',
    security: 'invoker',
    readers: ['nastavnik_app'],
  },
  {
    name: 'programme_scorecard_results',
    doc: "Effectiveness scorecards' results per programme and school year: total, level, rating date — for the school's curator.",
    security: 'invoker',
    readers: ['nastavnik_app'],
  },
  {
    name: 'ind_contingent_facts',
    doc: "Indicator fact: each school's contingent per school year — pupils by age on 1 September and teachers, as counts (tenant, period, kind, age, headcount) — the indicator engine only.",
    security: 'definer',
    readers: ['nastavnik_indicators'],
  },
  {
    name: 'ind_outcome_facts',
    doc: "Indicator fact: each school's before/after aggregates per school year, role and question (pairs, Σbefore, Σafter, one phase only; no person) — the indicator engine only, stored as OUT.* snapshots (docs/adr/0035).",
    security: 'definer',
    readers: ['nastavnik_indicators'],
  },
] as const satisfies readonly ReadModel[];
