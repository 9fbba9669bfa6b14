/*
 * Lookups of values that came from outside (a GraphQL argument, a file's cell, a URL) never go
 * through a plain object: `table["__proto__"]` answers Object.prototype and `table["constructor"]`
 * a function, and a caller that then writes through the answer pollutes every object of the
 * process (issue 11: `sortField: "__proto__"` broke every tenant's queries until restart).
 * Module-level tables are built with `lookupTable` (a Map) or read with `ownValue`; the lint rule
 * in eslint.config.cjs refuses `SOME_TABLE[key]` with a computed key anywhere in libs and apps.
 */

/** A constant table for lookups by outside values: only its own keys are ever found. */
export function lookupTable<V>(entries: Readonly<Record<string, V>>): ReadonlyMap<string, V> {
  return new Map(Object.entries(entries));
}

/** `table[key]` when `key` is the table's own property; `undefined` for anything else (`__proto__`, `constructor`, `toString` …). */
export function ownValue<K extends PropertyKey, V>(table: Readonly<Partial<Record<K, V>>>, key: K | string | null | undefined): V | undefined {
  if (key === null || key === undefined || !Object.prototype.hasOwnProperty.call(table, key)) return undefined;
  return (table as Readonly<Record<PropertyKey, V>>)[key as PropertyKey];
}

/** `table[key]` for a key the code itself chose (a definition's fact, a form's code): absent is a bug, not an input error. */
export function requiredValue<K extends PropertyKey, V>(table: Readonly<Partial<Record<K, V>>>, key: K): V {
  const value = ownValue(table, key);
  if (value === undefined) throw new Error(`no entry "${String(key)}" in the table`);
  return value;
}
