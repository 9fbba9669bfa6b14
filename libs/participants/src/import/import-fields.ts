import { describeEnum } from '@nastavnik/platform/graphql/input-fields';

/** The participant fields an import column can hold. */
export type ColumnKey =
  | 'lastName' | 'firstName' | 'middleName' | 'birthDate' | 'sex' | 'kind' | 'grade' | 'position' | 'teachingExperienceYears'
  | 'subjects' | 'organisationName' | 'phone' | 'email' | 'bases' | 'requests' | 'interests' | 'directions' | 'achievements'
  | 'notes' | 'consentDate' | 'consentSigner' | 'consentRepresentative' | 'consentRelation' | 'consentPurposes' | 'consentValidUntil';

/**
 * What a column of a file is read as: a participant field, the whole name in one column
 * («Иванова Анна Сергеевна», split into its parts), or a column that is never loaded
 * (a row number, the «Ошибка» column of an error file, whatever the curator chose to ignore).
 */
export type ImportFieldKey = ColumnKey | 'fullName' | 'ignore';

type FieldSpec = {
  key: ImportFieldKey;
  /** The canonical heading: the template's, the error file's, the one messages name. */
  heading: string;
  /** Other headings schools write for the same column (compared after `normHeading`). */
  synonyms: string[];
  /** What to write in the column (the template's help sheet, the console's mapping step). */
  hint: string;
  /** The template's example row; `null`: the column is not in the template. */
  example: string | null;
};

/**
 * THE table of import columns: every heading the import understands, in the template's order.
 * Header detection, the mapping step, the template, the error file and the messages all read it;
 * nothing else lists headings.
 */
