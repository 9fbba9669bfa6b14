import { Batches, groupBy } from '../src/tenancy/batch';

/** Field resolvers of one list resolve concurrently: the lookups of one tick are one fetch. */
describe('batched per-row lookups', () => {
  const tick = () => new Promise((resolve) => setImmediate(resolve));

  it('keys asked for in one tick (after awaits, as resolvers do) are fetched together, once each', async () => {
    const batches = new Batches();
    const calls: string[][] = [];
    const fetch = async (keys: string[]) => {
      calls.push([...keys]);
      return new Map(keys.filter((k) => k !== 'none').map((k) => [k, [`${k}-1`, `${k}-2`]]));
    };
    const resolver = async (key: string) => {
      await Promise.resolve(); // a resolver usually awaits something before it asks
      return batches.load('rows', key, fetch, [] as string[]);
    };
    const results = await Promise.all(['a', 'b', 'a', 'none', 'c'].map(resolver));
    expect(calls).toEqual([['a', 'b', 'none', 'c']]);
    expect(results).toEqual([['a-1', 'a-2'], ['b-1', 'b-2'], ['a-1', 'a-2'], [], ['c-1', 'c-2']]);

    // A later tick is a new batch: nothing is cached between batches (a mutation's result is fresh).
    await tick();
    expect(await batches.load('rows', 'a', fetch, [] as string[])).toEqual(['a-1', 'a-2']);
    expect(calls).toEqual([['a', 'b', 'none', 'c'], ['a']]);
  });

  it('different names are different batches; a failed fetch rejects every waiter of its batch only', async () => {
    const batches = new Batches();
    const failing = async (): Promise<Map<string, number>> => {
      throw new Error('база недоступна');
    };
    const working = async (keys: string[]) => new Map(keys.map((k) => [k, k.length]));
    const outcomes = await Promise.allSettled([
      batches.load('bad', 'x', failing, 0),
      batches.load('bad', 'y', failing, 0),
      batches.load('good', 'xyz', working, 0),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'fulfilled']);
    expect((outcomes[2] as PromiseFulfilledResult<number>).value).toBe(3);
  });

  it('groupBy keeps the rows\' order within each key', () => {
    expect([...groupBy([{ k: 1, v: 'a' }, { k: 2, v: 'b' }, { k: 1, v: 'c' }], (r) => r.k).entries()]).toEqual([
      [1, [{ k: 1, v: 'a' }, { k: 1, v: 'c' }]],
      [2, [{ k: 2, v: 'b' }]],
    ]);
  });
});
