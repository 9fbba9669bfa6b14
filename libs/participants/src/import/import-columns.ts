import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { CreateParticipantInput } from '../dtos/participant.inputs';
import { isRealDate, PERSON_NAME } from '../dtos/input-helpers';
import {
  CONSENT_PURPOSE_TITLES,
  ConsentPurpose,
  Direction,
  INTEREST_TITLES,
  InterestArea,
  ParticipantKind,
  RepresentativeRelation,
  Sex,
  type BaseKind,
  type ConsentSigner,
} from '../participant.codes';
import { ownValue, requiredValue } from '@nastavnik/contracts/lookup';

/** The keys of the columns an import understands. */
export type ColumnKey =
  | 'lastName' | 'firstName' | 'middleName' | 'birthDate' | 'sex' | 'kind' | 'grade' | 'position' | 'teachingExperienceYears'
  | 'subjects' | 'organisationName' | 'phone' | 'email' | 'bases' | 'requests' | 'interests' | 'directions' | 'achievements'
  | 'notes' | 'consentDate' | 'consentSigner' | 'consentRepresentative' | 'consentRelation' | 'consentPurposes' | 'consentValidUntil';

/** Column headings as a file shows them (the first is canonical; the rest are accepted spellings). */
export const COLUMN_HEADINGS: Record<ColumnKey, string[]> = {
  lastName: ['Фамилия'],
  firstName: ['Имя'],
  middleName: ['Отчество'],
  birthDate: ['Дата рождения'],
  sex: ['Пол'],
  kind: ['Категория'],
  grade: ['Класс'],
  position: ['Должность'],
  teachingExperienceYears: ['Стаж', 'Педагогический стаж'],
  subjects: ['Предметы', 'Предмет'],
  organisationName: ['Организация', 'Место работы или учёбы'],
  phone: ['Телефон'],
  email: ['Эл. почта', 'Электронная почта', 'E-mail', 'Email'],
  bases: ['База'],
  requests: ['Запрос', 'Запросы'],
  interests: ['Интересы', 'Области интересов'],
  directions: ['Направления', 'Направление'],
  achievements: ['Достижения'],
  notes: ['Примечание', 'Заметки'],
  consentDate: ['Согласие: дата'],
  consentSigner: ['Согласие: подписал'],
  consentRepresentative: ['Согласие: представитель'],
  consentRelation: ['Согласие: кем приходится'],
  consentPurposes: ['Согласие: цели'],
  consentValidUntil: ['Согласие: действует до'],
};

export const REQUIRED_COLUMNS: ColumnKey[] = ['lastName', 'firstName', 'kind'];

export function headingOf(key: ColumnKey): string {
  return requiredValue(COLUMN_HEADINGS, key)[0];
}

