/**
 * Seed 004's school, МБОУ «Мишкинская СОШ», in the school year 2022/2023, as RAW records — people
 * with birth dates, the mentor and mentee bases, programmes, pairs and groups, meetings and
 * satisfaction questionnaires — from which the indicator engine must reproduce the published
 * figures (SEEDS-DOMAIN §8.2–8.4) to the digit. The persons are synthetic (§10.1); the counts are
 * the seed's. Where the seed does not give a count, the fixture takes one consistent with every
 * published percentage:
 * - students: 167 (M1 «55 / 33 %» ⇒ 165–169), of whom 108 aged 10–19 on 1 September 2022
 *   (T1 «55 – 51 %» ⇒ 108) and 90 aged 15–19 (T2 «3 – 3 %» with the formula as written needs
 *   86–120 — open question 3 of SEEDS-DOMAIN: with a usual age mix the figure would be ~10 %);
 * - teachers: 30 (M2 «4 / 13 %» ⇒ 30–31; M3, M5 «15 / 8 %» of students + teachers ⇒ 197 ✓).
 * Everything is written through the services, in the school curator's scope.
 */
import { ListArgs } from '@nastavnik/platform/graphql/list-args';
import type { QuestionnaireResponseService } from '@nastavnik/monitoring/questionnaire-response.service';
import type { QuestionnaireTemplateService } from '@nastavnik/monitoring/questionnaire-template.service';
import type { BaseEntriesService } from '@nastavnik/participants/base-entries.service';
import type { ConsentsService } from '@nastavnik/participants/consents.service';
import type { ParticipantRecordsService } from '@nastavnik/participants/participant-records.service';
import type { Direction, InterestArea } from '@nastavnik/participants/participant.codes';
import type { MeetingService } from '@nastavnik/programmes/meetings/meeting.service';
import type { MentoringPairService } from '@nastavnik/programmes/pairs/mentoring-pair.service';
import type { ProgrammeService } from '@nastavnik/programmes/programmes/programme.service';
import { MeetingTypeEntity, MentoringDirectionEntity, MentoringFormEntity, type ReferenceEntry, RoleModelEntity } from '@nastavnik/programmes/reference/reference.entities';
import type { ReferenceService } from '@nastavnik/programmes/reference/reference.service';
import { demoAnswers } from './demo-questionnaires';

export const GOLDEN_PERIOD = '2022/2023';

/** The published figures (§8.2–8.4) as numerator / denominator / value. */
export const GOLDEN_EXPECTED: Record<string, { numerator: number; denominator: number | null; value: number }> = {
  T1: { numerator: 55, denominator: 108, value: 51 },
  T2: { numerator: 3, denominator: 90, value: 3 },
  T3: { numerator: 33, denominator: 59, value: 56 },
  T4: { numerator: 8, denominator: 12, value: 67 },
  M1: { numerator: 55, denominator: 167, value: 33 },
  M2: { numerator: 4, denominator: 30, value: 13 },
  M3: { numerator: 15, denominator: 197, value: 8 },
  M5: { numerator: 15, denominator: 197, value: 8 },
  MENTORS: { numerator: 15, denominator: null, value: 15 },
  MENTEES: { numerator: 59, denominator: null, value: 59 },
};

/** Items 21–22 of seed 004: first (organisational) and second (trial) meetings by direction. */
export const GOLDEN_MEETINGS: Record<'ORGANISATIONAL' | 'TRIAL', Record<string, number>> = {
  ORGANISATIONAL: { D01: 4, D04: 16, D06: 5, D07: 24, D10: 4 },
  TRIAL: { D01: 4, D04: 16, D06: 5, D07: 24, D10: 4 },
};

export type GoldenServices = {
  records: ParticipantRecordsService;
  entries: BaseEntriesService;
  consents: ConsentsService;
  refs: ReferenceService;
  programmes: ProgrammeService;
  pairs: MentoringPairService;
  meetings: MeetingService;
  templates: QuestionnaireTemplateService;
  responses: QuestionnaireResponseService;
};

