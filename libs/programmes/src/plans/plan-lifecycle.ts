import type { Lifecycle } from '../common/lifecycle';
import type { PlanStatus } from './personalised-programme.entity';

/** Персонализированная программа: разрабатывается → реализуется → завершена. */
export const PLAN_LIFECYCLE: Lifecycle<PlanStatus> = {
  what: 'Персонализированную программу',
  titles: { draft: 'Разрабатывается', active: 'Реализуется', completed: 'Завершена' },
  moves: { draft: ['active'], active: ['completed'], completed: [] },
};
