import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { CreateParticipantInput } from '../dtos/participant.inputs';
import { PERSON_NAME, ruDate } from '../dtos/input-helpers';
import {
  CONSENT_PURPOSE_TITLES,
  ConsentPurpose,
  Direction,
  DIRECTION_TITLES,
  INTEREST_TITLES,
  PARTICIPANT_KIND_TITLES,
  InterestArea,
  ParticipantKind,
  RepresentativeRelation,
  Sex,
  type BaseKind,
  type ConsentSigner,
} from '../participant.codes';
import { ownValue, requiredValue } from '@nastavnik/contracts/lookup';
import { columnHeading, type LayoutColumn } from './column-layout';
import type { ColumnKey, ImportFieldKey } from './import-fields';
import { readDate } from './import-dates';

export { parseDate } from './import-dates';

const norm = (value: string) => value.toLowerCase().replace(/ё/g, 'е').replace(/[«»"*]/g, '').replace(/\s+/g, ' ').replace(/\s*:\s*/g, ': ').trim();

const KIND_WORDS: Partial<Record<string, ParticipantKind>> = {
  ученик: 'student', ученица: 'student', обучающийся: 'student', обучающаяся: 'student', учащийся: 'student', школьник: 'student',
  педагог: 'teacher', учитель: 'teacher', руководитель: 'teacher', директор: 'teacher',
  студент: 'uni_student', студентка: 'uni_student', 'студент вуза': 'uni_student', 'студент колледжа': 'uni_student', 'студент вуза/колледжа': 'uni_student',
  'представитель вуза': 'college_rep', 'представитель спо': 'college_rep', 'представитель вуза/спо': 'college_rep', 'преподаватель вуза': 'college_rep', 'преподаватель колледжа': 'college_rep',
  работодатель: 'employer_rep', 'представитель работодателя': 'employer_rep', 'представитель предприятия': 'employer_rep',
  выпускник: 'graduate', выпускница: 'graduate',
  родитель: 'parent',
  ветеран: 'veteran', 'ветеран педагогического труда': 'veteran',
  другое: 'other', иное: 'other',
};
Object.assign(KIND_WORDS, Object.fromEntries(Object.values(ParticipantKind).map((code) => [code, code])));

const BASE_WORDS: Record<string, BaseKind> = {
  наставник: 'mentor', наставница: 'mentor', наставники: 'mentor', ментор: 'mentor',
  наставляемый: 'mentee', наставляемая: 'mentee', наставляемые: 'mentee', наставляемое: 'mentee', менти: 'mentee',
  mentor: 'mentor', mentee: 'mentee',
};
const SEX_WORDS: Record<string, Sex> = {
  м: 'male', муж: 'male', мужской: 'male', мужчина: 'male', мальчик: 'male',
  ж: 'female', жен: 'female', женский: 'female', женщина: 'female', девочка: 'female',
};
const SIGNER_WORDS: Record<string, ConsentSigner> = {
  сам: 'self', сама: 'self', участник: 'self', лично: 'self',
  'законный представитель': 'legal_representative', представитель: 'legal_representative', родитель: 'legal_representative',
};
const RELATION_WORDS: Record<string, RepresentativeRelation> = {
  мать: 'mother', мама: 'mother', отец: 'father', папа: 'father', опекун: 'guardian', попечитель: 'trustee', иной: 'other', другое: 'other',
};
const INTEREST_WORDS = new Map<string, InterestArea>(
  (Object.entries(INTEREST_TITLES) as [InterestArea, string][]).flatMap(([code, title]) => [[norm(title), code], [code, code]] as [string, InterestArea][]),
);
const PURPOSE_WORDS = new Map<string, ConsentPurpose>([
  ...(Object.entries(CONSENT_PURPOSE_TITLES) as [ConsentPurpose, string][]).map(([code, title]) => [norm(title.split(' (')[0]), code] as [string, ConsentPurpose]),
  ...Object.values(ConsentPurpose).map((code) => [code, code] as [string, ConsentPurpose]),
  ['обработка', 'processing'], ['подбор пар', 'pairing'], ['анкетирование', 'questionnaires'], ['отчеты', 'reports'], ['публикация', 'publication'],
]);
const DIRECTION_WORDS = new Map<string, Direction>((Object.entries(DIRECTION_TITLES) as [Direction, string][]).map(([code, title]) => [norm(title), code]));
export const DEFAULT_PURPOSES: ConsentPurpose[] = ['processing', 'pairing', 'questionnaires', 'reports'];

const ALLOWED_KINDS = 'ученик, педагог, студент, представитель вуза/СПО, работодатель, выпускник, родитель, ветеран или другое';

/**
 * Words that tell a category inside a longer text: a position («учитель математики», «педагог-
 * психолог», «заместитель директора по УВР») or a combined «Категория / должность» cell. A text
 * that matches two categories is ambiguous and is not guessed.
 */
const KIND_HINTS: [RegExp, ParticipantKind][] = [
  [/(^|[^\p{L}])(учител|педагог|директор|завуч|замдиректор|заместител\p{L}* директор|методист|психолог|логопед|дефектолог|воспитател|тьютор|библиотекар|классн\p{L}* руководител|вожат|советник директор|преподавател)/u, 'teacher'],
  [/(^|[^\p{L}])(ученик|учениц|учащ|обучающ|школьни|воспитанни)/u, 'student'],
  [/студент/u, 'uni_student'],
  [/(преподавател\p{L}* (вуза|колледжа|техникума|университета|института|спо)|представител\p{L}* (вуза|спо|колледжа|техникума|университета))/u, 'college_rep'],
  [/(работодател|представител\p{L}* (предприятия|компании|бизнеса)|предпринимател)/u, 'employer_rep'],
  [/выпускни/u, 'graduate'],
  [/(^|[^\p{L}])(родител|мать|отец)/u, 'parent'],
  [/ветеран/u, 'veteran'],
];

/** The category a text names: exactly (a word of the list) or by its words when only one category fits. */
export function kindOf(text: string): { kind: ParticipantKind; exact: boolean } | { candidates: ParticipantKind[] } {
  const word = norm(text);
  const exact = ownValue(KIND_WORDS, word);
  if (exact) return { kind: exact, exact: true };
  const found = new Set(KIND_HINTS.filter(([pattern]) => pattern.test(word)).map(([, kind]) => kind));
  if (found.has('college_rep')) found.delete('teacher'); // «преподаватель вуза» is the university's, not the school's
  const candidates = [...found];
  return candidates.length === 1 ? { kind: candidates[0], exact: false } : { candidates };
}

const kindTitles = (kinds: ParticipantKind[]) => kinds.map((kind) => `«${requiredValue(PARTICIPANT_KIND_TITLES, kind).toLowerCase()}»`).join(' или ');

/** Patronymics of Turkic names are two words: «Нариман оглы». */
const PATRONYMIC_TAIL = /^(оглы|оглу|кызы|гызы|улы|уулу)$/i;

/** «Иванова Анна Сергеевна» → its parts; a name that cannot be split says why. */
export function splitFullName(text: string): { lastName: string; firstName: string; middleName: string | null } | { problem: string } {
  const words = text.replace(/,/g, ' ').replace(/\s+/g, ' ').trim().split(' ').filter((w) => w !== '');
  if (words.some((w) => /^\p{L}\.(\p{L}\.?)?$/u.test(w))) return { problem: `«${text}»: вместо имени или отчества инициалы — нужны полные имя и отчество.` };
  if (words.length < 2) return { problem: `«${text}»: нужны фамилия и имя через пробел, например «Иванова Анна Сергеевна».` };
  if (words.length === 2) return { lastName: words[0], firstName: words[1], middleName: null };
  if (words.length === 3) return { lastName: words[0], firstName: words[1], middleName: words[2] };
  if (words.length === 4 && PATRONYMIC_TAIL.test(words[3])) return { lastName: words[0], firstName: words[1], middleName: `${words[2]} ${words[3]}` };
  return { problem: `«${text}»: больше трёх слов, не понять, где фамилия, имя и отчество — запишите их в отдельные столбцы «Фамилия», «Имя», «Отчество».` };
}

/** What one row says, parsed: participant fields to set, bases to be in, a consent to hold. */
export type ParsedRow = {
  line: number;
  fields: Partial<CreateParticipantInput>;
  bases: BaseKind[];
  consent: null | {
    signedOn: string;
    signedBy: ConsentSigner;
    representativeName: string | null;
    representativeRelation: RepresentativeRelation | null;
    purposes: ConsentPurpose[];
    validUntil: string | null;
  };
  problems: { column?: string; message: string }[];
};

type Fail = (key: ColumnKey, message: string) => void;
type Cell = (key: ColumnKey) => string;

const NAME_PARTS = new Set<ColumnKey>(['lastName', 'firstName', 'middleName']);

/**
 * A parser of the rows of one file: each row into typed values, every problem with the column as
 * the file names it and a Russian reason.
 */
export function rowParser(columns: readonly LayoutColumn[]): (line: number, cells: string[]) => ParsedRow {
  const at = new Map<ImportFieldKey, number>();
  for (const column of columns) if (column.field && !at.has(column.field)) at.set(column.field, column.index);
  const headings = new Map<string, string>();
  const heading = (key: ColumnKey): string => {
    let text = headings.get(key);
    if (text === undefined) headings.set(key, (text = columnHeading(columns, key)));
    return text;
  };
  return (line, cells) => {
    const raw = (key: ImportFieldKey) => {
      const index = at.get(key);
      return index === undefined ? '' : (cells[index] ?? '');
    };
    const row: ParsedRow = { line, fields: {}, bases: [], consent: null, problems: [] };
    const fail: Fail = (key, message) => row.problems.push({ column: heading(key), message });
    let cell: Cell = raw;
    let nameFailed = false;
    if (at.has('fullName') && raw('fullName') !== '') {
      const name = splitFullName(raw('fullName'));
      if ('problem' in name) {
        fail('lastName', name.problem);
        nameFailed = true;
        cell = (key) => (NAME_PARTS.has(key) ? '' : raw(key));
      } else {
        cell = (key) => (key === 'lastName' ? name.lastName : key === 'firstName' ? name.firstName : key === 'middleName' ? (name.middleName ?? '') : raw(key));
      }
    }
    return finish(row, cell, fail, heading, nameFailed);
  };
}

function finish(row: ParsedRow, cell: Cell, fail: Fail, heading: (key: ColumnKey) => string, nameFailed: boolean): ParsedRow {
  const fields = row.fields as Record<string, unknown>;

  for (const key of ['lastName', 'firstName', 'middleName', 'position', 'organisationName', 'phone', 'email', 'achievements', 'notes'] as const) {
    if (cell(key) !== '') fields[key] = cell(key);
  }
  if (!nameFailed) {
    if (cell('lastName') === '') fail('lastName', 'Не указана фамилия.');
    if (cell('firstName') === '') fail('firstName', 'Не указано имя.');
  }

  parseKind(row, cell, fail);

  const date = (key: ColumnKey, title: string): string | null => {
    const value = cell(key);
    if (value === '') return null;
    const reading = readDate(value);
    if (reading.problem) fail(key, `${title} ${reading.problem}`);
    return reading.iso ?? null;
  };
  const birthDate = date('birthDate', 'Дата рождения');
  if (birthDate) fields.birthDate = birthDate;

  const sex = cell('sex');
  if (sex !== '') {
    const code = ownValue(SEX_WORDS, norm(sex).replace(/\.$/, ''));
    if (code) fields.sex = code;
    else fail('sex', `Пол «${sex}» не распознан: ожидается «м» или «ж».`);
  }

  const grade = cell('grade');
  if (grade !== '') {
    const match = /^(\d{1,2})\s*[-«"]?\s*(\p{L}{0,3})["»]?$/u.exec(grade.replace(/\s*(класс|кл\.?)$/iu, ''));
    if (!match) fail('grade', `Класс «${grade}» не распознан: ожидается номер от 1 до 11 и, если есть, литера (например, «7Б»).`);
    else {
      fields.grade = Number(match[1]);
      if (match[2]) fields.classLetter = match[2].toUpperCase();
    }
  }

  const experience = cell('teachingExperienceYears');
  if (experience !== '') {
    const years = /^(\d{1,3})(?:\s*(?:год|года|лет))?$/u.exec(experience);
    if (years) fields.teachingExperienceYears = Number(years[1]);
    else fail('teachingExperienceYears', `Стаж «${experience}» — ожидается целое число лет.`);
  }

  if (cell('subjects') !== '') fields.subjects = splitList(cell('subjects'));
  if (cell('requests') !== '') fields.requests = splitList(cell('requests'), /[;\n]/);

  const interests = splitList(cell('interests'));
  if (interests.length > 0) {
    const unknown = interests.filter((i) => !INTEREST_WORDS.has(norm(i)));
    if (unknown.length > 0) fail('interests', `Неизвестные области интересов: ${unknown.map((u) => `«${u}»`).join(', ')}; допустимы: ${Object.values(INTEREST_TITLES).join(', ').toLowerCase()}.`);
    else fields.interests = interests.map((i) => INTEREST_WORDS.get(norm(i)));
  }

  const directions = splitList(cell('directions'), /[;\n]|,(?=\s*[DdДд]?\s*\d)/);
  if (directions.length > 0) {
    const codes = directions.map(directionCode);
    const unknown = directions.filter((_, i) => !codes[i]);
    if (unknown.length > 0) fail('directions', `Неизвестные направления: ${unknown.map((u) => `«${u}»`).join(', ')}; ожидаются коды D01–D11 (или их названия).`);
    else fields.directions = [...new Set(codes)];
  }

  const roleWord = /^роль/i.test(heading('bases')) ? 'Роль' : 'База';
  for (const word of splitList(cell('bases'))) {
    const base = ownValue(BASE_WORDS, norm(word));
    if (!base) fail('bases', `${roleWord} «${word}» не распознана: допустимо «наставник» или «наставляемый» (если оба — через «;»).`);
    else if (!row.bases.includes(base)) row.bases.push(base);
  }

  parseConsent(row, cell, fail, date);
  const failed = new Set(row.problems.map((p) => p.column));
  row.problems.push(...fieldProblems(row.fields, heading).filter((p) => !failed.has(p.column)));
  return row;
}

/**
 * «Категория»: a word of the list, or a text that names one category only («учитель математики»);
 * without it, the position says it when it can, and a class means a pupil.
 */
function parseKind(row: ParsedRow, cell: Cell, fail: Fail): void {
  const fields = row.fields as Record<string, unknown>;
  const text = cell('kind');
  const position = cell('position');
  if (text !== '') {
    const found = kindOf(text);
    if ('kind' in found) {
      fields.kind = found.kind;
      // A combined «Категория / должность» column: what is not a bare category word is the position.
      if (!found.exact && position === '' && ['teacher', 'college_rep', 'employer_rep'].includes(found.kind)) fields.position = text;
    } else if (found.candidates.length > 1) {
      fail('kind', `Категория «${text}» неоднозначна: ${kindTitles(found.candidates)}? Оставьте одно: ${ALLOWED_KINDS}.`);
    } else {
      fail('kind', `Неизвестная категория «${text}»: ожидается ${ALLOWED_KINDS}.`);
    }
    return;
  }
  if (position !== '') {
    const found = kindOf(position);
    if ('kind' in found) fields.kind = found.kind;
    else fail('kind', `Не указана категория, и по должности «${position}» её не определить: укажите категорию — ${ALLOWED_KINDS}.`);
    return;
  }
  if (cell('grade') !== '') {
    fields.kind = 'student';
    return;
  }
  fail('kind', `Не указана категория (${ALLOWED_KINDS}).`);
}

function parseConsent(row: ParsedRow, cell: Cell, fail: Fail, date: (key: ColumnKey, title: string) => string | null): void {
  const consentKeys: ColumnKey[] = ['consentDate', 'consentSigner', 'consentRepresentative', 'consentRelation', 'consentPurposes', 'consentValidUntil'];
  if (consentKeys.every((key) => cell(key) === '')) return;
  const signedOn = date('consentDate', 'Дата согласия');
  if (cell('consentDate') === '') fail('consentDate', 'Указаны сведения о согласии, но нет даты его подписания.');
  if (signedOn && signedOn < '2000-01-01') fail('consentDate', `Дата согласия ${ruDate(signedOn)} — раньше 2000 года: проверьте год.`);
  const validUntil = date('consentValidUntil', 'Срок действия согласия');
  const signerWord = cell('consentSigner');
  let signedBy: ConsentSigner | null = 'self';
  if (signerWord !== '') {
    signedBy = ownValue(SIGNER_WORDS, norm(signerWord)) ?? null;
    if (!signedBy) fail('consentSigner', `«${signerWord}» не распознано: ожидается «сам» или «законный представитель».`);
  } else if (cell('consentRepresentative') !== '') {
    signedBy = 'legal_representative';
  }
  const relationWord = cell('consentRelation');
  const relation = relationWord === '' ? null : (ownValue(RELATION_WORDS, norm(relationWord)) ?? null);
  if (relationWord !== '' && !relation) fail('consentRelation', `«${relationWord}» не распознано: ожидается мать, отец, опекун, попечитель или иной.`);
  const representative = cell('consentRepresentative') || null;
  if (representative && (representative.length < 3 || representative.length > 300 || !PERSON_NAME.test(representative))) {
    fail('consentRepresentative', 'ФИО представителя: от 3 до 300 символов, только буквы, пробел, дефис и апостроф.');
  }
  if (signedBy === 'legal_representative') {
    if (!representative) fail('consentRepresentative', 'Согласие подписал законный представитель: укажите его ФИО.');
    if (!relationWord) fail('consentRelation', 'Согласие подписал законный представитель: укажите, кем он приходится.');
  }
  const purposeWords = splitList(cell('consentPurposes'));
  const unknown = purposeWords.filter((p) => !PURPOSE_WORDS.has(norm(p)));
  if (unknown.length > 0) fail('consentPurposes', `Неизвестные цели: ${unknown.map((u) => `«${u}»`).join(', ')}; допустимы: обработка, подбор пар, анкетирование, отчёты, публикация.`);
  const listed = purposeWords.flatMap((p) => PURPOSE_WORDS.get(norm(p)) ?? []);
  const purposes = listed.length > 0 ? [...new Set<ConsentPurpose>(['processing', ...listed])] : DEFAULT_PURPOSES;
  if (signedOn && signedBy) {
    row.consent = {
      signedOn,
      signedBy,
      representativeName: signedBy === 'legal_representative' ? representative : null,
      representativeRelation: signedBy === 'legal_representative' ? relation : null,
      purposes,
      validUntil,
    };
  }
}

/** The same single-field rules as the GraphQL input, with the column of each problem. */
function fieldProblems(fields: Partial<CreateParticipantInput>, heading: (key: ColumnKey) => string): { column?: string; message: string }[] {
  const input = plainToInstance(CreateParticipantInput, fields);
  const errors = validateSync(input, { skipMissingProperties: false, whitelist: true });
  const flatten = (list: ValidationError[]): { column?: string; message: string }[] =>
    list.flatMap((error) => [
      ...Object.values(error.constraints ?? {}).map((message) => ({ column: heading(columnKeyOfField(error.property)), message })),
      ...flatten(error.children ?? []),
    ]);
  return flatten(errors);
}

/** The import column a participant field comes from (the class letter is in «Класс»). */
export function columnKeyOfField(field: string): ColumnKey {
  return (field === 'classLetter' ? 'grade' : field) as ColumnKey;
}

/** «D1», «d01», «Д01», «01», or a direction's name → «D01». */
function directionCode(value: string): Direction | undefined {
  const named = DIRECTION_WORDS.get(norm(value));
  if (named) return named;
  const match = /^(?:[DdДд])?\s*0?(\d{1,2})$/.exec(value.trim());
  if (!match) return undefined;
  const code = `D${match[1].padStart(2, '0')}`;
  return (Object.values(Direction) as string[]).includes(code) ? (code as Direction) : undefined;
}

/** A list cell: items separated by «;», «,» or line breaks (free-text lists: by «;» and line breaks only). */
export function splitList(value: string, separators = /[;,\n]/): string[] {
  return value.split(separators).map((item) => item.trim()).filter((item) => item !== '');
}
