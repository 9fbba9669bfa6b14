/**
 * The statements that put one table of an organisation's records under forced row-level
 * security: a curator sees and writes their own organisation's rows, a platform admin all rows;
 * region analysts and ministry officials nothing (personal data or data that leads to it).
 * Used by this lib's migrations; changing it changes what they create, so add, never edit.
 * Its policy was rewritten by the platform's migrations and is declared today in 1795301120000;
 * a new table declares its policies with `declareRowPolicies` (docs/adr/0002), not with this.
 */
export function tenantTableSecurity(table: string): string[] {
  const rule = `(app.scope_role() = 'curator' and tenant_id = app.scope_tenant_id()) or app.scope_role() = 'platform-admin'`;
  return [
    `alter table ${table} enable row level security`,
    `alter table ${table} force row level security`,
    `create policy ${table}_curator_or_admin on ${table} for all using (${rule}) with check (${rule})`,
    `grant select, insert, update, delete on ${table} to nastavnik_app`,
  ];
}

/** A short text column check: `length(btrim(x)) between min and max`. */
export function textCheck(column: string, min: number, max: number): string {
  return min > 0 ? `check (length(btrim(${column})) between ${min} and ${max})` : `check (length(${column}) <= ${max})`;
}

export const ACADEMIC_YEAR_CHECK = `check (academic_year ~ '^[0-9]{4}/[0-9]{4}$' and split_part(academic_year, '/', 2)::int = split_part(academic_year, '/', 1)::int + 1)`;
