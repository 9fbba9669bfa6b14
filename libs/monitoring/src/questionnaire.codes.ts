import { registerEnumType } from '@nestjs/graphql';

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

registerEnumType(QuestionnaireInstrument, {
  name: 'QuestionnaireInstrument',
  description: 'Инструмент мониторинга (анкета Q1–Q16 целевой модели)',
  valuesMap: Object.fromEntries(Object.entries(INSTRUMENT_TITLES).map(([code, title]) => [code, { description: title }])),
});

/** Who answers a questionnaire: наставник, наставляемый или куратор. */
export const RespondentRole = { MENTOR: 'mentor', MENTEE: 'mentee', CURATOR: 'curator' } as const;
export type RespondentRole = (typeof RespondentRole)[keyof typeof RespondentRole];
registerEnumType(RespondentRole, {
  name: 'RespondentRole',
  description: 'Кто заполняет анкету',
  valuesMap: { MENTOR: { description: 'Наставник' }, MENTEE: { description: 'Наставляемый' }, CURATOR: { description: 'Куратор' } },
});

/**
 * Phase of a measurement: the programme's influence is recorded twice, before entering the
 * programme (PRE) and upon completion (POST); everything else is NONE.
 */
export const QuestionnairePhase = { PRE: 'pre', POST: 'post', NONE: 'none' } as const;
export type QuestionnairePhase = (typeof QuestionnairePhase)[keyof typeof QuestionnairePhase];
registerEnumType(QuestionnairePhase, {
  name: 'QuestionnairePhase',
  description: 'Этап измерения: до входа в программу, по завершении или вне пары «до/после»',
  valuesMap: {
    PRE: { description: 'Входная оценка (до программы)' },
    POST: { description: 'Итоговая оценка (по завершении программы)' },
    NONE: { description: 'Без привязки к этапу «до/после»' },
  },
});

/** Kind of a question: с оценочным параметром (шкала), закрытый (один или несколько вариантов), открытый. */
export const QuestionKind = { RATING: 'rating', SINGLE_CHOICE: 'single_choice', MULTIPLE_CHOICE: 'multiple_choice', OPEN: 'open' } as const;
export type QuestionKind = (typeof QuestionKind)[keyof typeof QuestionKind];
registerEnumType(QuestionKind, {
  name: 'QuestionKind',
  description: 'Тип вопроса',
  valuesMap: {
    RATING: { description: 'Оценка по шкале (например, от 1 до 10)' },
    SINGLE_CHOICE: { description: 'Один вариант из списка' },
    MULTIPLE_CHOICE: { description: 'Несколько вариантов из списка' },
    OPEN: { description: 'Открытый вопрос (свободный ответ)' },
  },
});

/** How a response reached the platform. */
export const ResponseChannel = { CURATOR: 'curator', LINK: 'link' } as const;
export type ResponseChannel = (typeof ResponseChannel)[keyof typeof ResponseChannel];
registerEnumType(ResponseChannel, {
  name: 'ResponseChannel',
  description: 'Как получены ответы',
  valuesMap: {
    CURATOR: { description: 'Внесены куратором (например, с бумажной анкеты)' },
    LINK: { description: 'Заполнены участником по персональной ссылке' },
  },
});

/** State of a personal one-time link. */
export const LinkStatus = { ACTIVE: 'active', USED: 'used', EXPIRED: 'expired', WITHDRAWN: 'withdrawn' } as const;
export type LinkStatus = (typeof LinkStatus)[keyof typeof LinkStatus];
registerEnumType(LinkStatus, {
  name: 'QuestionnaireLinkStatus',
  description: 'Состояние персональной ссылки',
  valuesMap: {
    ACTIVE: { description: 'Действует: анкету ещё не заполнили' },
    USED: { description: 'Использована: ответы получены' },
    EXPIRED: { description: 'Истёк срок действия' },
    WITHDRAWN: { description: 'Отозвана: согласие на анкетирование отозвано' },
  },
});

/** «2022/2023» — the academic year (учебный год) that runs from 1 September to 31 August. */
export { isAcademicYear } from '@nastavnik/platform/graphql/validators';

/** The academic year a moment falls into (September starts a new one), in the region's calendar. */
export { schoolYearOf as academicYearOf } from '@nastavnik/platform/calendar';
