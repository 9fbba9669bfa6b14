import type { BaseEntriesService } from '@nastavnik/participants/base-entries.service';
import type { ConsentsService } from '@nastavnik/participants/consents.service';
import type { CreateBaseEntryInput } from '@nastavnik/participants/dtos/base-entry.inputs';
import type { CreateConsentInput } from '@nastavnik/participants/dtos/consent.inputs';
import type { CreateParticipantInput } from '@nastavnik/participants/dtos/participant.inputs';
import type { ParticipantRecordsService } from '@nastavnik/participants/participant-records.service';
import type { BaseKind, BaseStatus, Direction, InterestArea, ParticipantKind } from '@nastavnik/participants/participant.codes';

/** One demo person: the participant, their base entries and (unless missing on purpose) a consent. */
export type DemoParticipant = {
  participant: Omit<CreateParticipantInput, 'tenantId'>;
  bases: Omit<CreateBaseEntryInput, 'participantId'>[];
  consent: Omit<CreateConsentInput, 'participantId'> | null;
  /** A consent recorded and then revoked, to show that revocation removes the person from pairing. */
  revoked?: boolean;
};

/** How many of whom a school gets: Мишкинская СОШ follows the golden counts of seed 004 (F2). */
type Mix = { studentMentees: number; teacherMentees: number; studentMentors: number; teacherMentors: number; externalMentors: number };
const MIXES: Record<string, Mix> = {
  mish: { studentMentees: 55, teacherMentees: 4, studentMentors: 3, teacherMentors: 12, externalMentors: 0 },
  default: { studentMentees: 18, teacherMentees: 3, studentMentors: 4, teacherMentors: 5, externalMentors: 2 },
};

const SURNAMES = ['Иванов', 'Смирнов', 'Кузнецов', 'Попов', 'Васильев', 'Петров', 'Соколов', 'Михайлов', 'Новиков', 'Фёдоров', 'Морозов', 'Волков', 'Алексеев', 'Лебедев', 'Семёнов', 'Егоров', 'Павлов', 'Козлов', 'Степанов', 'Николаев', 'Орлов', 'Андреев', 'Макаров', 'Никитин', 'Захаров'];
const MALE = ['Александр', 'Дмитрий', 'Максим', 'Сергей', 'Андрей', 'Алексей', 'Артём', 'Илья', 'Кирилл', 'Михаил', 'Никита', 'Егор'];
const FEMALE = ['Анна', 'Мария', 'Елена', 'Дарья', 'Алина', 'Ирина', 'Екатерина', 'Полина', 'Ольга', 'Софья', 'Виктория', 'Наталья'];
const FATHERS = ['Александров', 'Дмитриев', 'Сергеев', 'Андреев', 'Алексеев', 'Михайлов', 'Николаев', 'Петров', 'Иванов', 'Викторов'];
const SUBJECTS = ['математика', 'русский язык', 'литература', 'физика', 'химия', 'биология', 'история', 'английский язык', 'информатика', 'география'];
const INTERESTS: InterestArea[] = ['intellectual', 'sport', 'volunteer', 'creative', 'methodological'];
const STUDENT_DIRECTIONS: Direction[] = ['D01', 'D02', 'D03', 'D04', 'D05', 'D06', 'D07', 'D08', 'D09'];
const STUDENT_REQUESTS = ['Подтянуть успеваемость по математике', 'Адаптация в новом классе', 'Выбор профессии', 'Подготовка к олимпиаде', 'Проектная работа', 'Уверенность в общении'];
const TEACHER_REQUESTS = ['Организация урока', 'Работа с родителями', 'Цифровые инструменты на уроке', 'Профилактика выгорания', 'Классное руководство'];

/** A tiny deterministic generator (mulberry32), so the demo is the same on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function seedOf(text: string): number {
  let hash = 2166136261;
  for (const ch of text) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619);
  return hash >>> 0;
}

function isoDate(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/**
 * Demo participants of one school (synthetic people; the counts of Мишкинская СОШ are those of
 * seed 004): student and teacher mentees, student, teacher and external mentors, each with the
 * base entries and a consent — by a parent for minors. A few have no consent and one has revoked
 * it, so the console shows why they are missing from pairing. Dates are relative to `today`.
 */