const SURNAMES = ['Иванов', 'Смирнов', 'Кузнецов', 'Попов', 'Васильев', 'Петров', 'Соколов', 'Михайлов', 'Новиков', 'Фёдоров', 'Морозов', 'Волков', 'Алексеев', 'Лебедев', 'Семёнов', 'Егоров', 'Павлов', 'Козлов', 'Степанов', 'Николаев'];
const MALE = ['Александр', 'Дмитрий', 'Максим', 'Сергей', 'Андрей', 'Алексей', 'Артём', 'Илья', 'Кирилл', 'Михаил'];
const FEMALE = ['Анна', 'Мария', 'Елена', 'Дарья', 'Алина', 'Ирина', 'Екатерина', 'Арина', 'Полина', 'Ольга'];
const PATRONYMIC_M = ['Иванович', 'Петрович', 'Сергеевич', 'Андреевич', 'Николаевич'];
const PATRONYMIC_F = ['Ивановна', 'Петровна', 'Сергеевна', 'Андреевна', 'Николаевна'];
const SUBJECTS = ['математика', 'русский язык', 'физика', 'история', 'биология', 'английский язык', 'информатика', 'химия', 'география', 'литература'];
// Interests and directions do not enter any indicator; they give the matching engine something to weigh in the demo.
const INTERESTS: InterestArea[] = ['intellectual', 'sport', 'volunteer', 'creative', 'methodological'];
const STUDENT_DIRECTIONS: Direction[] = ['D01', 'D04', 'D06', 'D07'];
const TEACHER_DIRECTIONS: Direction[] = ['D10', 'D11'];

/** A synthetic person number n: a unique, stable Russian name. */
function name(n: number): { lastName: string; firstName: string; middleName: string; sex: 'male' | 'female' } {
  const female = n % 2 === 1;
  const surname = SURNAMES[n % SURNAMES.length];
  return {
    lastName: female ? `${surname.replace(/в$/, 'ва').replace(/н$/, 'на')}` : surname,
    firstName: (female ? FEMALE : MALE)[Math.floor(n / 2) % 10],
    middleName: (female ? PATRONYMIC_F : PATRONYMIC_M)[Math.floor(n / 20) % 5],
    sex: female ? 'female' : 'male',
  };
}

/** Born so as to be `age` full years old on 1 September 2022. */
function bornAt(age: number, n: number): string {
  const month = 1 + (n % 8); // January–August: the birthday has passed by 1 September
  return `${2022 - age}-${String(month).padStart(2, '0')}-${String(1 + (n % 27)).padStart(2, '0')}`;
}

/**
 * Who is registered: 'all' — the whole school roll (167 students, 30 teachers), the denominators
 * counted from the registered people; 'participants' — only the 74 who take part (in a base, a
 * pair or a questionnaire), the school's contingent giving the denominators (docs/adr/0027). The
 * persons who are registered are the same people, with the same names and birth dates, either way.
 */
export type GoldenRegistration = 'all' | 'participants';

/** Seed 004's school roll as a contingent (ages on 1 September 2022, as `loadGoldenMishkino` builds the students). */
export const GOLDEN_CONTINGENT = {
  ages: [...countAges(59, (i) => 7 + (i % 3)), ...countAges(18, (i) => 10 + (i % 5)), ...countAges(90, (i) => [15, 16, 17, 18][i % 4])],
  teachers: 30,
};
function countAges(count: number, ageOf: (i: number) => number): { age: number; pupils: number }[] {
  const byAge = new Map<number, number>();
  for (let i = 0; i < count; i += 1) byAge.set(ageOf(i), (byAge.get(ageOf(i)) ?? 0) + 1);
  return [...byAge].map(([age, pupils]) => ({ age, pupils }));
}