const FIELDS: FieldSpec[] = [
  {
    key: 'fullName',
    heading: 'ФИО',
    synonyms: ['Ф.И.О.', 'Фамилия Имя Отчество', 'Фамилия, имя, отчество', 'ФИО участника', 'ФИО обучающегося', 'ФИО ученика', 'ФИО педагога', 'ФИО полностью', 'Участник'],
    hint: 'фамилия, имя и отчество в одной ячейке через пробел: «Иванова Анна Сергеевна»',
    example: null,
  },
  { key: 'lastName', heading: 'Фамилия', synonyms: [], hint: 'фамилия полностью', example: 'Иванова' },
  { key: 'firstName', heading: 'Имя', synonyms: [], hint: 'имя полностью, не инициал', example: 'Анна' },
  { key: 'middleName', heading: 'Отчество', synonyms: [], hint: 'отчество полностью, если есть', example: 'Сергеевна' },
  { key: 'birthDate', heading: 'Дата рождения', synonyms: ['Дата рожд.', 'Д.р.', 'ДР'], hint: 'ДД.ММ.ГГГГ, например 12.03.2011', example: '12.03.2011' },
  { key: 'sex', heading: 'Пол', synonyms: [], hint: 'м или ж', example: 'ж' },
  {
    key: 'kind',
    heading: 'Категория',
    synonyms: ['Категория участника', 'Тип участника', 'Категория / должность', 'Должность / категория'],
    hint: 'ученик, педагог, студент, представитель вуза/СПО, работодатель, выпускник, родитель, ветеран или другое; если столбца нет, категория определяется по должности («учитель математики» — педагог) или по классу (указан класс — ученик)',
    example: 'ученик',
  },
  { key: 'grade', heading: 'Класс', synonyms: ['Класс/группа', 'Класс обучения'], hint: 'номер 1–11 и литера: 7Б (только для обучающихся)', example: '7Б' },
  { key: 'position', heading: 'Должность', synonyms: ['Занимаемая должность'], hint: 'для педагогов и внешних участников: «учитель математики»', example: '' },
  { key: 'teachingExperienceYears', heading: 'Стаж', synonyms: ['Педагогический стаж', 'Пед. стаж', 'Стаж работы', 'Стаж, лет'], hint: 'целое число лет', example: '' },
  { key: 'subjects', heading: 'Предметы', synonyms: ['Предмет', 'Преподаваемые предметы', 'Преподаваемый предмет'], hint: 'через «;» или «,»', example: '' },
  {
    key: 'organisationName',
    heading: 'Организация',
    synonyms: ['Место работы или учёбы', 'Место работы', 'Место учёбы', 'Место работы/учёбы'],
    hint: 'вуз, колледж, предприятие — для внешних участников',
    example: '',
  },
  { key: 'phone', heading: 'Телефон', synonyms: ['Контактный телефон', 'Тел.', 'Мобильный телефон', 'Номер телефона'], hint: 'номер телефона', example: '' },
  { key: 'email', heading: 'Эл. почта', synonyms: ['Электронная почта', 'E-mail', 'Email', 'Почта', 'Адрес электронной почты'], hint: 'адрес электронной почты', example: '' },
  {
    key: 'bases',
    heading: 'База',
    synonyms: ['Роль', 'Роль в программе', 'Роль в программе наставничества', 'Наставник/наставляемый', 'Наставник или наставляемый'],
    hint: 'наставник и/или наставляемый (оба — через «;»)',
    example: 'наставляемый',
  },
  {
    key: 'requests',
    heading: 'Запрос',
    synonyms: ['Запросы', 'Запрос / направление', 'Запрос, направление', 'Запрос наставляемого', 'Запрос на наставничество', 'Образовательный запрос'],
    hint: 'свободный текст; несколько запросов — через «;»',
    example: 'Подтянуть математику; Подготовиться к олимпиаде',
  },
  { key: 'interests', heading: 'Интересы', synonyms: ['Области интересов', 'Область интересов', 'Сфера интересов'], hint: 'интеллектуальное, спортивное, волонтёрское, творческое, методическое', example: 'творческое' },
  {
    key: 'directions',
    heading: 'Направления',
    synonyms: ['Направление', 'Направления наставничества', 'Направление наставничества', 'Код направления', 'Коды направлений'],
    hint: 'коды D01–D11 через «;» или «,»',
    example: 'D04',
  },
  { key: 'achievements', heading: 'Достижения', synonyms: [], hint: 'олимпиады, конкурсы, публикации', example: '' },
  { key: 'notes', heading: 'Примечание', synonyms: ['Примечания', 'Заметки', 'Комментарий'], hint: 'любой текст', example: '' },
  {
    key: 'consentDate',
    heading: 'Согласие: дата',
    synonyms: ['Дата согласия', 'Дата согласия на обработку персональных данных', 'Согласие на обработку ПД: дата'],
    hint: 'дата подписания согласия на обработку персональных данных, ДД.ММ.ГГГГ',
    example: '01.09.2024',
  },
  { key: 'consentSigner', heading: 'Согласие: подписал', synonyms: ['Кто подписал согласие', 'Согласие подписал'], hint: 'сам или законный представитель', example: 'законный представитель' },
  {
    key: 'consentRepresentative',
    heading: 'Согласие: представитель',
    synonyms: ['ФИО законного представителя', 'Законный представитель', 'ФИО представителя', 'ФИО родителя'],
    hint: 'ФИО законного представителя, если согласие подписал он',
    example: 'Иванова Мария Петровна',
  },
  { key: 'consentRelation', heading: 'Согласие: кем приходится', synonyms: ['Кем приходится', 'Степень родства'], hint: 'мать, отец, опекун, попечитель или иной', example: 'мать' },
  {
    key: 'consentPurposes',
    heading: 'Согласие: цели',
    synonyms: ['Цели согласия'],
    hint: 'обработка, подбор пар, анкетирование, отчёты, публикация; если пусто — первые четыре',
    example: '',
  },
  { key: 'consentValidUntil', heading: 'Согласие: действует до', synonyms: ['Срок действия согласия', 'Согласие действует до'], hint: 'ДД.ММ.ГГГГ, если срок ограничен', example: '' },
  {
    key: 'ignore',
    heading: 'Не загружать',
    synonyms: ['№', '№ п/п', 'N п/п', 'п/п', 'Номер', 'Номер строки', 'Ошибка', 'Ошибки'],
    hint: 'столбец не загружается (номер строки, столбец «Ошибка» файла ошибок и всё, что не нужно в базе)',
    example: null,
  },
];

export const IMPORT_FIELDS: readonly FieldSpec[] = FIELDS;

const BY_KEY = new Map<ImportFieldKey, FieldSpec>(FIELDS.map((spec) => [spec.key, spec]));

