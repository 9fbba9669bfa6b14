import { randomBytes } from 'node:crypto';
import { INDICATORS } from '@nastavnik/monitoring/indicator-definitions';
import { runFederationBench } from './federation-bench';
import { federationShape } from './generate';

/**
 * The Federation-S bench (issue 18) at a tiny scale, so that its generator, its bare aggregate and
 * its measurements cannot rot: 10 regions of 2 organisations in a database of its own (created,
 * generated and dropped by the bench), every step of the full run once. The timings are not
 * checked here (on 20 organisations they say nothing); what is: the engine's snapshots after the
 * worker's nightly job equal the bare aggregate's numbers, every read returns the same rows under
 * RLS as on the owner's pool, and every goal of the full run was declared.
 */
describe('Federation-S bench at a tiny scale', () => {
  it('generates 10 regions, recomputes them all, checks the numbers and measures the reads', async () => {
    const lines: string[] = [];
    const scale = 0.002;
    const shape = federationShape(scale);
    const result = await runFederationBench({
      scale,
      database: `nastavnik_bench_fed_spec_${randomBytes(3).toString('hex')}`,
      drop: true,
      firstRuns: 1,
      runs: 1,
      readRuns: 1,
      log: (line) => lines.push(line),
    });
    const orgs = shape.regions * shape.orgsPerRegion;
    expect(result.counts.regions).toBe(10);
    expect(result.counts.orgs).toBe(orgs);
    // Each school's contingent: 12 ages of 44–53 pupils, 50 teachers.
    expect(result.counts.pupils).toBeGreaterThanOrEqual(orgs * 12 * 44);
    expect(result.counts.pupils).toBeLessThanOrEqual(orgs * 12 * 53);
    expect(result.compared).toBe(orgs * INDICATORS.length);
    expect(result.exactDifferences).toBe(0);
    const checked = result.goals?.checked ?? [];
    expect(checked.filter((g) => g.kind === 'exactness').every((g) => g.met)).toBe(true);
    expect(checked.filter((g) => g.kind === 'goal').map((g) => g.name)).toEqual([
      'nightly recompute of every region, first time',
      'nightly recompute, first time ÷ bare aggregate',
      'nightly recompute of every region, values unchanged',
      'nightly recompute, values unchanged ÷ bare aggregate',
      "ministry official's all-regions extract under RLS",
      expect.stringMatching(/^region analyst: .*: RLS ÷ owner$/),
      expect.stringMatching(/^ministry official: T1 comparison .*: RLS ÷ owner$/),
      expect.stringMatching(/^ministry official: all-regions extract .*: RLS ÷ owner$/),
    ]);
    expect(result.lines.join('\n')).toContain('| bare aggregate');
    expect(lines.some((l) => l.startsWith('  region 10/10 done'))).toBe(true);
  }, 60_000);
});
