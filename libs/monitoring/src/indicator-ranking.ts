/**
 * The one ranking of organisations on an indicator (ADR 0020), used by the dashboard's
 * `indicatorComparison` and, through it, by the regional PDF.
 *
 * - Standard competition ranking («1, 1, 3»): equal values share a place, and the place after a
 *   tie skips as many places as the tie took, so a place always says «how many organisations did
 *   strictly better, plus one». Dense ranking («1, 1, 2») would give the school after a tie of
 *   ten the second place.
 * - Values are compared as published — the integer percentage (half up) or the count the reader
 *   sees — so two rows that both show «41 %» never get different places.
 * - An organisation with no value (no snapshot, or a percentage without a denominator) is not
 *   ranked: its rank is null and it is listed after the ranked ones, apart.
 * - «Better» follows the target's direction: higher for «не менее», lower for «не более».
 */
export type RankDirection = 'higher' | 'lower';

export type Ranked<T> = { item: T; rank: number | null };

/** Ranks `items` by `valueOf`; returns them ranked first (by place, then by name), then the unranked (by name). */
export function rankByValue<T>(items: readonly T[], valueOf: (item: T) => number | null, nameOf: (item: T) => string, direction: RankDirection = 'higher'): Ranked<T>[] {
  const byName = (a: T, b: T) => nameOf(a).localeCompare(nameOf(b), 'ru');
  const better = (a: number, b: number) => (direction === 'higher' ? b - a : a - b);
  const withValue = items.filter((item) => valueOf(item) !== null).sort((a, b) => better(valueOf(a) as number, valueOf(b) as number) || byName(a, b));
  const ranked: Ranked<T>[] = [];
  withValue.forEach((item, index) => {
    const previous = ranked[index - 1];
    const tied = previous !== undefined && valueOf(previous.item) === valueOf(item);
    ranked.push({ item, rank: tied ? previous.rank : index + 1 });
  });
  const unranked = items.filter((item) => valueOf(item) === null).sort(byName).map((item) => ({ item, rank: null }));
  return [...ranked, ...unranked];
}

/** The direction of «better» for an indicator: lower only when its target is an upper bound. */
export function rankDirection(target: { direction: 'at_least' | 'at_most' } | undefined): RankDirection {
  return target?.direction === 'at_most' ? 'lower' : 'higher';
}
