import type { Lifecycle } from '../common/lifecycle';
import type { ProgrammeStatus } from './programme.entity';

/** Программа: черновик → реализуется → завершена. */
export const PROGRAMME_LIFECYCLE: Lifecycle<ProgrammeStatus> = {
  what: 'Программу',
  titles: { draft: 'Черновик', active: 'Реализуется', completed: 'Завершена' },
  moves: { draft: ['active'], active: ['completed'], completed: [] },
};
