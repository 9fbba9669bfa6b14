import type { FieldProblem } from '@nastavnik/platform/errors/app.exceptions';
import { isRealDate, ruDate, yearsBetween } from './dtos/input-helpers';
import type { ParticipantEntity } from './participant.entity';

/** The stored fields of a participant, as the service writes them. */
export type ParticipantDraft = Pick<
  ParticipantEntity,
  | 'kind' | 'lastName' | 'firstName' | 'middleName' | 'birthDate' | 'sex' | 'grade' | 'classLetter' | 'position'
  | 'teachingExperienceYears' | 'classTeacher' | 'subjects' | 'organisationName' | 'email' | 'phone' | 'achievements'
  | 'requests' | 'interests' | 'directions' | 'notes'
>;

export const DRAFT_FIELDS: (keyof ParticipantDraft)[] = [
  'kind', 'lastName', 'firstName', 'middleName', 'birthDate', 'sex', 'grade', 'classLetter', 'position',
  'teachingExperienceYears', 'classTeacher', 'subjects', 'organisationName', 'email', 'phone', 'achievements',
  'requests', 'interests', 'directions', 'notes',
];

export const MIN_AGE = 5;
export const MAX_AGE = 100;
/** Nobody starts teaching before this age; experience beyond `age − 14` is a typo. */
const EARLIEST_WORK_AGE = 14;

/**
 * Rules across fields that single-field validators cannot see: a real, past and plausible birth
 * date, a class only for students, experience that fits the age. Returns every problem, so an
 * import can report all of them for a row at once.
 */
export function participantProblems(draft: ParticipantDraft, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!draft.lastName?.trim()) problems.push({ field: 'lastName', message: 'Укажите фамилию.' });
  if (!draft.firstName?.trim()) problems.push({ field: 'firstName', message: 'Укажите имя.' });
  if (!draft.kind) problems.push({ field: 'kind', message: 'Укажите категорию участника.' });
  let age: number | null = null;
  if (draft.birthDate) {
    if (!isRealDate(draft.birthDate)) {
      problems.push({ field: 'birthDate', message: `Дата рождения «${draft.birthDate}» — несуществующая дата.` });
    } else if (draft.birthDate > today) {
      problems.push({ field: 'birthDate', message: `Дата рождения ${ruDate(draft.birthDate)} — в будущем.` });
    } else {
      age = yearsBetween(draft.birthDate, today);
      if (age < MIN_AGE || age > MAX_AGE) {
        problems.push({ field: 'birthDate', message: `Дата рождения ${ruDate(draft.birthDate)} неправдоподобна: возраст должен быть от ${MIN_AGE} до ${MAX_AGE} лет.` });
      }
    }
  }
  if (draft.kind !== 'student' && (draft.grade !== null || draft.classLetter !== null)) {
    problems.push({ field: 'grade', message: 'Класс указывается только для обучающихся.' });
  }
  if (draft.classLetter !== null && draft.grade === null) {
    problems.push({ field: 'classLetter', message: 'Литера указывается вместе с номером класса.' });
  }
  const experience = draft.teachingExperienceYears;
  if (experience !== null && age !== null && age >= MIN_AGE && experience > Math.max(0, age - EARLIEST_WORK_AGE)) {
    problems.push({ field: 'teachingExperienceYears', message: `Стаж ${experience} лет невозможен в возрасте ${age} лет.` });
  }
  return problems;
}

/** Same list without repeats (case-insensitive for free text), order kept. */
export function uniqueList<T extends string>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = item.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
