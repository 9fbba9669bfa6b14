/**
 * The one declaration of personal data (issue 14, 152-ФЗ): which columns of which tables hold
 * data about a person. Each lib that owns such a table declares it in `libs/<lib>/src/personal-data.ts`
 * (loaded with the lib's module); the access journal names the fields touched from here, log
 * redaction takes the property names from here, erasure and subject access walk it, and
 * `docs/personal-data.md` is checked against it (`tools/lint/personal-data.spec.ts`, which also
 * demands that every PD-looking column of every table is declared here or listed as not personal).
 */

export type PersonalDataCategory = 'name' | 'birth-date' | 'contact' | 'free-text' | 'class' | 'document' | 'answers' | 'other';

/** `property`: the entity's (and GraphQL type's) property name; `column`: the database column. */
export type PersonalDataField = { property: string; column: string; category: PersonalDataCategory };

/** `entity`: the GraphQL object type's name (e.g. 'Participant'); `table`: its table. */
export type PersonalDataDeclaration = { entity: string; table: string; fields: readonly PersonalDataField[] };

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
  return Object.freeze({ entity: d.entity, table: d.table, fields: Object.freeze(d.fields.map((f) => Object.freeze({ ...f }))) });
}

/**
 * Registers one entity's personal-data fields and returns the declaration. Declaring the same
 * entity twice with the same fields is harmless (a module loaded twice); differently is an error.
 */
export function declarePersonalData(d: PersonalDataDeclaration): PersonalDataDeclaration {
  const declaration = frozen(d);
  const seen = new Set<string>();
  for (const field of declaration.fields) {
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
  return byEntity.get(entity)?.fields.map((f) => f.property) ?? [];
}

/** The declaration of one entity, if any. */
export function personalDataDeclarationOf(entity: string): PersonalDataDeclaration | undefined {
  return byEntity.get(entity);
}

/** Every declared property and column name of every entity (for log redaction). */
export function personalDataPropertyNames(): ReadonlySet<string> {
  return new Set([...byEntity.values()].flatMap((d) => d.fields.flatMap((f) => [f.property, f.column])));
}
