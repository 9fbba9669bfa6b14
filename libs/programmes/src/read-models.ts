import type { ReadModel } from '@nastavnik/platform/database/read-model';

/**
 * What other libs may read of the programmes lib in SQL (docs/adr/0004): views of this lib's
 * migrations, never its tables.
 */
export const READ_MODELS = [
  {
    name: 'programme_titles',
    doc: "A school's mentoring programmes: tenant, id, title, school year.",
    security: 'invoker',
    readers: ['nastavnik_app'],
  },
  {
    name: 'roadmap_summaries',
    doc: "A school's roadmaps: tenant, id, title, school year, when created.",
    security: 'invoker',
    readers: ['nastavnik_app'],
  },
  {
    name: 'roadmap_item_lines',
    doc: "A roadmap's items as the execution report shows them: position, number, activity, schedule, due date, responsible, status, result.",
    security: 'invoker',
    readers: ['nastavnik_app'],
  },
  {
    name: 'roadmap_stage_execution',
    doc: "A school's roadmap execution per school year and stage: items total, done, in progress, planned, not done, overdue, the latest change — counts only (the region's school card).",
    security: 'invoker',
    readers: ['nastavnik_app'],
  },
  {
    name: 'mentoring_direction_titles',
    doc: 'The mentoring directions (reference data): id, code, title, short title, sort order.',
    security: 'invoker',
    readers: ['nastavnik_app'],
  },
  {
    name: 'ind_membership_facts',
    doc: 'Indicator fact: who is mentor or mentee of a started pair in which school year (tenant, participant, role, period) — the indicator engine only.',
    security: 'definer',
    readers: ['nastavnik_indicators'],
  },
  {
    name: 'ind_meeting_facts',
    doc: "Indicator fact: each meeting's type, direction and school year — the indicator engine only.",
    security: 'definer',
    readers: ['nastavnik_indicators'],
  },
] as const satisfies readonly ReadModel[];
