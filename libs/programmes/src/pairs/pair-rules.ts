import { INTEREST_TITLES, PARTICIPANT_KIND_TITLES, type ParticipantKind } from '@nastavnik/participants/participant.codes';
import type { HardRule, MatchPerson } from '../matching/matching.types';
import { ROLE_MODELS, mentorSenior } from '../matching/rules';
import { ageOn } from '../common/validators';
import { ownValue } from '@nastavnik/contracts/lookup';

/** What the rules of a form need to know about a person (a participant of the organisation). */
export type PersonFacts = {
  id: string;
  kind: ParticipantKind;
  lastName: string;
  firstName: string;
  middleName: string | null;
  birthDate: string | null;
  grade: number | null;
  subjects: string[];
  directions: string[];
  interests: string[];
  requests: string[];
};

/** The parts of a form of mentoring (форма наставничества) its rules read. */
export type FormRules = {
  title: string;
  mentorKinds: ParticipantKind[];
  menteeKinds: ParticipantKind[];
  mentorMinAge: number | null;
  menteeMinAge: number | null;
  menteeMaxAge: number | null;
  mentorUsuallyOlder: boolean;
};

/** Indicator T2 counts student mentors of this age (004 L68). */
const T2_AGES = [15, 19] as const;

export function displayName(p: Pick<PersonFacts, 'lastName' | 'firstName' | 'middleName'>): string {
  return `${p.lastName} ${p.firstName.charAt(0)}.${p.middleName ? ` ${p.middleName.charAt(0)}.` : ''}`;
}

/** The person as the matching engine sees them, with the age on `onDate`. */
export function toMatchPerson(p: PersonFacts, onDate: string): MatchPerson {
  return {
    id: p.id,
    name: displayName(p),
    kind: p.kind,
    age: p.birthDate ? ageOn(p.birthDate, onDate) : undefined,
    grade: p.grade ?? undefined,
    subjects: p.subjects,
    directions: p.directions,
    // The engine explains in Russian: «интеллектуальное», not the stored code.
    interests: p.interests.map((code) => (INTEREST_TITLES as Record<string, string | undefined>)[code]?.toLowerCase() ?? code),
    requestTags: p.requests.map((r) => r.trim().toLowerCase()).filter((r) => r.length > 0),
  };
}

/** «1 год», «3 года», «15 лет». */
export function years(n: number): string {
  const m10 = n % 10;
  const m100 = n % 100;
  const word = m10 === 1 && m100 !== 11 ? 'год' : m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14) ? 'года' : 'лет';
  return `${n} ${word}`;
}

const kinds = (list: readonly ParticipantKind[]) => list.map((k) => `«${ownValue(PARTICIPANT_KIND_TITLES, k) ?? k}»`).join(', ');

/**
 * What the form forbids (Russian messages): a mentor or mentee of a kind the form does not allow,
 * an age under the form's minimum, the mentor among the mentees. Unknown birth dates pass.
 */
export function formViolations(form: FormRules, mentor: PersonFacts, mentees: PersonFacts[], onDate: string): string[] {
  const problems: string[] = [];
  if (!form.mentorKinds.includes(mentor.kind)) {
    problems.push(`${displayName(mentor)} не может быть наставником в форме «${form.title}»: категория «${ownValue(PARTICIPANT_KIND_TITLES, mentor.kind) ?? mentor.kind}», а допустимы ${kinds(form.mentorKinds)}.`);
  }
  if (form.mentorMinAge !== null && mentor.birthDate && ageOn(mentor.birthDate, onDate) < form.mentorMinAge) {
    problems.push(`Наставнику ${displayName(mentor)} ${years(ageOn(mentor.birthDate, onDate))} — в форме «${form.title}» наставник не моложе ${form.mentorMinAge} лет.`);
  }
  for (const mentee of mentees) {
    if (mentee.id === mentor.id) {
      problems.push(`${displayName(mentee)} не может быть наставником и наставляемым одной пары (группы).`);
      continue;
    }
    if (!form.menteeKinds.includes(mentee.kind)) {
      problems.push(`${displayName(mentee)} не может быть наставляемым в форме «${form.title}»: категория «${ownValue(PARTICIPANT_KIND_TITLES, mentee.kind) ?? mentee.kind}», а допустимы ${kinds(form.menteeKinds)}.`);
    }
    const age = mentee.birthDate ? ageOn(mentee.birthDate, onDate) : null;
    if (age !== null && form.menteeMinAge !== null && age < form.menteeMinAge) {
      problems.push(`Наставляемому ${displayName(mentee)} ${years(age)} — в форме «${form.title}» наставляемые не младше ${form.menteeMinAge} лет.`);
    }
    if (age !== null && form.menteeMaxAge !== null && age > form.menteeMaxAge) {
      problems.push(`Наставляемому ${displayName(mentee)} ${years(age)} — в форме «${form.title}» наставляемые не старше ${form.menteeMaxAge} лет.`);
    }
  }
  return problems;
}

/**
 * What is allowed but worth a second look (Russian, stored on the pair): the mentor not older than
 * a mentee where the form expects it (reverse mentoring is legitimate, 003 «роли меняются»), the
 * rules of the role model (e.g. a common subject), a student mentor outside the T2 age band.
 */
export function pairWarnings(form: FormRules, roleModelCode: string | null, mentor: PersonFacts, mentees: PersonFacts[], onDate: string): string[] {
  const found = new Map<string, string[]>();
  const matchMentor = { ...toMatchPerson(mentor, onDate), capacity: mentees.length };
  const rules: [HardRule, string][] = [];
  if (form.mentorUsuallyOlder && roleModelCode !== 'ROLES_CHANGE') rules.push([mentorSenior(), `обычно в форме «${form.title}» наставник старше`]);
  const model = roleModelCode ? (ROLE_MODELS as Record<string, { title: string; rules: readonly HardRule[] } | undefined>)[roleModelCode] : undefined;
  for (const rule of model?.rules ?? []) rules.push([rule, `ролевая модель «${model?.title}»`]);
  for (const mentee of mentees) {
    const matchMentee = toMatchPerson(mentee, onDate);
    for (const [rule, context] of rules) {
      const reason = rule(matchMentor, matchMentee);
      if (!reason) continue;
      const key = `${displayName(mentee)}: ${reason}`;
      found.set(key, [...(found.get(key) ?? []), context]);
    }
  }
  const warnings = [...found].map(([text, contexts]) => `${text} (${contexts.join('; ')}).`);
  if (mentor.kind === 'student' && mentor.birthDate) {
    const age = ageOn(mentor.birthDate, onDate);
    if (age < T2_AGES[0] || age > T2_AGES[1]) {
      warnings.push(`Наставник-обучающийся ${displayName(mentor)} (${years(age)}) не войдёт в показатель «доля обучающихся 15–19 лет в роли наставника».`);
    }
  }
  return warnings;
}
