/**
 * Batching of per-row lookups within one operation (what DataLoader does, without its cache):
 * the keys asked for while the current tick's resolvers run are fetched with one call. GraphQL
 * resolves a list's field resolvers concurrently, so a page of 25 rows costs one query per field
 * instead of 25. No caching across batches — a mutation followed by a read sees fresh rows.
 */
type Pending<K, V> = { keys: K[]; waiters: { key: K; resolve: (value: V) => void; reject: (error: unknown) => void }[] };

export class Batches {
  private readonly pending = new Map<string, Pending<unknown, unknown>>();

  /** `fetch` returns the value of every key it was given; a key it leaves out gets `empty`. */
  load<K, V>(name: string, key: K, fetch: (keys: K[]) => Promise<Map<K, V>>, empty: V): Promise<V> {
    let batch = this.pending.get(name) as Pending<K, V> | undefined;
    if (!batch) {
      const created: Pending<K, V> = { keys: [], waiters: [] };
      batch = created;
      this.pending.set(name, created as Pending<unknown, unknown>);
      // After the promises already queued in this tick have run (as DataLoader schedules).
      void Promise.resolve().then(() => process.nextTick(() => this.dispatch(name, created, fetch, empty)));
    }
    const open = batch;
    if (!open.keys.includes(key)) open.keys.push(key);
    return new Promise<V>((resolve, reject) => open.waiters.push({ key, resolve, reject }));
  }

  private dispatch<K, V>(name: string, batch: Pending<K, V>, fetch: (keys: K[]) => Promise<Map<K, V>>, empty: V): void {
    this.pending.delete(name);
    fetch(batch.keys).then(
      (values) => batch.waiters.forEach((w) => w.resolve(values.has(w.key) ? (values.get(w.key) as V) : empty)),
      (error: unknown) => batch.waiters.forEach((w) => w.reject(error)),
    );
  }
}

/** Groups rows by a key, keeping their order: the usual shape of a batched one-to-many fetch. */
export function groupBy<K, V>(rows: V[], keyOf: (row: V) => K): Map<K, V[]> {
  const groups = new Map<K, V[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}
