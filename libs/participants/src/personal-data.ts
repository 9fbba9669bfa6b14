import { declarePersonalData, type NotPersonalColumn } from '@nastavnik/platform/personal-data/personal-data';
import { registerSubjectDataHandler, scrubDeclaredText } from '@nastavnik/platform/personal-data/subject-data';

/**
 * Personal data held by the participants lib (issue 14): the person's record, what their consents
 * say of the legal representative, and what their base entries say of them. Loaded by the lib's
 * module; checked against the tables by tools/lint/personal-data.spec.ts.
 */
export const PERSONAL_DATA = [
  declarePersonalData({
    entity: 'Participant',
    title: 'Участник',
    table: 'participants',
    fields: [
      { property: 'lastName', column: 'last_name', category: 'name', title: 'Фамилия' },
      { property: 'firstName', column: 'first_name', category: 'name', title: 'Имя' },
      { property: 'middleName', column: 'middle_name', category: 'name', title: 'Отчество' },
      { property: 'nameKey', column: 'name_key', category: 'name', title: 'Ключ ФИО (для поиска)' },
      { property: 'birthDate', column: 'birth_date', category: 'birth-date', title: 'Дата рождения' },
      { property: 'sex', column: 'sex', category: 'other', title: 'Пол' },
      { property: 'grade', column: 'grade', category: 'class', title: 'Класс' },
      { property: 'classLetter', column: 'class_letter', category: 'class', title: 'Литера класса' },
      { property: 'position', column: 'position', category: 'other', title: 'Должность' },
      { property: 'teachingExperienceYears', column: 'teaching_experience_years', category: 'other', title: 'Стаж, лет' },
      { property: 'classTeacher', column: 'class_teacher', category: 'other', title: 'Классный руководитель' },
      { property: 'subjects', column: 'subjects', category: 'other', title: 'Предметы' },
      { property: 'organisationName', column: 'organisation_name', category: 'other', title: 'Организация' },
      { property: 'email', column: 'email', category: 'contact', title: 'Эл. почта' },
      { property: 'phone', column: 'phone', category: 'contact', title: 'Телефон' },
      { property: 'achievements', column: 'achievements', category: 'free-text', title: 'Достижения' },
      { property: 'requests', column: 'requests', category: 'free-text', title: 'Запросы' },
      { property: 'interests', column: 'interests', category: 'other', title: 'Интересы' },
      { property: 'directions', column: 'directions', category: 'other', title: 'Направления' },
      { property: 'notes', column: 'notes', category: 'free-text', title: 'Заметки' },
    ],
  }),
  declarePersonalData({
    entity: 'Consent',
    title: 'Согласие',
    table: 'consents',
    fields: [
      { property: 'representativeName', column: 'representative_name', category: 'name', title: 'Законный представитель' },
      { property: 'representativeRelation', column: 'representative_relation', category: 'other', title: 'Кем приходится' },
      { property: 'documentRef', column: 'document_ref', category: 'document', title: 'Документ' },
      { property: 'revocationReason', column: 'revocation_reason', category: 'free-text', title: 'Причина отзыва' },
    ],
  }),
  declarePersonalData({
    entity: 'ParticipantBaseEntry',
    title: 'Запись в базе',
    table: 'participant_base_entries',
    fields: [
      { property: 'withdrawalReason', column: 'withdrawal_reason', category: 'free-text', title: 'Причина выбытия' },
      { property: 'categories', column: 'categories', category: 'other', title: 'Категории' },
      { property: 'request', column: 'request', category: 'free-text', title: 'Запрос' },
      { property: 'competencies', column: 'competencies', category: 'free-text', title: 'Компетенции' },
      { property: 'motivation', column: 'motivation', category: 'free-text', title: 'Мотивация' },
      { property: 'thirdPartyNotes', column: 'third_party_notes', category: 'free-text', title: 'Сведения третьих лиц' },
      { property: 'interviewResult', column: 'interview_result', category: 'free-text', title: 'Итог собеседования' },
      { property: 'psychReady', column: 'psych_ready', category: 'other', title: 'Психологическая готовность' },
      { property: 'awards', column: 'awards', category: 'free-text', title: 'Поощрения' },
      { property: 'results', column: 'results', category: 'free-text', title: 'Итоги' },
    ],
  }),
  // The erasure requests themselves: who asked and who cancelled (staff accounts).
  declarePersonalData({
    entity: 'PersonalDataErasure',
    title: 'Удаление персональных данных',
    table: 'participant_erasures',
    fields: [
      { property: 'requestedBy', column: 'requested_by', category: 'other', title: 'Кто запросил' },
      { property: 'cancelledBy', column: 'cancelled_by', category: 'other', title: 'Кто отменил' },
    ],
  }),
] as const;

