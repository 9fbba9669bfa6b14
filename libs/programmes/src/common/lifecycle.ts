import { ValidationFailedException } from '@nastavnik/platform/errors/app.exceptions';

/** A state machine as data: which states each state may move to, and the Russian name of each. */
export type Lifecycle<S extends string> = {
  what: string;
  titles: Record<S, string>;
  moves: Record<S, readonly S[]>;
};

/** Throws VALIDATION_FAILED with a Russian message unless `from → to` is a legal move. */
export function assertMove<S extends string>(lifecycle: Lifecycle<S>, from: S, to: S): void {
  if (lifecycle.moves[from].includes(to)) return;
  const { titles, what } = lifecycle;
  if (from === to) throw new ValidationFailedException(`${what} уже в состоянии «${titles[to]}».`);
  const allowed = lifecycle.moves[from];
  const hint = allowed.length > 0 ? `Из этого состояния можно перейти только в: ${allowed.map((s) => `«${titles[s]}»`).join(', ')}.` : 'Это состояние окончательное.';
  throw new ValidationFailedException(`Нельзя перевести ${what.toLowerCase()} из состояния «${titles[from]}» в «${titles[to]}». ${hint}`);
}
