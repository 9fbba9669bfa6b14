import { describeEnum } from '@nastavnik/platform/graphql/input-fields';

/**
 * The questionnaire instruments (анкеты) of the target model's monitoring, Q1–Q16 of the domain
 * catalogue (SEEDS-DOMAIN §6.4). The code says which purpose a template serves; the text of the
 * questions is the template's own.
 */
export const QuestionnaireInstrument = {
  Q1: 'Q1', Q2: 'Q2', Q3: 'Q3', Q4: 'Q4', Q5: 'Q5', Q6: 'Q6', Q7: 'Q7', Q8: 'Q8',
  Q9: 'Q9', Q10: 'Q10', Q11: 'Q11', Q12: 'Q12', Q13: 'Q13', Q14: 'Q14', Q15: 'Q15', Q16: 'Q16',
} as const;
export type QuestionnaireInstrument = (typeof QuestionnaireInstrument)[keyof typeof QuestionnaireInstrument];

export const INSTRUMENT_TITLES: Record<QuestionnaireInstrument, string> = {
  Q1: 'Анкетирование обучающихся/педагогов, желающих принять участие в программе',
  Q2: 'Листы опроса педагогов с профессиональными и адаптационными затруднениями',
  Q3: 'Мониторинг предварительных запросов',
  Q4: 'Оценка участников-наставляемых по заданным параметрам (входная)',
  Q5: 'Анкетирование потенциальных наставников',
  Q6: 'Оценка участников-наставников по заданным параметрам (входная)',
  Q7: 'Собеседование и тестирование кандидатов в наставники',
  Q8: 'Анкетирование о предпочитаемом наставнике/наставляемом',
  Q9: 'Обратная связь от наставляемых',
  Q10: 'Обратная связь от наставников, наставляемых и кураторов',
  Q11: 'Мониторинг личной удовлетворённости участием в программе',
  Q12: 'Мониторинг качества реализации программы',
  Q13: 'Оценка участников по заданным параметрам (итоговая)',
  Q14: 'Взаимная оценка наставника и наставляемого',
  Q15: 'Мониторинг влияния программы на всех участников (рефлексия)',
  Q16: 'Анализ потребности в обучении наставников',
};

describeEnum(QuestionnaireInstrument, 'QuestionnaireInstrument', 'Инструмент мониторинга (анкета Q1–Q16 целевой модели)', INSTRUMENT_TITLES);

/** Who answers a questionnaire: наставник, наставляемый или куратор. */
export const RespondentRole = { MENTOR: 'mentor', MENTEE: 'mentee', CURATOR: 'curator' } as const;
export type RespondentRole = (typeof RespondentRole)[keyof typeof RespondentRole];
describeEnum(RespondentRole, 'RespondentRole', 'Кто заполняет анкету', { MENTOR: 'Наставник', MENTEE: 'Наставляемый', CURATOR: 'Куратор' });

/**
 * Phase of a measurement: the programme's influence is recorded twice, before entering the
 * programme (PRE) and upon completion (POST); everything else is NONE.
 */
export const QuestionnairePhase = { PRE: 'pre', POST: 'post', NONE: 'none' } as const;
export type QuestionnairePhase = (typeof QuestionnairePhase)[keyof typeof QuestionnairePhase];
describeEnum(QuestionnairePhase, 'QuestionnairePhase', 'Этап измерения: до входа в программу, по завершении или вне пары «до/после»', {
  PRE: 'Входная оценка (до программы)',
  POST: 'Итоговая оценка (по завершении программы)',
  NONE: 'Без привязки к этапу «до/после»',
});

/** Kind of a question: с оценочным параметром (шкала), закрытый (один или несколько вариантов), открытый. */
export const QuestionKind = { RATING: 'rating', SINGLE_CHOICE: 'single_choice', MULTIPLE_CHOICE: 'multiple_choice', OPEN: 'open' } as const;
export type QuestionKind = (typeof QuestionKind)[keyof typeof QuestionKind];
describeEnum(QuestionKind, 'QuestionKind', 'Тип вопроса', {
  RATING: 'Оценка по шкале (например, от 1 до 10)',
  SINGLE_CHOICE: 'Один вариант из списка',
  MULTIPLE_CHOICE: 'Несколько вариантов из списка',
  OPEN: 'Открытый вопрос (свободный ответ)',
});

/** How a response reached the platform. */
export const ResponseChannel = { CURATOR: 'curator', LINK: 'link' } as const;
export type ResponseChannel = (typeof ResponseChannel)[keyof typeof ResponseChannel];
describeEnum(ResponseChannel, 'ResponseChannel', 'Как получены ответы', {
  CURATOR: 'Внесены куратором (например, с бумажной анкеты)',
  LINK: 'Заполнены участником по персональной ссылке',
});

/** State of a personal one-time link. */
export const LinkStatus = { ACTIVE: 'active', USED: 'used', EXPIRED: 'expired', WITHDRAWN: 'withdrawn' } as const;
export type LinkStatus = (typeof LinkStatus)[keyof typeof LinkStatus];
describeEnum(LinkStatus, 'QuestionnaireLinkStatus', 'Состояние персональной ссылки', {
  ACTIVE: 'Действует: анкету ещё не заполнили',
  USED: 'Использована: ответы получены',
  EXPIRED: 'Истёк срок действия',
  WITHDRAWN: 'Отозвана: согласие на анкетирование отозвано',
});

/** «2022/2023» — the academic year (учебный год) that runs from 1 September to 31 August. */
export { isAcademicYear } from '@nastavnik/platform/graphql/validators';

/** The academic year a moment falls into (September starts a new one), in the region's calendar. */
export { schoolYearOf as academicYearOf } from '@nastavnik/platform/calendar';
