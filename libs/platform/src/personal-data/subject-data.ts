import type { EntityManager } from 'typeorm';
import type { PersonalDataDeclaration } from './personal-data';

/**
 * What each lib does for one person's rights (issue 14, docs/adr/0025): erase (de-identify) the
 * person in its own tables, and collect what its tables hold about the person (subject access).
 * The participants lib runs them for a person; each lib registers its handler in its own
 * `personal-data.ts` (loaded with its module), so no lib's SQL names another lib's tables.
 * Handlers run in the caller's scoped transaction (`em`): a curator's school only.
 */
export type DataSubject = {
  tenantId: string;
  participantId: string;
  /** Forms of the person's name to scrub from free text and name columns (full name, «Фамилия И. О.», …); see nameForms. */
  nameForms: readonly string[];
  /**
   * Names that identify the person through someone else (a legal representative's, as written on
   * the consents): scrubbed from free text only — a sibling's consent keeps its signer's name.
   */
  relatedNames?: readonly string[];
};

/** One table's rows about the person, for the subject-access export: `title` in Russian. */
export type SubjectDataSection = { entity: string; title: string; rows: Record<string, unknown>[] };

export type SubjectDataHandler = {
  /** The lib, for messages and order. */
  lib: string;
  /** De-identifies the person in this lib's tables; returns rows changed per table. */
  erase(em: EntityManager, subject: DataSubject): Promise<Record<string, number>>;
  /** Everything this lib's tables hold about the person. */
  collect(em: EntityManager, subject: DataSubject): Promise<SubjectDataSection[]>;
};

const handlers = new Map<string, SubjectDataHandler>();

/** Registers a lib's handler (once per lib; a module loaded twice registers the same lib again harmlessly). */
export function registerSubjectDataHandler(handler: SubjectDataHandler): SubjectDataHandler {
  handlers.set(handler.lib, handler);
  return handler;
}

/** Every registered handler; the participants lib's first (it owns the person), the others by name. */
export function subjectDataHandlers(): readonly SubjectDataHandler[] {
  return [...handlers.values()].sort((a, b) => (a.lib === 'participants' ? -1 : b.lib === 'participants' ? 1 : a.lib.localeCompare(b.lib)));
}

/** What replaces a removed name or text in free text. */
export const ERASED_MARK = '[удалено]';

/**
 * The forms of a person's name that free text may hold: «Фамилия Имя Отчество», «Фамилия Имя»,
 * «Имя Фамилия», «Имя Отчество», «Фамилия И. О.», «Фамилия И.О.», «И. О. Фамилия», «Фамилия И.».
 * A surname alone is not scrubbed (a namesake's notes would lose theirs).
 */
export function nameForms(lastName: string, firstName: string, middleName: string | null): string[] {
  const i = `${firstName.charAt(0)}.`;
  const o = middleName ? `${middleName.charAt(0)}.` : '';
  const forms = [
    [lastName, firstName, middleName].filter(Boolean).join(' '),
    `${lastName} ${firstName}`,
    `${firstName} ${lastName}`,
    middleName ? `${firstName} ${middleName}` : '',
    o ? `${lastName} ${i} ${o}` : '',
    o ? `${lastName} ${i}${o}` : '',
    o ? `${i} ${o} ${lastName}` : `${i} ${lastName}`,
    `${lastName} ${i}`,
  ];
  return [...new Set(forms.filter((f) => f.trim().length > 2))].sort((a, b) => b.length - a.length);
}

/** A Postgres ARE matching any of the forms case-insensitively, е and ё alike, whole words. */
export function namePattern(forms: readonly string[]): string {
  const escape = (s: string) =>
    s
      .replace(/[\\^$.*+?()[\]{}|]/g, (c) => `\\${c}`)
      .replace(/[её]/gi, '[её]')
      .replace(/\s+/g, '\\s*');
  return `(^|[^[:alnum:]])(${forms.map(escape).join('|')})(?=$|[^[:alnum:]])`;
}

/**
 * Scrubs the person's name forms from every free-text and name column a lib declared for its
 * tables (text, text[] and jsonb), in the scope's rows of the subject's school. Returns rows changed per table.
 */
export async function scrubDeclaredText(em: EntityManager, declarations: readonly PersonalDataDeclaration[], subject: DataSubject): Promise<Record<string, number>> {
  const changed: Record<string, number> = {};
  const related = (subject.relatedNames ?? []).filter((name) => !subject.nameForms.includes(name));
  const passes = [
    { forms: subject.nameForms, categories: ['free-text', 'name'] },
    { forms: [...subject.nameForms, ...related], categories: ['free-text'] },
  ];
  for (const { forms, categories } of passes) {
    if (forms.length === 0 || (categories.length === 1 && related.length === 0)) continue;
    for (const [table, n] of Object.entries(await scrubColumns(em, declarations, subject.tenantId, namePattern(forms), categories))) changed[table] = (changed[table] ?? 0) + n;
  }
  return changed;
}

async function scrubColumns(em: EntityManager, declarations: readonly PersonalDataDeclaration[], tenantId: string, pattern: string, categories: readonly string[]): Promise<Record<string, number>> {
  const changed: Record<string, number> = {};
  for (const d of declarations) {
    const columns = d.fields.filter((f) => categories.includes(f.category)).map((f) => f.column);
    if (columns.length === 0) continue;
    const types: { column_name: string; data_type: string; is_generated: string }[] = await em.query(
      `select column_name, data_type, is_generated from information_schema.columns where table_schema = 'public' and table_name = $1 and column_name = any($2::text[])`,
      [d.table, columns],
    );
    const sets: string[] = [];
    const wheres: string[] = [];
    for (const { column_name: c, data_type: type, is_generated: generated } of types) {
      if (generated === 'ALWAYS') continue;
      const col = `"${c}"`;
      if (type === 'text') {
        sets.push(`${col} = regexp_replace(${col}, $2, '\\1${ERASED_MARK}', 'gi')`);
        wheres.push(`${col} ~* $2`);
      } else if (type === 'ARRAY') {
        sets.push(`${col} = array(select regexp_replace(x, $2, '\\1${ERASED_MARK}', 'gi') from unnest(${col}) with ordinality u(x, n) order by n)`);
        wheres.push(`array_to_string(${col}, chr(10)) ~* $2`);
      } else if (type === 'jsonb') {
        sets.push(`${col} = regexp_replace(${col}::text, $2, '\\1${ERASED_MARK}', 'gi')::jsonb`);
        wheres.push(`${col}::text ~* $2`);
      }
    }
    if (sets.length === 0) continue;
    const result: [unknown[], number] = await em.query(`update "${d.table}" set ${sets.join(', ')} where tenant_id = $1 and (${wheres.join(' or ')})`, [tenantId, pattern]);
    changed[d.table] = (changed[d.table] ?? 0) + (Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0);
  }
  return changed;
}
