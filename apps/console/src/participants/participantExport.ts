import type { RaRecord } from 'react-admin';
import { labelOf } from '../common/choices';
import { buildCsv, cellOf, csvExporter, type CsvColumn } from '../common/csvExport';
import { isoToRu } from '../common/ruDate';
import { participantMessages } from './messages';

/** A participant as the list loads it (every scalar field of the API's `Participant`). */
export type ParticipantRecord = RaRecord & {
  lastName?: string | null;
  firstName?: string | null;
  middleName?: string | null;
  birthDate?: string | null;
  sex?: string | null;
  kind?: string | null;
  grade?: number | null;
  classLetter?: string | null;
  position?: string | null;
  teachingExperienceYears?: number | null;
  subjects?: string[] | null;
  organisationName?: string | null;
  phone?: string | null;
  email?: string | null;
  requests?: string[] | null;
  interests?: string[] | null;
  directions?: string[] | null;
  achievements?: string | null;
  notes?: string | null;
  hasValidConsent?: boolean | null;
};

const { fields } = participantMessages;
const heading = (field: string) => (Object.hasOwn(fields, field) ? String(fields[field]) : field);

/** The columns of the participants export, with the list's Russian headings; enum values as their labels. */
export const PARTICIPANT_COLUMNS: readonly CsvColumn<ParticipantRecord>[] = [
  { heading: heading('lastName'), value: (p) => p.lastName },
  { heading: heading('firstName'), value: (p) => p.firstName },
  { heading: heading('middleName'), value: (p) => p.middleName },
  { heading: heading('birthDate'), value: (p) => (p.birthDate ? isoToRu(p.birthDate) : null) },
  { heading: heading('sex'), value: (p) => (p.sex ? labelOf('Sex', p.sex) : null) },
  { heading: heading('kind'), value: (p) => (p.kind ? labelOf('ParticipantKind', p.kind) : null) },
  { heading: heading('grade'), value: (p) => (p.grade ? `${p.grade}${p.classLetter ?? ''}` : null) },
  { heading: heading('position'), value: (p) => p.position },
  { heading: heading('teachingExperienceYears'), value: (p) => p.teachingExperienceYears },
  { heading: heading('subjects'), value: (p) => cellOf(p.subjects) },
  { heading: heading('organisationName'), value: (p) => p.organisationName },
  { heading: heading('phone'), value: (p) => p.phone },
  { heading: heading('email'), value: (p) => p.email },
  { heading: heading('requests'), value: (p) => cellOf(p.requests) },
  { heading: heading('interests'), value: (p) => (p.interests ?? []).map((area) => labelOf('InterestArea', area)).join('; ') },
  { heading: heading('directions'), value: (p) => (p.directions ?? []).map((direction) => labelOf('Direction', direction)).join('; ') },
  { heading: heading('achievements'), value: (p) => p.achievements },
  { heading: heading('notes'), value: (p) => p.notes },
  { heading: heading('hasValidConsent'), value: (p) => cellOf(p.hasValidConsent) },
];

/** The participants export as CSV text (what the «Экспорт» button downloads). */
export function participantsCsv(records: readonly ParticipantRecord[]): string {
  return buildCsv(records, PARTICIPANT_COLUMNS);
}

/** The exporter of the participants list: `Участники.csv`. */
export const participantExporter = csvExporter<ParticipantRecord>(PARTICIPANT_COLUMNS, 'Участники');
