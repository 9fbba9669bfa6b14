/** Russian labels of the completion stage's enums (the API's enum descriptions, docs/adr/0036). */
export const NOMINATION_CHOICES = [
  { id: 'BEST_MENTOR', name: 'Лучший наставник' },
  { id: 'MENTOR_OF_THE_YEAR', name: 'Наставник года' },
  { id: 'BEST_PAIR', name: 'Лучшая пара' },
  { id: 'BEST_PAIR_MENTOR_PLUS', name: 'Лучшая пара «Наставник+»' },
  { id: 'BEST_STUDENT_MENTOR', name: 'Лучший наставник из числа обучающихся' },
];

export const COMPETITION_STATUS_CHOICES = [
  { id: 'OPEN', name: 'Приём заявок' },
  { id: 'CLOSED', name: 'Завершён' },
];

export const RESULT_CHOICES = [
  { id: 'WINNER', name: 'Победитель' },
  { id: 'PRIZE_WINNER', name: 'Призёр' },
  { id: 'PARTICIPANT', name: 'Участник' },
];

export const CASE_STATUS_CHOICES = [
  { id: 'DRAFT', name: 'Черновик' },
  { id: 'SUBMITTED', name: 'На модерации' },
  { id: 'PUBLISHED', name: 'Опубликован' },
  { id: 'RETURNED', name: 'Возвращён на доработку' },
];

const byId = (choices: { id: string; name: string }[]) => new Map(choices.map((c) => [c.id, c.name]));
const NOMINATIONS = byId(NOMINATION_CHOICES);
const STATUSES = byId(COMPETITION_STATUS_CHOICES);
const RESULTS = byId(RESULT_CHOICES);
const CASE_STATUSES = byId(CASE_STATUS_CHOICES);

export const nominationLabel = (value: unknown) => NOMINATIONS.get(String(value)) ?? '—';
export const competitionStatusLabel = (value: unknown) => STATUSES.get(String(value)) ?? '—';
export const resultLabel = (value: unknown) => (value ? (RESULTS.get(String(value)) ?? '—') : 'Итог не подведён');
export const caseStatusLabel = (value: unknown) => CASE_STATUSES.get(String(value)) ?? '—';
