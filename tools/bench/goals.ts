/**
 * The goals of a benchmark, declared and checked in one place. A bench that only prints «✗» or
 * «no» for a missed goal passes any script or person who looks at its exit code, so every goal and
 * every exactness check goes through here: the bench prints its full table first (the marks come
 * from here), then `finish()` names each miss on stderr and sets `process.exitCode = 1`.
 *
 * `BENCH_FORCE_MISS=1` replaces every bound by one that no measurement can meet (≤ −∞, ≥ +∞, an
 * exactness check that needs fewer than zero differences). It proves, without editing a bench,
 * that a miss fails the run: every bench takes its bounds from here and nowhere else.
 */

export type GoalOutcome = {
  /** A bound on a measurement, or an exactness check (two computations that must agree). */
  kind: 'goal' | 'exactness';
  name: string;
  met: boolean;
  /** The measurement as printed, e.g. `1242.0 ms` or `2 differences`. */
  measured: string;
  /** The bound checked, as printed, e.g. `≤ 2,000 ms`. */
  bound: string;
  /** For an exactness check: the first differences found. */
  details: readonly string[];
};

const FORCE_NOTE = ' (forced by BENCH_FORCE_MISS=1)';
const MAX_DETAILS = 5;

const formatNumber = (value: number): string =>
  Number.isInteger(value) ? value.toLocaleString('en-US') : value.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 2 });

// A ratio reads «1.06×»; a time or a size «1,242 ms».
const withUnit = (value: string, unit: string): string => (unit === '×' ? `${value}×` : unit ? `${value} ${unit}` : value);

/** The table mark of a checked goal. */
export const mark = (met: boolean): string => (met ? '✓' : '✗');

/** Whether this run forces every goal to be missed (`BENCH_FORCE_MISS=1`). */
export const goalsForcedToMiss = (env: NodeJS.ProcessEnv = process.env): boolean => env.BENCH_FORCE_MISS === '1';

export class BenchGoals {
  private readonly outcomes: GoalOutcome[] = [];

  constructor(
    private readonly bench: string,
    readonly forced: boolean = goalsForcedToMiss(),
  ) {}

  /** A measurement that must not exceed `limit`; returns whether it was met (for the table's mark). */
  atMost(name: string, measured: number, limit: number, unit = ''): boolean {
    const bound = this.forced ? -Infinity : limit;
    return this.record({
      kind: 'goal',
      name,
      met: Number.isFinite(measured) && measured <= bound,
      measured: withUnit(formatNumber(measured), unit),
      bound: this.forced ? `≤ −∞${FORCE_NOTE}` : `≤ ${withUnit(formatNumber(limit), unit)}`,
      details: [],
    });
  }

  /** A measurement that must reach at least `limit`. */
  atLeast(name: string, measured: number, limit: number, unit = ''): boolean {
    const bound = this.forced ? Infinity : limit;
    return this.record({
      kind: 'goal',
      name,
      met: Number.isFinite(measured) && measured >= bound,
      measured: withUnit(formatNumber(measured), unit),
      bound: this.forced ? `≥ +∞${FORCE_NOTE}` : `≥ ${withUnit(formatNumber(limit), unit)}`,
      details: [],
    });
  }

  /** An exactness check: met when nothing differs. `differences` describes each one found. */
  exact(name: string, differences: readonly string[]): boolean {
    const allowed = this.forced ? -1 : 0;
    return this.record({
      kind: 'exactness',
      name,
      met: differences.length <= allowed,
      measured: `${formatNumber(differences.length)} difference${differences.length === 1 ? '' : 's'}`,
      bound: this.forced ? `< 0 differences${FORCE_NOTE}` : 'no difference',
      details: differences.slice(0, MAX_DETAILS),
    });
  }

  get checked(): readonly GoalOutcome[] {
    return this.outcomes;
  }

  get missed(): readonly GoalOutcome[] {
    return this.outcomes.filter((o) => !o.met);
  }

  /** One line for the bench's printed output (and its docs file): how many goals were checked and met. */
  summary(): string {
    const missed = this.missed;
    const forced = this.forced ? ` BENCH_FORCE_MISS=1: every bound was made impossible.` : '';
    if (missed.length === 0) return `Goals and exactness checks: all ${this.outcomes.length} met.${forced}`;
    return `Goals and exactness checks: **${missed.length} of ${this.outcomes.length} missed** — ${missed.map((m) => m.name).join('; ')}.${forced}`;
  }

  /**
   * Call after the full output is printed: names each miss on stderr (one line each, with the
   * first differences of an exactness check) and sets `process.exitCode = 1` if any. A bench that
   * checked nothing fails too — a goal that was never declared proves nothing.
   */
  finish(write: (line: string) => void = (line) => void process.stderr.write(`${line}\n`)): boolean {
    if (this.outcomes.length === 0) {
      write(`${this.bench}: FAILED — no goal or exactness check was declared`);
      process.exitCode = 1;
      return false;
    }
    const missed = this.missed;
    for (const miss of missed) {
      write(`${this.bench}: ${miss.kind === 'exactness' ? 'MISMATCH' : 'GOAL MISSED'}: ${miss.name}: ${miss.measured}, goal ${miss.bound}`);
      for (const detail of miss.details) write(`    ${detail}`);
    }
    if (missed.length > 0) {
      write(`${this.bench}: FAILED — ${missed.length} of ${this.outcomes.length} goals and exactness checks missed`);
      process.exitCode = 1;
      return false;
    }
    write(`${this.bench}: all ${this.outcomes.length} goals and exactness checks met`);
    return true;
  }

  private record(outcome: GoalOutcome): boolean {
    this.outcomes.push(outcome);
    return outcome.met;
  }
}