export function demoParticipants(tenantCode: string, today: Date = new Date()): DemoParticipant[] {
  const mix = MIXES[tenantCode] ?? MIXES.default;
  const rnd = random(seedOf(tenantCode));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)];
  const some = <T>(items: readonly T[], max: number): T[] => [...new Set(Array.from({ length: 1 + Math.floor(rnd() * max) }, () => pick(items)))];
  const ago = (years: number, days = Math.floor(rnd() * 360)) => {
    const d = new Date(today);
    d.setFullYear(d.getFullYear() - years);
    d.setDate(d.getDate() - days);
    return isoDate(d);
  };
  const consentDate = ago(0, 30 + Math.floor(rnd() * 200));
  const used = new Set<string>();
  const person = (kind: ParticipantKind, age: number) => {
    for (;;) {
      const female = rnd() < 0.55;
      const surname = pick(SURNAMES);
      const lastName = female ? `${surname}а` : surname;
      const firstName = pick(female ? FEMALE : MALE);
      const middleName = `${pick(FATHERS)}${female ? 'на' : 'ич'}`;
      const birthDate = ago(age);
      const key = `${lastName} ${firstName} ${middleName} ${birthDate}`;
      if (used.has(key)) continue;
      used.add(key);
      return { kind, lastName, firstName, middleName, birthDate, sex: female ? ('female' as const) : ('male' as const) };
    }
  };
  const adultConsent = (): DemoParticipant['consent'] => ({ signedBy: 'self', signedOn: consentDate, purposes: ['processing', 'pairing', 'questionnaires', 'reports'] });
  const parentConsent = (lastName: string): DemoParticipant['consent'] => ({
    signedBy: 'legal_representative',
    representativeName: `${lastName.endsWith('а') ? lastName : `${lastName}а`} ${pick(FEMALE)} ${pick(FATHERS)}на`,
    representativeRelation: 'mother',
    signedOn: consentDate,
    purposes: ['processing', 'pairing', 'questionnaires', 'reports'],
  });
  const entry = (base: BaseKind, status: BaseStatus, extra: Partial<Omit<CreateBaseEntryInput, 'participantId'>> = {}) => ({ base, status, includedOn: ago(0, 240), ...extra });
  const people: DemoParticipant[] = [];

  for (let i = 0; i < mix.studentMentees; i += 1) {
    const grade = 1 + Math.floor(rnd() * 9);
    const p = person('student', grade + 6);
    people.push({
      participant: { ...p, grade, classLetter: pick(['А', 'Б', 'В']), interests: some(INTERESTS.slice(0, 4), 2), directions: some(STUDENT_DIRECTIONS, 2), requests: [pick(STUDENT_REQUESTS)] },
      bases: [entry('mentee', pick(['selected', 'in_pair', 'in_pair', 'in_pair'] as const), { categories: rnd() < 0.2 ? ['low_results'] : [], infoSources: ['class_teacher', 'questionnaire'] })],
      consent: i % 20 === 19 ? null : parentConsent(p.lastName),
      revoked: i === 7,
    });
  }
  for (let i = 0; i < mix.studentMentors; i += 1) {
    const grade = 9 + Math.floor(rnd() * 3);
    const p = person('student', grade + 6);
    const adult = grade + 6 >= 18;
    people.push({
      participant: { ...p, grade, classLetter: 'А', interests: some(INTERESTS.slice(0, 4), 2), directions: ['D04', 'D07'], achievements: 'Победитель муниципального этапа олимпиады' },
      bases: [entry('mentor', 'trained', { trainingForm: 'in_person', maxMentees: 3, competencies: 'Лидер класса, высокие образовательные результаты' })],
      consent: adult ? adultConsent() : parentConsent(p.lastName),
    });
  }
  for (let i = 0; i < mix.teacherMentors; i += 1) {
    const age = 35 + Math.floor(rnd() * 25);
    const p = person('teacher', age);
    const subject = pick(SUBJECTS);
    people.push({
      participant: { ...p, position: `учитель (${subject})`, teachingExperienceYears: age - 23, subjects: [subject], directions: ['D10', 'D11'], interests: ['methodological'] },
      bases: [entry('mentor', pick(['trained', 'in_pair'] as const), { trainingForm: pick(['in_person', 'distance'] as const), maxMentees: 2, competencies: 'Опытный предметник, автор методических материалов', councilMember: i < 3 })],
      consent: adultConsent(),
    });
  }
  for (let i = 0; i < mix.teacherMentees; i += 1) {
    const age = 23 + Math.floor(rnd() * 4);
    const p = person('teacher', age);
    const subject = pick(SUBJECTS);
    people.push({
      participant: { ...p, position: `учитель (${subject})`, teachingExperienceYears: Math.floor(rnd() * 3), subjects: [subject], directions: ['D11'], requests: [pick(TEACHER_REQUESTS)] },
      bases: [entry('mentee', 'in_pair', { categories: ['young_specialist'], infoSources: ['self', 'lesson_visits'] })],
      consent: adultConsent(),
    });
  }
  for (let i = 0; i < mix.externalMentors; i += 1) {
    const employer = i % 2 === 0;
    const p = person(employer ? 'employer_rep' : 'uni_student', employer ? 40 : 20);
    people.push({
      participant: { ...p, organisationName: employer ? 'ООО «Агротехника»' : 'Педагогический колледж', directions: employer ? ['D08', 'D09'] : ['D07', 'D09'] },
      bases: [entry('mentor', 'selected', { maxMentees: 2, competencies: employer ? 'Профориентация, предпринимательство' : 'Проектная деятельность' })],
      consent: adultConsent(),
    });
  }
  return people;
}

type Services = { records: ParticipantRecordsService; entries: BaseEntriesService; consents: ConsentsService };

/**
 * Writes `people` into one organisation through the lib's services (so every rule and policy
 * applies). Call inside a scope that may write there (the school's curator, or a platform admin
 * with `tenantId`). Idempotent: a person who exists (same name and birth date) is skipped.
 */
export async function loadDemoParticipants(services: Services, tenantId: string, people: DemoParticipant[]): Promise<{ created: number; skipped: number }> {
  let created = 0;
  for (const demo of people) {
    const twin = await services.records.findByNaturalKey({ middleName: null, birthDate: null, ...demo.participant });
    if (twin) continue;
    const participant = await services.records.create({ ...demo.participant, tenantId });
    for (const base of demo.bases) await services.entries.create({ ...base, participantId: participant.id });
    if (demo.consent) {
      const consent = await services.consents.create({ ...demo.consent, participantId: participant.id });
      if (demo.revoked) await services.consents.revoke(consent.id, 'Заявление законного представителя об отзыве согласия');
    }
    created += 1;
  }
  return { created, skipped: people.length - created };
}
