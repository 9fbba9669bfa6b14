import type { EntityManager } from 'typeorm';
import type { ColumnMapping } from './column-layout';
import { fieldOfHeading, importFieldKey, importFieldName, normHeading, type ImportField, type ImportFieldKey } from './import-fields';
import type { ImportColumnMapping } from './import-report';

/** More headings than any school's lists have had; the oldest beyond it are forgotten. */
export const MAX_SAVED_HEADINGS = 500;

type SavedRow = { heading_key: string; heading: string; field: string; updated_at: Date };

/**
 * The column mappings a school's curator chose (`participant_import_mappings`, one row per
 * heading, forced RLS: the school's own rows only). Read with every import of the school; written
 * when a curator commits an import with a mapping.
 */
export async function savedMapping(em: EntityManager, tenantId: string): Promise<ColumnMapping> {
  const rows: SavedRow[] = await em.query(
    `select heading_key, heading, field, updated_at from participant_import_mappings where tenant_id = $1 order by updated_at desc, heading_key limit ${MAX_SAVED_HEADINGS}`,
    [tenantId],
  );
  const mapping = new Map<string, { heading: string; field: ImportFieldKey }>();
  for (const row of rows) {
    const field = importFieldKey(row.field);
    if (field) mapping.set(row.heading_key, { heading: row.heading, field });
  }
  return mapping;
}

/** The saved mapping as the API lists it, newest first. */
export async function savedMappingList(em: EntityManager, tenantId: string): Promise<ImportColumnMapping[]> {
  const rows: SavedRow[] = await em.query(
    `select heading_key, heading, field, updated_at from participant_import_mappings where tenant_id = $1 order by updated_at desc, heading_key limit ${MAX_SAVED_HEADINGS}`,
    [tenantId],
  );
  return rows.filter((row) => importFieldKey(row.field) !== undefined).map((row) => ({ heading: row.heading, field: row.field as ImportField, updatedAt: row.updated_at }));
}

/**
 * Remembers the headings of a request's mapping for the school: each heading's field replaces
 * what was saved for it. A heading the table already reads as the same field is not stored (the
 * table answers it anyway), and one that was saved for another field is removed then.
 */
export async function saveMapping(em: EntityManager, tenantId: string, mapping: ColumnMapping): Promise<void> {
  const entries = [...mapping.entries()];
  const toStore = entries.filter(([, { heading, field }]) => fieldOfHeading(heading) !== field);
  const toForget = entries.filter(([, { heading, field }]) => fieldOfHeading(heading) === field).map(([key]) => key);
  if (toForget.length > 0) await em.query(`delete from participant_import_mappings where tenant_id = $1 and heading_key = any($2::text[])`, [tenantId, toForget]);
  if (toStore.length === 0) return;
  await em.query(
    `insert into participant_import_mappings (tenant_id, heading_key, heading, field)
     select $1, k, h, f from unnest($2::text[], $3::text[], $4::text[]) as m(k, h, f)
     on conflict (tenant_id, heading_key) do update set heading = excluded.heading, field = excluded.field, updated_at = now()`,
    [tenantId, toStore.map(([key]) => key), toStore.map(([, m]) => m.heading), toStore.map(([, m]) => importFieldName(m.field))],
  );
  await em.query(
    `delete from participant_import_mappings where tenant_id = $1 and id in (
       select id from participant_import_mappings where tenant_id = $1 order by updated_at desc, heading_key offset ${MAX_SAVED_HEADINGS})`,
    [tenantId],
  );
}

/** A mapping from the API's pairs (heading, field name as `ImportField`); pairs naming no field are left out (the callers validate first). */
export function mappingOf(pairs: readonly { heading: string; field: string }[]): ColumnMapping {
  const mapping = new Map<string, { heading: string; field: ImportFieldKey }>();
  for (const { heading, field } of pairs) {
    const key = normHeading(heading);
    const known = importFieldKey(field);
    if (key !== '' && known) mapping.set(key, { heading: heading.trim(), field: known });
  }
  return mapping;
}