const norm = (value: string) => value.toLowerCase().replace(/ё/g, 'е').replace(/[«»"*]/g, '').replace(/\s+/g, ' ').replace(/\s*:\s*/g, ': ').trim();

const HEADING_INDEX = new Map<string, ColumnKey>(
  (Object.entries(COLUMN_HEADINGS) as [ColumnKey, string[]][]).flatMap(([key, names]) => names.map((name) => [norm(name), key] as [string, ColumnKey])),
);

/** Column positions by key; unknown, repeated and missing required headings are reported. */
export function mapHeadings(headings: string[]): { columns: Map<ColumnKey, number>; problems: string[] } {
  const columns = new Map<ColumnKey, number>();
  const problems: string[] = [];
  headings.forEach((heading, index) => {
    if (heading === '') return;
    const key = HEADING_INDEX.get(norm(heading));
    if (!key) problems.push(`неизвестный столбец «${heading}»`);
    else if (columns.has(key)) problems.push(`столбец «${heading}» повторяется`);
    else columns.set(key, index);
  });
  for (const key of REQUIRED_COLUMNS) if (!columns.has(key)) problems.push(`нет обязательного столбца «${headingOf(key)}»`);
  return { columns, problems };
}

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

const BASE_WORDS: Record<string, BaseKind> = { наставник: 'mentor', наставники: 'mentor', наставляемый: 'mentee', наставляемая: 'mentee', наставляемые: 'mentee', mentor: 'mentor', mentee: 'mentee' };
const SEX_WORDS: Record<string, Sex> = { м: 'male', муж: 'male', мужской: 'male', ж: 'female', жен: 'female', женский: 'female' };
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
export const DEFAULT_PURPOSES: ConsentPurpose[] = ['processing', 'pairing', 'questionnaires', 'reports'];

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

/** Parses one row into typed values; every problem carries the column heading and a Russian reason. */
export function parseRow(line: number, cells: string[], columns: Map<ColumnKey, number>): ParsedRow {
  const row: ParsedRow = { line, fields: {}, bases: [], consent: null, problems: [] };
  const cell = (key: ColumnKey) => {
    const index = columns.get(key);
    return index === undefined ? '' : (cells[index] ?? '');
  };
  const fail = (key: ColumnKey, message: string) => row.problems.push({ column: headingOf(key), message });
  const fields = row.fields as Record<string, unknown>;

  for (const key of ['lastName', 'firstName', 'middleName', 'position', 'organisationName', 'phone', 'email', 'achievements', 'notes'] as const) {
    if (cell(key) !== '') fields[key] = cell(key);
  }
  if (cell('lastName') === '') fail('lastName', 'Не указана фамилия.');
  if (cell('firstName') === '') fail('firstName', 'Не указано имя.');

  const kind = cell('kind');
  if (kind === '') fail('kind', 'Не указана категория (ученик, педагог, студент, работодатель, выпускник…).');
  else if (!ownValue(KIND_WORDS, norm(kind))) fail('kind', `Неизвестная категория «${kind}»: ожидается ученик, педагог, студент, представитель вуза/СПО, работодатель, выпускник, родитель, ветеран или другое.`);
  else fields.kind = ownValue(KIND_WORDS, norm(kind));

  const date = (key: ColumnKey, title: string): string | null => {
    const value = cell(key);
    if (value === '') return null;
    const iso = parseDate(value);
    if (!iso) fail(key, `${title} «${value}» не распознана: ожидается ДД.ММ.ГГГГ.`);
    return iso;
  };
  const birthDate = date('birthDate', 'Дата рождения');
  if (birthDate) fields.birthDate = birthDate;

  const sex = cell('sex');
  if (sex !== '') {
    if (ownValue(SEX_WORDS, norm(sex))) fields.sex = ownValue(SEX_WORDS, norm(sex));
    else fail('sex', `Пол «${sex}» не распознан: ожидается «м» или «ж».`);
  }

  const grade = cell('grade');
  if (grade !== '') {
    const match = /^(\d{1,2})\s*[-«"]?\s*(\p{L}{0,3})["»]?$/u.exec(grade);
    if (!match) fail('grade', `Класс «${grade}» не распознан: ожидается номер от 1 до 11 и, если есть, литера (например, «7Б»).`);
    else {
      fields.grade = Number(match[1]);
      if (match[2]) fields.classLetter = match[2].toUpperCase();
    }
  }

  const experience = cell('teachingExperienceYears');
  if (experience !== '') {
    if (/^\d{1,3}$/.test(experience)) fields.teachingExperienceYears = Number(experience);
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

  const directions = splitList(cell('directions'));
  if (directions.length > 0) {
    const codes = directions.map(directionCode);
    const unknown = directions.filter((_, i) => !codes[i]);
    if (unknown.length > 0) fail('directions', `Неизвестные направления: ${unknown.map((u) => `«${u}»`).join(', ')}; ожидаются коды D01–D11.`);
    else fields.directions = codes;
  }

  for (const word of splitList(cell('bases'))) {
    const base = ownValue(BASE_WORDS, norm(word));
    if (!base) fail('bases', `База «${word}» не распознана: ожидается «наставник» и/или «наставляемый».`);
    else if (!row.bases.includes(base)) row.bases.push(base);
  }

  parseConsent(row, cell, fail, date);
  const failed = new Set(row.problems.map((p) => p.column));
  row.problems.push(...fieldProblems(row.fields).filter((p) => !failed.has(p.column)));
  return row;
}

function parseConsent(
  row: ParsedRow,
  cell: (key: ColumnKey) => string,
  fail: (key: ColumnKey, message: string) => void,
  date: (key: ColumnKey, title: string) => string | null,
): void {
  const consentKeys: ColumnKey[] = ['consentDate', 'consentSigner', 'consentRepresentative', 'consentRelation', 'consentPurposes', 'consentValidUntil'];
  if (consentKeys.every((key) => cell(key) === '')) return;
  const signedOn = date('consentDate', 'Дата согласия');
  if (cell('consentDate') === '') fail('consentDate', 'Указаны сведения о согласии, но нет даты его подписания.');
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
function fieldProblems(fields: Partial<CreateParticipantInput>): { column?: string; message: string }[] {
  const input = plainToInstance(CreateParticipantInput, fields);
  const errors = validateSync(input, { skipMissingProperties: false, whitelist: true });
  const flatten = (list: ValidationError[]): { column?: string; message: string }[] =>
    list.flatMap((error) => [
      ...Object.values(error.constraints ?? {}).map((message) => ({ column: columnOfField(error.property), message })),
      ...flatten(error.children ?? []),
    ]);
  return flatten(errors);
}

const FIELD_COLUMN: Partial<Record<string, ColumnKey>> = { classLetter: 'grade' };

/** The heading of the column a participant field comes from. */
export function columnOfField(field: string): string | undefined {
  const key = (ownValue(FIELD_COLUMN, field) ?? field) as ColumnKey;
  return ownValue(COLUMN_HEADINGS, key)?.[0];
}

/** «12.03.2010», «12.03.10» is refused (ambiguous century), «2010-03-12». */
export function parseDate(value: string): string | null {
  const ru = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(value);
  const iso = ru ? `${ru[3]}-${ru[2].padStart(2, '0')}-${ru[1].padStart(2, '0')}` : /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
  return iso && isRealDate(iso) ? iso : null;
}

/** «D1», «d01», «Д01», «01» → «D01». */
function directionCode(value: string): Direction | undefined {
  const match = /^(?:[DdДд])?\s*0?(\d{1,2})$/.exec(value.trim());
  if (!match) return undefined;
  const code = `D${match[1].padStart(2, '0')}`;
  return (Object.values(Direction) as string[]).includes(code) ? (code as Direction) : undefined;
}

/** A list cell: items separated by «;», «,» or line breaks (free-text lists: by «;» and line breaks only). */
export function splitList(value: string, separators = /[;,\n]/): string[] {
  return value.split(separators).map((item) => item.trim()).filter((item) => item !== '');
}
