/**
 * Federation-S bench (issue 18): `node -r ./tools/register.cjs tools/bench/federation/bench-federation.ts [--scale 0.05]`.
 * Generates 10 regions (12,000 organisations, ≈ 7 million pupils at scale 1) in a database of its
 * own, then measures the nightly recompute of every region against the bare aggregate and the
 * analysts' and the minister's reads under RLS (`federation-bench.ts` says how). At scale 1 it
 * writes its output to docs/benchmarks-federation.md; a smaller scale only prints (a check that the
 * bench works, with the full size's goals). BENCH_REUSE=1 keeps a database generated before at the
 * same scale; BENCH_DROP=1 drops the database at the end; BENCH_DATABASE names it
 * (default `nastavnik_bench_fed`); `--generate-only` generates and stops (measure later with
 * BENCH_REUSE=1: the output says when the data was generated). A missed goal exits 1 (`../goals`).
 * One first-time recompute (each costs a full nightly run plus emptying the snapshots), three
 * unchanged recomputes alternating with the bare aggregate, 15 pairs of each read.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runFederationBench } from './federation-bench';

function scaleArg(): number {
  const i = process.argv.indexOf('--scale');
  const scale = i >= 0 ? Number(process.argv[i + 1]) : 1;
  if (!Number.isFinite(scale) || scale <= 0 || scale > 1) throw new Error('--scale takes a number in (0, 1]');
  return scale;
}

async function main(): Promise<void> {
  const scale = scaleArg();
  const fullSize = scale === 1;
  const result = await runFederationBench({
    scale,
    database: process.env.BENCH_DATABASE ?? 'nastavnik_bench_fed',
    reuse: process.env.BENCH_REUSE === '1',
    drop: process.env.BENCH_DROP === '1',
    generateOnly: process.argv.includes('--generate-only'),
    firstRuns: 1,
    runs: 3,
    readRuns: 15,
  });
  if (!result.goals) {
    console.log(result.lines.join('\n'));
    return;
  }
  const out = ['# Federation-S benchmark', '', `Command: \`node -r ./tools/register.cjs tools/bench/federation/bench-federation.ts${fullSize ? '' : ` --scale ${scale}`}\``, '', ...result.lines, ''].join('\n');
  console.log(out);
  if (fullSize) writeFileSync(join(__dirname, '..', '..', '..', 'docs', 'benchmarks-federation.md'), out);
  else console.log('(scale below 1: docs/benchmarks-federation.md not written)');
  result.goals.finish();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