/** Columns of this lib whose names look personal but are not. */
export const NOT_PERSONAL_DATA: readonly NotPersonalColumn[] = [
  { table: 'participant_import_mappings', column: 'heading', why: 'заголовок столбца таблицы импорта' },
  { table: 'participant_import_mappings', column: 'heading_key', why: 'заголовок столбца таблицы импорта (нормализованный)' },
  { table: 'participant_erasures', column: 'due_by', why: 'крайний срок обезличивания (дата)' },
];

const ERASED = 'Удалено';

/**
 * The person's own records in this lib, de-identified (docs/adr/0025): names, contacts, birth
 * date, class, free text and preferences replaced or cleared; kind kept, and the birth date
 * generalised to `age_cohort` (the ages on every 1 September stay what they were); consents kept
 * as the record of consent and withdrawal, without the representative's name or the document's
 * reference, and revoked if still in force; base entries kept (dates, statuses — the indicators' facts) without their free text.
 */
registerSubjectDataHandler({
  lib: 'participants',
  async erase(em, subject) {
    const args = [subject.tenantId, subject.participantId];
    const count = async (sql: string) => {
      const result: unknown = await em.query(sql, args);
      return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
    };
    const changed: Record<string, number> = {
      participants: await count(`
        update participants
           set last_name = '${ERASED}', first_name = '№ ' || left(id::text, 8), middle_name = null,
               age_cohort = case when birth_date is null then null
                                 when to_char(birth_date, 'MM-DD') <= '09-01' then extract(year from birth_date)::int
                                 else extract(year from birth_date)::int + 1 end,
               birth_date = null, sex = null, grade = null, class_letter = null, position = null, teaching_experience_years = null,
               class_teacher = false, subjects = '{}', organisation_name = null, email = null, phone = null, achievements = null,
               requests = '{}', interests = '{}', directions = '{}', notes = null, erased_at = now()
         where tenant_id = $1 and id = $2`),
      consents: await count(`
        update consents
           set representative_name = case when representative_name is null then null else '${ERASED}' end,
               document_ref = null,
               revoked_on = coalesce(revoked_on, greatest(signed_on, current_date)),
               revocation_reason = '${ERASED}'
         where tenant_id = $1 and participant_id = $2`),
      participant_base_entries: await count(`
        update participant_base_entries
           set withdrawal_reason = null, categories = '{}', request = null, competencies = null, motivation = null,
               third_party_notes = null, interview_result = null, psych_ready = null, awards = null, results = null
         where tenant_id = $1 and participant_id = $2`),
    };
    const scrubbed = await scrubDeclaredText(em, PERSONAL_DATA, subject);
    for (const [table, n] of Object.entries(scrubbed)) changed[table] = (changed[table] ?? 0) + n;
    return changed;
  },
  async collect(em, subject) {
    const args = [subject.tenantId, subject.participantId];
    const rows = (sql: string): Promise<Record<string, unknown>[]> => em.query(sql, args).then((r: { row: Record<string, unknown> }[]) => r.map((x) => x.row));
    return [
      {
        entity: 'Participant',
        title: 'Участник',
        rows: await rows(`select to_jsonb(p) - 'tenant_id' - 'name_key' - 'age_cohort' as row from participants p where p.tenant_id = $1 and p.id = $2`),
      },
      {
        entity: 'Consent',
        title: 'Согласия на обработку персональных данных',
        rows: await rows(`select to_jsonb(c) - 'tenant_id' as row from consents c where c.tenant_id = $1 and c.participant_id = $2 order by c.signed_on, c.id`),
      },
      {
        entity: 'ParticipantBaseEntry',
        title: 'Записи в базах наставников и наставляемых',
        rows: await rows(`select to_jsonb(b) - 'tenant_id' as row from participant_base_entries b where b.tenant_id = $1 and b.participant_id = $2 order by b.included_on, b.id`),
      },
      {
        entity: 'PersonalDataErasure',
        title: 'Запросы на удаление персональных данных',
        rows: await rows(`select to_jsonb(e) - 'tenant_id' as row from participant_erasures e where e.tenant_id = $1 and e.participant_id = $2 order by e.requested_at`),
      },
    ];
  },
});
