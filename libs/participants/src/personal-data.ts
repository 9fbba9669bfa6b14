import { declarePersonalData, type NotPersonalColumn } from '@nastavnik/platform/personal-data/personal-data';
import { registerSubjectDataHandler, scrubDeclaredText } from '@nastavnik/platform/personal-data/subject-data';

/**
 * Personal data held by the participants lib (issue 14): the person's record, what their consents
 * say of the legal representative, and what their base entries say of them. Loaded by the lib's
 * module; checked against the tables by tools/lint/personal-data.spec.ts.
 */
export const PERSONAL_DATA = [
  declarePersonalData(
    { entity: 'Participant', title: 'Участник', table: 'participants' },
    {
      name: { lastName: 'Фамилия', firstName: 'Имя', middleName: 'Отчество', nameKey: 'Ключ ФИО (для поиска)' },
      'birth-date': { birthDate: 'Дата рождения' },
      contact: { email: 'Эл. почта', phone: 'Телефон' },
      class: { grade: 'Класс', classLetter: 'Литера класса' },
      'free-text': { achievements: 'Достижения', requests: 'Запросы', notes: 'Заметки' },
      other: {
        sex: 'Пол', position: 'Должность', teachingExperienceYears: 'Стаж, лет', classTeacher: 'Классный руководитель', subjects: 'Предметы',
        organisationName: 'Организация', interests: 'Интересы', directions: 'Направления',
      },
    },
  ),
  declarePersonalData(
    { entity: 'Consent', title: 'Согласие', table: 'consents' },
    { name: { representativeName: 'Законный представитель' }, document: { documentRef: 'Документ' }, 'free-text': { revocationReason: 'Причина отзыва' }, other: { representativeRelation: 'Кем приходится' } },
  ),
  declarePersonalData(
    { entity: 'ParticipantBaseEntry', title: 'Запись в базе', table: 'participant_base_entries' },
    {
      'free-text': {
        withdrawalReason: 'Причина выбытия', request: 'Запрос', competencies: 'Компетенции', motivation: 'Мотивация', thirdPartyNotes: 'Сведения третьих лиц',
        interviewResult: 'Итог собеседования', awards: 'Поощрения', results: 'Итоги',
      },
      other: { categories: 'Категории', psychReady: 'Психологическая готовность' },
    },
  ),
  // The erasure requests themselves: who asked and who cancelled (staff accounts).
  declarePersonalData({ entity: 'PersonalDataErasure', title: 'Удаление персональных данных', table: 'participant_erasures' }, { other: { requestedBy: 'Кто запросил', cancelledBy: 'Кто отменил' } }),
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