export async function loadGoldenMishkino(s: GoldenServices, tenantId: string, register: GoldenRegistration = 'all'): Promise<{ participants: number; pairs: number; meetings: number; responses: number }> {
  let n = 0;
  let registered = 0;
  // Those who take part, by their number in the roll (1–167 students, 168–197 teachers): students 60–74 (aged 10–14, mentees),
  // 78–80 (mentors) and 88–127 (mentees); teachers 168–179 (mentors) and 188–191 (mentees) — 74 people.
  const takesPart = (k: number) => register === 'all' || (k >= 60 && k <= 74) || (k >= 78 && k <= 80) || (k >= 88 && k <= 127) || (k >= 168 && k <= 179) || (k >= 188 && k <= 191);
  const consentOf = async (participantId: string, minor: boolean) => {
    await s.consents.create({
      participantId,
      signedBy: minor ? 'legal_representative' : 'self',
      representativeName: minor ? 'Законный представитель (синтетические данные)' : null,
      representativeRelation: minor ? 'mother' : null,
      signedOn: '2022-09-05',
      purposes: ['processing', 'pairing', 'questionnaires', 'reports'],
    });
  };
  const student = async (age: number): Promise<string> => {
    n += 1;
    if (!takesPart(n)) return `not-registered-${n}`;
    registered += 1;
    const p = await s.records.create({
      tenantId, kind: 'student', ...name(n), birthDate: bornAt(age, n), grade: Math.min(11, Math.max(1, age - 6)),
      interests: [INTERESTS[n % 4]], directions: [STUDENT_DIRECTIONS[n % 4], STUDENT_DIRECTIONS[(n + 1) % 4]],
    });
    await consentOf(p.id, true);
    return p.id;
  };
  const teacher = async (): Promise<string> => {
    n += 1;
    const age = 26 + (n % 34);
    if (!takesPart(n)) return `not-registered-${n}`;
    registered += 1;
    const p = await s.records.create({ tenantId, kind: 'teacher', ...name(n), birthDate: bornAt(age, n), position: 'учитель', teachingExperienceYears: Math.min(age - 23, 30), subjects: [SUBJECTS[n % SUBJECTS.length]],
      interests: [INTERESTS[n % 5]], directions: [STUDENT_DIRECTIONS[n % 4], TEACHER_DIRECTIONS[n % 2]],
    });
    await consentOf(p.id, false);
    return p.id;
  };

  // 167 students: 59 aged 7–9, 18 aged 10–14, 90 aged 15–19; 30 teachers.
  const young: string[] = [];
  for (let i = 0; i < 59; i += 1) young.push(await student(7 + (i % 3)));
  const middle: string[] = [];
  for (let i = 0; i < 18; i += 1) middle.push(await student(10 + (i % 5)));
  const senior: string[] = [];
  for (let i = 0; i < 90; i += 1) senior.push(await student([15, 16, 17, 18][i % 4]));
  const teachers: string[] = [];
  for (let i = 0; i < 30; i += 1) teachers.push(await teacher());

  // Bases: 55 student mentees (15 aged 10–14, 40 aged 15–19) and 4 teacher mentees; 15 mentors (3 students, 12 teachers), all surveyed, mentors trained.
  const studentMentors = senior.slice(0, 3);
  const menteesSS = middle.slice(0, 15);
  const menteesTS = senior.slice(10, 50);
  const teacherMentors = teachers.slice(0, 12);
  const teacherMentees = teachers.slice(20, 24);
  const dates = { includedOn: '2022-10-03', surveyedOn: '2022-10-14' };
  for (const id of [...menteesSS, ...menteesTS, ...teacherMentees]) await s.entries.create({ participantId: id, base: 'mentee', status: 'surveyed', ...dates });
  for (const id of [...studentMentors, ...teacherMentors]) await s.entries.create({ participantId: id, base: 'mentor', status: 'trained', ...dates, trainedOn: '2022-11-18', maxMentees: 5 });

  const one = async <T extends ReferenceEntry>(entity: new () => T, code: string) => {
    const [row] = await s.refs.list(entity, Object.assign(new ListArgs(), { perPage: 50 }), { codes: [code] });
    if (!row) throw new Error(`reference ${code} is missing`);
    return row.id;
  };
  const direction = new Map<string, string>();
  for (const code of ['D01', 'D04', 'D06', 'D07', 'D10']) direction.set(code, await one(MentoringDirectionEntity, code));
  const roleModel = new Map<string, string>();
  const programme = async (form: string, title: string, directions: string[]) => {
    const formId = await one(MentoringFormEntity, form);
    const [model] = await s.refs.list(RoleModelEntity, Object.assign(new ListArgs(), { perPage: 50 }), { formId });
    const created = await s.programmes.create({
      tenantId, title, academicYear: GOLDEN_PERIOD, formId, roleModelIds: model ? [model.id] : [],
      directionIds: directions.map((d) => direction.get(d)!), startDate: '2023-01-16', endDate: '2023-06-30', mentorCapacity: 5,
    });
    await s.programmes.changeStatus(created.id, 'active');
    if (model) roleModel.set(created.id, model.id);
    return created.id;
  };
  const ss = await programme('STUDENT_STUDENT', 'Программа наставничества «Ученик – ученик»', ['D01', 'D04', 'D06', 'D07']);
  const ts = await programme('TEACHER_STUDENT', 'Программа наставничества «Учитель – ученик»', ['D01', 'D04', 'D06', 'D07']);
  const tt = await programme('TEACHER_TEACHER', 'Программа наставничества «Учитель – учитель»', ['D10']);

  const pairOf = async (programmeId: string, mentorId: string, menteeIds: string[], dir: string) => {
    const draft = await s.pairs.create({ programmeId, mentorId, menteeIds, directionId: direction.get(dir), roleModelId: roleModel.get(programmeId) ?? null });
    return (await s.pairs.changeStatus(draft.id, { status: 'active', date: '2023-01-20' })).id;
  };
  const studentGroups: string[] = [];
  for (let i = 0; i < 3; i += 1) studentGroups.push(await pairOf(ss, studentMentors[i], menteesSS.slice(i * 5, i * 5 + 5), 'D07'));
  for (let i = 0; i < 8; i += 1) studentGroups.push(await pairOf(ts, teacherMentors[i], menteesTS.slice(i * 5, i * 5 + 5), 'D04'));
  const teacherPairs: string[] = [];
  for (let i = 0; i < 4; i += 1) teacherPairs.push(await pairOf(tt, teacherMentors[8 + i], [teacherMentees[i]], 'D10'));

  let meetings = 0;
  for (const [type, byDirection] of Object.entries(GOLDEN_MEETINGS)) {
    const meetingTypeId = await one(MeetingTypeEntity, type);
    let k = 0;
    for (const [dir, count] of Object.entries(byDirection)) {
      const groups = dir === 'D10' ? teacherPairs : studentGroups;
      for (let i = 0; i < count; i += 1, k += 1) {
        await s.meetings.create({ pairId: groups[k % groups.length], meetingTypeId, directionId: direction.get(dir), heldOn: type === 'TRIAL' ? '2023-02-10' : '2023-01-27', durationMinutes: 40 });
        meetings += 1;
      }
    }
  }

  // Satisfaction (Q11): every mentee answers (33 of 59 satisfied); the 12 teacher mentors answer (8 satisfied).
  const templates = await s.templates.list(Object.assign(new ListArgs(), { perPage: 500 }), { isDefault: true });
  const template = (code: string) => {
    const found = templates.find((t) => t.code === code);
    if (!found) throw new Error(`default questionnaire ${code} is missing`);
    return found;
  };
  let seed = 4;
  const next = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  let responses = 0;
  const mentees = [...menteesSS, ...menteesTS, ...teacherMentees];
  for (const [i, id] of mentees.entries()) {
    const t = template('mentee-satisfaction');
    await s.responses.create({ templateId: t.id, participantId: id, academicYear: GOLDEN_PERIOD, submittedAt: new Date(Date.UTC(2023, 4, 22, 10)), answers: demoAnswers(t, i < 33, next) });
    responses += 1;
  }
  for (const [i, id] of teacherMentors.entries()) {
    const t = template('mentor-satisfaction');
    await s.responses.create({ templateId: t.id, participantId: id, academicYear: GOLDEN_PERIOD, submittedAt: new Date(Date.UTC(2023, 4, 24, 10)), answers: demoAnswers(t, i < 8, next) });
    responses += 1;
  }
  return { participants: registered, pairs: studentGroups.length + teacherPairs.length, meetings, responses };
}
