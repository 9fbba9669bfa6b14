import { registerEnumType } from '@nestjs/graphql';
import { describeEnum } from '@nastavnik/platform/graphql/input-fields';
import { requiredValue } from '@nastavnik/contracts/lookup';

/**
 * A code list written once: each key's stored code and what the schema says of it. Returns the
 * codes (`Sex.MALE === 'male'`) and registers the GraphQL enum with the descriptions.
 */
function codeList<const L extends Record<string, readonly [code: string, description: string]>>(name: string, description: string, list: L): { readonly [K in keyof L]: L[K][0] } {
  const codes = Object.fromEntries(Object.entries(list).map(([key, [code]]) => [key, code]));
  describeEnum(codes, name, description, Object.fromEntries(Object.entries(list).map(([key, [, text]]) => [key, text])));
  return codes as { readonly [K in keyof L]: L[K][0] };
}

/**
 * Категория участника (who the person is), per the pools of the mentor and mentee bases:
 * обучающийся, педагог ОО (включая руководителя), студент вуза/колледжа, преподаватель или
 * представитель внешней СПО/вуза, представитель работодателя (предприятия, организации),
 * выпускник, родитель (член родительского/управляющего совета), ветеран педагогического труда.
 */
export const ParticipantKind = {
  STUDENT: 'student',
  TEACHER: 'teacher',
  UNI_STUDENT: 'uni_student',
  COLLEGE_REP: 'college_rep',
  EMPLOYER_REP: 'employer_rep',
  GRADUATE: 'graduate',
  PARENT: 'parent',
  VETERAN: 'veteran',
  OTHER: 'other',
} as const;
export type ParticipantKind = (typeof ParticipantKind)[keyof typeof ParticipantKind];
export const PARTICIPANT_KIND_TITLES: Record<ParticipantKind, string> = {
  student: 'Обучающийся',
  teacher: 'Педагог',
  uni_student: 'Студент вуза/колледжа',
  college_rep: 'Представитель вуза/СПО',
  employer_rep: 'Представитель работодателя',
  graduate: 'Выпускник',
  parent: 'Родитель',
  veteran: 'Ветеран педагогического труда',
  other: 'Другое',
};
describeEnum(ParticipantKind, 'ParticipantKind', 'Категория участника', {
  STUDENT: 'Обучающийся (ученик) своей организации',
  TEACHER: 'Педагог организации (в том числе руководитель)',
  UNI_STUDENT: 'Студент вуза или колледжа',
  COLLEGE_REP: 'Преподаватель или представитель вуза/СПО',
  EMPLOYER_REP: 'Представитель работодателя (предприятия, организации)',
  GRADUATE: 'Выпускник',
  PARENT: 'Родитель — член родительского или управляющего совета',
  VETERAN: 'Ветеран педагогического труда',
  OTHER: 'Другое',
});

export const Sex = codeList('Sex', 'Пол', { MALE: ['male', 'Мужской'], FEMALE: ['female', 'Женский'] });
export type Sex = (typeof Sex)[keyof typeof Sex];

/** Направления наставничества D01–D11 (the reporting directions of the target model). */
export const Direction = {
  D01: 'D01', D02: 'D02', D03: 'D03', D04: 'D04', D05: 'D05', D06: 'D06',
  D07: 'D07', D08: 'D08', D09: 'D09', D10: 'D10', D11: 'D11',
} as const;
export type Direction = (typeof Direction)[keyof typeof Direction];
export const DIRECTION_TITLES: Record<Direction, string> = {
  D01: 'Раскрытие потенциала каждого наставляемого',
  D02: 'Преодоление подросткового кризиса, самоидентификация, жизненные ориентиры',
  D03: 'Адаптация обучающегося в новом учебном коллективе',
  D04: 'Повышение мотивации к учёбе и улучшение образовательных результатов',
  D05: 'Осознанный выбор образовательной траектории (в том числе ОВЗ, одарённые, ТЖС)',
  D06: 'Формирование ценностей и активной гражданской позиции',
  D07: 'Развитие гибких навыков, лидерских качеств, метакомпетенций',
  D08: 'Формирование предпринимательского потенциала',
  D09: 'Осознанный выбор профессии и потенциал успешной карьеры',
  D10: 'Адаптация педагога в новом педагогическом коллективе',
  D11: 'Плавный «вход» молодого педагога и специалиста в профессию',
};
describeEnum(Direction, 'Direction', 'Направление наставничества', DIRECTION_TITLES);

