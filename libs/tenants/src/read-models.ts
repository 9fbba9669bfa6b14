import type { ReadModel } from '@nastavnik/platform/database/read-model';

/**
 * What other libs may read of the tenants lib in SQL (docs/adr/0004): views of this lib's
 * migrations, never the `tenants` table itself.
 */
export const READ_MODELS = [
  {
    name: 'tenant_tree',
    doc: 'The tenant tree as the reader may see it: id, parent, kind, code, ltree path, full and short name of each region, municipality and organisation.',
    security: 'invoker',
    readers: ['nastavnik_app', 'nastavnik_indicators'],
  },
] as const satisfies readonly ReadModel[];
