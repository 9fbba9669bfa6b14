import { declarePersonalData, type NotPersonalColumn } from '@nastavnik/platform/personal-data/personal-data';

/**
 * Personal data held by the participants lib (issue 14): the person's record, what their consents
 * say of the legal representative, and what their base entries say of them. Loaded by the lib's
 * module; checked against the tables by tools/lint/personal-data.spec.ts.
 */
export const PERSONAL_DATA = [
  declarePersonalData({
    entity: 'Participant',
    table: 'participants',
    fields: [
      { property: 'lastName', column: 'last_name', category: 'name' },
      { property: 'firstName', column: 'first_name', category: 'name' },
      { property: 'middleName', column: 'middle_name', category: 'name' },
      { property: 'nameKey', column: 'name_key', category: 'name' },
      { property: 'birthDate', column: 'birth_date', category: 'birth-date' },
      { property: 'sex', column: 'sex', category: 'other' },
      { property: 'grade', column: 'grade', category: 'class' },
      { property: 'classLetter', column: 'class_letter', category: 'class' },
      { property: 'position', column: 'position', category: 'other' },
      { property: 'teachingExperienceYears', column: 'teaching_experience_years', category: 'other' },
      { property: 'classTeacher', column: 'class_teacher', category: 'other' },
      { property: 'subjects', column: 'subjects', category: 'other' },
      { property: 'organisationName', column: 'organisation_name', category: 'other' },
      { property: 'email', column: 'email', category: 'contact' },
      { property: 'phone', column: 'phone', category: 'contact' },
      { property: 'achievements', column: 'achievements', category: 'free-text' },
      { property: 'requests', column: 'requests', category: 'free-text' },
      { property: 'interests', column: 'interests', category: 'other' },
      { property: 'directions', column: 'directions', category: 'other' },
      { property: 'notes', column: 'notes', category: 'free-text' },
    ],
  }),
  declarePersonalData({
    entity: 'Consent',
    table: 'consents',
    fields: [
      { property: 'representativeName', column: 'representative_name', category: 'name' },
      { property: 'representativeRelation', column: 'representative_relation', category: 'other' },
      { property: 'documentRef', column: 'document_ref', category: 'document' },
      { property: 'revocationReason', column: 'revocation_reason', category: 'free-text' },
    ],
  }),
  declarePersonalData({
    entity: 'ParticipantBaseEntry',
    table: 'participant_base_entries',
    fields: [
      { property: 'withdrawalReason', column: 'withdrawal_reason', category: 'free-text' },
      { property: 'categories', column: 'categories', category: 'other' },
      { property: 'request', column: 'request', category: 'free-text' },
      { property: 'competencies', column: 'competencies', category: 'free-text' },
      { property: 'motivation', column: 'motivation', category: 'free-text' },
      { property: 'thirdPartyNotes', column: 'third_party_notes', category: 'free-text' },
      { property: 'interviewResult', column: 'interview_result', category: 'free-text' },
      { property: 'psychReady', column: 'psych_ready', category: 'other' },
      { property: 'awards', column: 'awards', category: 'free-text' },
      { property: 'results', column: 'results', category: 'free-text' },
    ],
  }),
] as const;

/** Columns of this lib whose names look personal but are not. */
export const NOT_PERSONAL_DATA: readonly NotPersonalColumn[] = [
  { table: 'participant_import_mappings', column: 'heading', why: 'заголовок столбца таблицы импорта' },
  { table: 'participant_import_mappings', column: 'heading_key', why: 'заголовок столбца таблицы импорта (нормализованный)' },
];
