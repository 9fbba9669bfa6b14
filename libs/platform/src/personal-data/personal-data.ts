/**
 * The one declaration of personal data (issue 14, 152-ФЗ): which columns of which tables hold
 * data about a person. Each lib that owns such a table declares it in `libs/<lib>/src/personal-data.ts`
 * (loaded with the lib's module); the access journal names the fields touched from here, log
 * redaction takes the property names from here, erasure and subject access walk it, and
 * `docs/personal-data.md` is checked against it (`tools/lint/personal-data.spec.ts`, which also
 * demands that every PD-looking column of every table is declared here or listed as not personal).
 */

/** The categories, in the order a declaration's fields and the docs' table list them. */
export const PERSONAL_DATA_CATEGORIES = ['name', 'birth-date', 'contact', 'class', 'document', 'answers', 'free-text', 'other'] as const;
export type PersonalDataCategory = (typeof PERSONAL_DATA_CATEGORIES)[number];

/**
 * `property`: the entity's (and GraphQL type's) property name; `column`: the database column;
 * `title`: its Russian name as the journal, its XLSX and the subject-access document print it.
 */
export type PersonalDataField = { property: string; column: string; category: PersonalDataCategory; title: string };

/** `entity`: the GraphQL object type's name (e.g. 'Participant'); `title`: its Russian name; `table`: its table. */
export type PersonalDataDeclaration = { entity: string; title: string; table: string; fields: readonly PersonalDataField[] };

/**
 * How a lib writes its fields: grouped by category, property → Russian title; the column is the
 * property in snake_case unless given as `[title, column]`.
 * E.g. `{ name: { lastName: 'Фамилия' }, answers: { value: ['Ответ (число)', 'value_number'] } }`.
 */
export type PersonalDataFieldsByCategory = Partial<Record<PersonalDataCategory, Readonly<Record<string, string | readonly [title: string, column: string]>>>>;

/** A column whose name looks like personal data but is not, with the reason (checked by the lint spec). */
export type NotPersonalColumn = { table: string; column: string; why: string };

/** Russian titles of the categories (docs, console, subject-access export). */
export const PERSONAL_DATA_CATEGORY_TITLES: Readonly<Record<PersonalDataCategory, string>> = Object.freeze({
  name: 'ФИО',
  'birth-date': 'дата рождения',
  contact: 'контакты',
  'free-text': 'свободный текст',
  class: 'класс',
  document: 'реквизиты документа',
  answers: 'ответы анкет',
  other: 'иные сведения',
});

const byEntity = new Map<string, PersonalDataDeclaration>();

function frozen(d: PersonalDataDeclaration): PersonalDataDeclaration {
  return Object.freeze({ entity: d.entity, title: d.title, table: d.table, fields: Object.freeze(d.fields.map((f) => Object.freeze({ ...f }))) });
}

/** `teachingExperienceYears` → `teaching_experience_years`. */
function snakeCase(property: string): string {
  return property.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/**
 * Registers one entity's personal-data fields and returns the declaration (fields in category
 * order). Declaring the same entity twice with the same fields is harmless (a module loaded
 * twice); differently is an error.
 */
export function declarePersonalData(entity: Omit<PersonalDataDeclaration, 'fields'>, byCategory: PersonalDataFieldsByCategory): PersonalDataDeclaration {
  const fields = PERSONAL_DATA_CATEGORIES.flatMap((category) =>
    Object.entries(byCategory[category] ?? {}).map(([property, spec]) => {
      const [title, column] = typeof spec === 'string' ? [spec, snakeCase(property)] : spec;
      return { property, column, category, title };
    }),
  );
  const d: PersonalDataDeclaration = { entity: entity.entity, title: entity.title, table: entity.table, fields };
  const declaration = frozen(d);
  const seen = new Set<string>();
  if (!d.title?.trim()) throw new Error(`personal data: ${d.entity} needs its Russian title`);
  for (const field of declaration.fields) {
    if (!field.title?.trim()) throw new Error(`personal data: ${d.entity}.${field.property} needs its Russian title`);
    if (seen.has(field.property)) throw new Error(`personal data: ${d.entity}.${field.property} declared twice`);
    seen.add(field.property);
  }
  const existing = byEntity.get(d.entity);
  if (existing) {
    if (JSON.stringify(existing) !== JSON.stringify(declaration)) throw new Error(`personal data: ${d.entity} declared twice, differently`);
    return existing;
  }
  byEntity.set(d.entity, declaration);
  return declaration;
}

/** Every declaration registered so far (the libs' `personal-data.ts` loaded), ordered by entity. */
export function personalDataDeclarations(): readonly PersonalDataDeclaration[] {
  return [...byEntity.values()].sort((a, b) => a.entity.localeCompare(b.entity));
}

/** The declared property names of one entity; [] if it declares none. */
export function personalDataFieldsOf(entity: string): readonly string[] {
  const declaration = byEntity.get(entity);
  if (!declaration) return NO_FIELDS;
  // Asked once per journaled row of a page: the (frozen) declaration's list, built once.
  let properties = propertiesOf.get(declaration);
  if (!properties) propertiesOf.set(declaration, (properties = Object.freeze(declaration.fields.map((f) => f.property))));
  return properties;
}

const NO_FIELDS: readonly string[] = Object.freeze([]);
const propertiesOf = new WeakMap<PersonalDataDeclaration, readonly string[]>();

/** The declaration of one entity, if any. */
export function personalDataDeclarationOf(entity: string): PersonalDataDeclaration | undefined {
  return byEntity.get(entity);
}

/** Every declared property and column name of every entity (for log redaction). */
export function personalDataPropertyNames(): ReadonlySet<string> {
  return new Set([...byEntity.values()].flatMap((d) => d.fields.flatMap((f) => [f.property, f.column])));
}

const journalEntities = new Map<string, string>();

/**
 * The Russian name of an entity the access journal records that holds no personal data of its own
 * (a report, an erasure request …): declared next to the lib's personal-data declarations, so the
 * journal never shows an English type name (apps/api/test/journal-coverage.spec.ts checks every
 * `@Journaled` entity has a title).
 */
export function declareJournalEntity(entity: string, title: string): void {
  const existing = journalEntities.get(entity) ?? byEntity.get(entity)?.title;
  if (existing !== undefined && existing !== title) throw new Error(`journal entity ${entity}: two titles («${existing}», «${title}»)`);
  journalEntities.set(entity, title);
}

/** The Russian name of a journaled entity; undefined if neither declared nor named. */
export function journalEntityTitleOf(entity: string): string | undefined {
  return byEntity.get(entity)?.title ?? journalEntities.get(entity);
}

/** The Russian names of an entity's fields, in the given order (a field not declared keeps its name). */
export function personalDataFieldTitles(entity: string, properties: readonly string[]): string[] {
  const fields = byEntity.get(entity)?.fields ?? [];
  return properties.map((property) => fields.find((f) => f.property === property || f.column === property)?.title ?? property);
}

/** Every journaled entity with its Russian name (the journal's filter), ordered by name. */
export function journalEntityTitles(): { entity: string; title: string }[] {
  const all = new Map(journalEntities);
  for (const d of byEntity.values()) all.set(d.entity, d.title);
  return [...all].map(([entity, title]) => ({ entity, title })).sort((a, b) => a.title.localeCompare(b.title, 'ru'));
}
