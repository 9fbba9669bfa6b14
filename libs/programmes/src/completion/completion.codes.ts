import { describeEnum } from '@nastavnik/platform/graphql/input-fields';

/**
 * Номинации поощрения наставников (seeds §5.12: «Лучший наставник», «Наставник года», «Лучшая
 * пара», «Лучшая пара «Наставник+»», the best mentors among students). The codes are the
 * database's (checks of migration 1795302300000).
 */
export const MentorNominationKind = {
  BEST_MENTOR: 'best_mentor',
  MENTOR_OF_THE_YEAR: 'mentor_of_the_year',
  BEST_PAIR: 'best_pair',
  BEST_PAIR_MENTOR_PLUS: 'best_pair_mentor_plus',
  BEST_STUDENT_MENTOR: 'best_student_mentor',
} as const;
export type MentorNominationKind = (typeof MentorNominationKind)[keyof typeof MentorNominationKind];
export const NOMINATION_TITLES: ReadonlyMap<string, string> = new Map([
  ['best_mentor', 'Лучший наставник'],
  ['mentor_of_the_year', 'Наставник года'],
  ['best_pair', 'Лучшая пара'],
  ['best_pair_mentor_plus', 'Лучшая пара «Наставник+»'],
  ['best_student_mentor', 'Лучший наставник из числа обучающихся'],
]);
describeEnum(MentorNominationKind, 'MentorNominationKind', 'Номинация поощрения наставника', {
  BEST_MENTOR: 'Лучший наставник',
  MENTOR_OF_THE_YEAR: 'Наставник года',
  BEST_PAIR: 'Лучшая пара',
  BEST_PAIR_MENTOR_PLUS: 'Лучшая пара «Наставник+»',
  BEST_STUDENT_MENTOR: 'Лучший наставник из числа обучающихся',
});

/** Состояние конкурса: приём заявок открыт или конкурс завершён. */
export const CompetitionStatus = { OPEN: 'open', CLOSED: 'closed' } as const;
export type CompetitionStatus = (typeof CompetitionStatus)[keyof typeof CompetitionStatus];
describeEnum(CompetitionStatus, 'CompetitionStatus', 'Состояние конкурса', { OPEN: 'Приём заявок', CLOSED: 'Завершён' });

/** Итог участия в конкурсе: победитель, призёр, участник. */
export const CompetitionResult = { WINNER: 'winner', PRIZE_WINNER: 'prize_winner', PARTICIPANT: 'participant' } as const;
export type CompetitionResult = (typeof CompetitionResult)[keyof typeof CompetitionResult];
describeEnum(CompetitionResult, 'CompetitionResult', 'Итог участия в конкурсе', { WINNER: 'Победитель', PRIZE_WINNER: 'Призёр', PARTICIPANT: 'Участник' });

/** Состояние кейса банка практик: черновик → на модерации → опубликован или возвращён на доработку. */
export const PracticeCaseStatus = { DRAFT: 'draft', SUBMITTED: 'submitted', PUBLISHED: 'published', RETURNED: 'returned' } as const;
export type PracticeCaseStatus = (typeof PracticeCaseStatus)[keyof typeof PracticeCaseStatus];
describeEnum(PracticeCaseStatus, 'PracticeCaseStatus', 'Состояние кейса', {
  DRAFT: 'Черновик (видит только школа)',
  SUBMITTED: 'На модерации',
  PUBLISHED: 'Опубликован в банке практик региона',
  RETURNED: 'Возвращён на доработку',
});