/**
 * A heading as it is compared: case, «ё»/«е», quotes and asterisks, dots and commas, a trailing
 * hint in brackets («Дата рождения (ДД.ММ.ГГГГ)»), spacing around «:» and «/» do not matter.
 */
export function normHeading(value: string): string {
  return value
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[«»"“”„*]/g, '')
    .replace(/\s*\([^()]*\)\s*$/, '')
    .replace(/[.,]/g, ' ')
    .replace(/\s*:\s*/g, ': ')
    .replace(/\s*\/\s*/g, '/')
    .replace(/\s+/g, ' ')
    .replace(/[\s:]+$/, '')
    .trim();
}

const HEADING_INDEX = new Map<string, ImportFieldKey>(FIELDS.flatMap((spec) => [spec.heading, ...spec.synonyms].map((name) => [normHeading(name), spec.key] as [string, ImportFieldKey])));

/** The field a heading names in the table, or undefined. */
export function fieldOfHeading(heading: string): ImportFieldKey | undefined {
  return HEADING_INDEX.get(normHeading(heading));
}

export function fieldSpec(key: ImportFieldKey): FieldSpec {
  const spec = BY_KEY.get(key);
  if (!spec) throw new Error(`no import field "${key}"`);
  return spec;
}

/** The canonical heading of a field. */
export function headingOf(key: ImportFieldKey): string {
  return fieldSpec(key).heading;
}

/** Every column heading the import understands, canonical first (for messages). */
export const COLUMN_HEADINGS: readonly string[] = FIELDS.filter((spec) => spec.key !== 'ignore').map((spec) => spec.heading);

/**
 * The fields as the API names them (GraphQL enum `ImportField`, and the REST route's `mapping`):
 * the same names on both sides, each the key of one row of the table.
 */
export const ImportField = {
  FULL_NAME: 'FULL_NAME', LAST_NAME: 'LAST_NAME', FIRST_NAME: 'FIRST_NAME', MIDDLE_NAME: 'MIDDLE_NAME', BIRTH_DATE: 'BIRTH_DATE', SEX: 'SEX',
  KIND: 'KIND', GRADE: 'GRADE', POSITION: 'POSITION', TEACHING_EXPERIENCE_YEARS: 'TEACHING_EXPERIENCE_YEARS', SUBJECTS: 'SUBJECTS',
  ORGANISATION_NAME: 'ORGANISATION_NAME', PHONE: 'PHONE', EMAIL: 'EMAIL', BASES: 'BASES', REQUESTS: 'REQUESTS', INTERESTS: 'INTERESTS',
  DIRECTIONS: 'DIRECTIONS', ACHIEVEMENTS: 'ACHIEVEMENTS', NOTES: 'NOTES', CONSENT_DATE: 'CONSENT_DATE', CONSENT_SIGNER: 'CONSENT_SIGNER',
  CONSENT_REPRESENTATIVE: 'CONSENT_REPRESENTATIVE', CONSENT_RELATION: 'CONSENT_RELATION', CONSENT_PURPOSES: 'CONSENT_PURPOSES',
  CONSENT_VALID_UNTIL: 'CONSENT_VALID_UNTIL', IGNORE: 'IGNORE',
} as const;
export type ImportField = (typeof ImportField)[keyof typeof ImportField];

const nameOfKey = (key: ImportFieldKey): ImportField => key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase() as ImportField;
const KEY_BY_NAME = new Map<string, ImportFieldKey>(FIELDS.map((spec) => [nameOfKey(spec.key), spec.key]));

export function importFieldName(key: ImportFieldKey): ImportField {
  return nameOfKey(key);
}

/** The field of an API name («LAST_NAME»), or undefined for anything else. */
export function importFieldKey(name: string): ImportFieldKey | undefined {
  return KEY_BY_NAME.get(name);
}

describeEnum(
  ImportField,
  'ImportField',
  'Поле участника, которое содержит столбец файла загрузки',
  Object.fromEntries(Object.values(ImportField).map((name) => {
    const spec = fieldSpec(importFieldKey(name) as ImportFieldKey);
    return [name, `${spec.heading}: ${spec.hint}`];
  })) as Record<ImportField, string>,
);
