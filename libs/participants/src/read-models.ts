import type { ReadModel } from '@nastavnik/platform/database/read-model';

/**
 * What other libs may read of the participants lib in SQL (docs/adr/0004): views of this lib's
 * migrations, never `participants`, `participant_base_entries` or `consents` themselves.
 */
export const READ_MODELS = [
  {
    name: 'participant_eligibility',
    doc: "(tenant, participant, purpose) for each consent in force today that allows the purpose, a minor's signed by a legal representative — ask with exists.",
    security: 'invoker',
    readers: ['nastavnik_app'],
  },
  {
    name: 'ind_person_facts',
    doc: 'Indicator fact: tenant, participant id, kind and birth date of every participant (no names) — the indicator engine only.',
    security: 'definer',
    readers: ['nastavnik_indicators'],
  },
  {
    name: 'ind_base_facts',
    doc: 'Indicator fact: membership in the mentor/mentee bases with surveyed/trained flags and dates — the indicator engine only.',
    security: 'definer',
    readers: ['nastavnik_indicators'],
  },
] as const satisfies readonly ReadModel[];