/** Области интересов наставляемых: интеллектуальное, спортивное, волонтёрское, творческое, методическое. */
export const InterestArea = {
  INTELLECTUAL: 'intellectual',
  SPORT: 'sport',
  VOLUNTEER: 'volunteer',
  CREATIVE: 'creative',
  METHODOLOGICAL: 'methodological',
} as const;
export type InterestArea = (typeof InterestArea)[keyof typeof InterestArea];
export const INTEREST_TITLES: Record<InterestArea, string> = {
  intellectual: 'Интеллектуальное',
  sport: 'Спортивное',
  volunteer: 'Волонтёрское',
  creative: 'Творческое',
  methodological: 'Методическое',
};
describeEnum(InterestArea, 'InterestArea', 'Область интересов', {
  INTELLECTUAL: 'Интеллектуальное',
  SPORT: 'Спортивное',
  VOLUNTEER: 'Волонтёрское',
  CREATIVE: 'Творческое',
  METHODOLOGICAL: 'Методическое',
});

/** База наставников или база наставляемых. */
export const BaseKind = codeList('BaseKind', 'База участников', { MENTOR: ['mentor', 'База наставников'], MENTEE: ['mentee', 'База наставляемых'] });
export type BaseKind = (typeof BaseKind)[keyof typeof BaseKind];

/** Состояние участника в базе: от потенциального участника до завершения или выбытия. */
export const BaseStatus = codeList('BaseStatus', 'Состояние в базе', {
  POTENTIAL: ['potential', 'Потенциальный участник'],
  SURVEYED: ['surveyed', 'Анкетирован (собеседование проведено)'],
  SELECTED: ['selected', 'Отобран'],
  TRAINED: ['trained', 'Обучен (только наставники)'],
  IN_PAIR: ['in_pair', 'В паре или группе'],
  FINISHED: ['finished', 'Завершил программу'],
  WITHDRAWN: ['withdrawn', 'Выбыл'],
});
export type BaseStatus = (typeof BaseStatus)[keyof typeof BaseStatus];

/**
 * Категории наставляемых и наставников по базам: педагоги (молодой специалист 0–3 года, новый
 * сотрудник, эмоциональное выгорание, освоение цифровых навыков) и обучающиеся (дезориентирован,
 * низкие результаты, проблемы поведения, отстранён от коллектива, ООП, ОВЗ, одарённый, ТЖС,
 * «пассивный» / «активный» для формы «студент – ученик»).
 */
export const ParticipantCategory = codeList('ParticipantCategory', 'Категория участника в базе', {
  YOUNG_SPECIALIST: ['young_specialist', 'Молодой специалист (стаж 0–3 года)'],
  NEW_EMPLOYEE: ['new_employee', 'Адаптируется на новом месте работы'],
  BURNOUT: ['burnout', 'Эмоциональное выгорание, хроническая усталость'],
  DIGITAL_SKILLS: ['digital_skills', 'Хочет освоить цифровые навыки, ИКТ'],
  DISORIENTED: ['disoriented', 'Социально или ценностно дезориентирован'],
  LOW_RESULTS: ['low_results', 'Неудовлетворительные образовательные результаты'],
  BEHAVIOUR: ['behaviour', 'Проблемы с поведением'],
  DETACHED: ['detached', 'Не участвует в жизни школы, отстранён от коллектива'],
  SPECIAL_NEEDS: ['special_needs', 'Особые образовательные потребности'],
  DISABILITY: ['disability', 'Ребёнок с ОВЗ'],
  GIFTED: ['gifted', 'Одарённый ребёнок'],
  DIFFICULT_SITUATION: ['difficult_situation', 'В трудной жизненной ситуации'],
  PASSIVE: ['passive', '«Пассивный» (форма «студент – ученик»)'],
  ACTIVE: ['active', '«Активный» (форма «студент – ученик»)'],
});
export type ParticipantCategory = (typeof ParticipantCategory)[keyof typeof ParticipantCategory];

