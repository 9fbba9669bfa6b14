import type { Lifecycle } from '../common/lifecycle';
import type { PairStatus } from './mentoring-pair.entity';

/** Пара (группа): черновик → действует → завершена | прекращена досрочно. */
export const PAIR_LIFECYCLE: Lifecycle<PairStatus> = {
  what: 'Пару (группу)',
  titles: { draft: 'Черновик', active: 'Действует', completed: 'Завершена', ended_early: 'Прекращена досрочно' },
  moves: { draft: ['active'], active: ['completed', 'ended_early'], completed: [], ended_early: [] },
};
