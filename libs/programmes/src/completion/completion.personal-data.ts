import { declarePersonalData, type NotPersonalColumn } from '@nastavnik/platform/personal-data/personal-data';

/**
 * Personal data of the completion stage (docs/adr/0036), spread into the lib's `personal-data.ts`:
 * the nominated mentor's name and the reason written about them, in the school's nomination and in
 * the copy the school entered into a competition.
 */
const NOMINATED = { name: { mentorName: 'ФИО наставника' }, 'free-text': { reason: 'Обоснование' } } as const;

export const COMPLETION_PERSONAL_DATA = [
  declarePersonalData({ entity: 'MentorNomination', title: 'Выдвижение наставника', table: 'mentor_nominations' }, NOMINATED),
  declarePersonalData({ entity: 'CompetitionEntry', title: 'Заявка на конкурс наставников', table: 'competition_entries' }, NOMINATED),
] as const;

/** Columns of the completion stage whose names look personal but are not. */
export const COMPLETION_NOT_PERSONAL_DATA: readonly NotPersonalColumn[] = [
  { table: 'competition_entries', column: 'school_name', why: 'наименование образовательной организации' },
  { table: 'competition_entries', column: 'result', why: 'итог конкурса: код (победитель, призёр, участник)' },
  { table: 'competition_entries', column: 'result_at', why: 'когда подведён итог конкурса' },
  { table: 'practice_cases', column: 'school_name', why: 'наименование образовательной организации' },
  { table: 'practice_cases', column: 'results', why: 'результаты практики (о программе, не о человеке; кейс пишется для публикации)' },
  { table: 'practice_cases', column: 'moderator_comment', why: 'замечание модератора региона к тексту кейса' },
];