/** Откуда известно о потребностях: сам участник, анкета, третьи лица, документы педагога. */
export const InfoSource = codeList('InfoSource', 'Источник сведений о потребностях', {
  SELF: ['self', 'Сам участник'],
  QUESTIONNAIRE: ['questionnaire', 'Анкетирование'],
  CLASS_TEACHER: ['class_teacher', 'Классный руководитель'],
  PSYCHOLOGIST: ['psychologist', 'Педагог-психолог'],
  SOCIAL_PEDAGOGUE: ['social_pedagogue', 'Социальный педагог'],
  PARENTS: ['parents', 'Родители (законные представители)'],
  PERSONAL_FILE: ['personal_file', 'Личное дело'],
  METHODOLOGICAL_WORK: ['methodological_work', 'Анализ методической работы'],
  ATTESTATION: ['attestation', 'Рекомендации по аттестации'],
  LESSON_VISITS: ['lesson_visits', 'Анализ посещённых уроков и мероприятий'],
});
export type InfoSource = (typeof InfoSource)[keyof typeof InfoSource];

/** Форма обучения наставника. */
export const TrainingForm = codeList('TrainingForm', 'Форма обучения наставника', { IN_PERSON: ['in_person', 'Очно'], DISTANCE: ['distance', 'Дистанционно'], INDIVIDUAL: ['individual', 'Индивидуально'] });
export type TrainingForm = (typeof TrainingForm)[keyof typeof TrainingForm];

/** Кто подписал согласие: сам участник или законный представитель несовершеннолетнего. */
export const ConsentSigner = codeList('ConsentSigner', 'Кто подписал согласие', { SELF: ['self', 'Сам участник'], LEGAL_REPRESENTATIVE: ['legal_representative', 'Законный представитель'] });
export type ConsentSigner = (typeof ConsentSigner)[keyof typeof ConsentSigner];

export const RepresentativeRelation = codeList('RepresentativeRelation', 'Кем приходится законный представитель', { MOTHER: ['mother', 'Мать'], FATHER: ['father', 'Отец'], GUARDIAN: ['guardian', 'Опекун'], TRUSTEE: ['trustee', 'Попечитель'], OTHER: ['other', 'Иной законный представитель'] });
export type RepresentativeRelation = (typeof RepresentativeRelation)[keyof typeof RepresentativeRelation];

/**
 * Цели обработки персональных данных, на которые дано согласие. `processing` (сбор, хранение,
 * учёт в базах) входит в каждое согласие; остальные — сверх него: подбор пар, анкетирование,
 * отчёты, публикация, назначение наставником, дополнительные обязанности, передача в другие ОО.
 */
export const ConsentPurpose = {
  PROCESSING: 'processing',
  PAIRING: 'pairing',
  QUESTIONNAIRES: 'questionnaires',
  REPORTS: 'reports',
  PUBLICATION: 'publication',
  MENTOR_APPOINTMENT: 'mentor_appointment',
  EXTRA_DUTIES: 'extra_duties',
  CROSS_ORG_SHARING: 'cross_org_sharing',
} as const;
export type ConsentPurpose = (typeof ConsentPurpose)[keyof typeof ConsentPurpose];
export const CONSENT_PURPOSE_TITLES: Record<ConsentPurpose, string> = {
  processing: 'обработка (сбор, хранение, учёт в базах)',
  pairing: 'подбор наставнических пар',
  questionnaires: 'анкетирование',
  reports: 'отчёты',
  publication: 'публикация на сайте',
  mentor_appointment: 'назначение наставником',
  extra_duties: 'дополнительные обязанности наставничества',
  cross_org_sharing: 'предложение программам других организаций',
};
registerEnumType(ConsentPurpose, {
  name: 'ConsentPurpose',
  description: 'Цель обработки персональных данных',
  valuesMap: Object.fromEntries(Object.entries(ConsentPurpose).map(([key, code]) => [key, { description: requiredValue(CONSENT_PURPOSE_TITLES, code) }])),
});

/** The purposes another lib may check eligibility for. */
export type EligibilityPurpose = 'pairing' | 'questionnaires' | 'reports';
