import { registerEnumType } from '@nestjs/graphql';
import { requiredValue } from '@nastavnik/contracts/lookup';

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
registerEnumType(ParticipantKind, {
  name: 'ParticipantKind',
  description: 'Категория участника',
  valuesMap: {
    STUDENT: { description: 'Обучающийся (ученик) своей организации' },
    TEACHER: { description: 'Педагог организации (в том числе руководитель)' },
    UNI_STUDENT: { description: 'Студент вуза или колледжа' },
    COLLEGE_REP: { description: 'Преподаватель или представитель вуза/СПО' },
    EMPLOYER_REP: { description: 'Представитель работодателя (предприятия, организации)' },
    GRADUATE: { description: 'Выпускник' },
    PARENT: { description: 'Родитель — член родительского или управляющего совета' },
    VETERAN: { description: 'Ветеран педагогического труда' },
    OTHER: { description: 'Другое' },
  },
});

export const Sex = { MALE: 'male', FEMALE: 'female' } as const;
export type Sex = (typeof Sex)[keyof typeof Sex];
registerEnumType(Sex, { name: 'Sex', description: 'Пол', valuesMap: { MALE: { description: 'Мужской' }, FEMALE: { description: 'Женский' } } });

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
registerEnumType(Direction, {
  name: 'Direction',
  description: 'Направление наставничества',
  valuesMap: Object.fromEntries(Object.entries(DIRECTION_TITLES).map(([code, title]) => [code, { description: title }])),
});

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
registerEnumType(InterestArea, {
  name: 'InterestArea',
  description: 'Область интересов',
  valuesMap: {
    INTELLECTUAL: { description: 'Интеллектуальное' },
    SPORT: { description: 'Спортивное' },
    VOLUNTEER: { description: 'Волонтёрское' },
    CREATIVE: { description: 'Творческое' },
    METHODOLOGICAL: { description: 'Методическое' },
  },
});

/** База наставников или база наставляемых. */
export const BaseKind = { MENTOR: 'mentor', MENTEE: 'mentee' } as const;
export type BaseKind = (typeof BaseKind)[keyof typeof BaseKind];
registerEnumType(BaseKind, {
  name: 'BaseKind',
  description: 'База участников',
  valuesMap: { MENTOR: { description: 'База наставников' }, MENTEE: { description: 'База наставляемых' } },
});

/** Состояние участника в базе: от потенциального участника до завершения или выбытия. */
export const BaseStatus = {
  POTENTIAL: 'potential',
  SURVEYED: 'surveyed',
  SELECTED: 'selected',
  TRAINED: 'trained',
  IN_PAIR: 'in_pair',
  FINISHED: 'finished',
  WITHDRAWN: 'withdrawn',
} as const;
export type BaseStatus = (typeof BaseStatus)[keyof typeof BaseStatus];
registerEnumType(BaseStatus, {
  name: 'BaseStatus',
  description: 'Состояние в базе',
  valuesMap: {
    POTENTIAL: { description: 'Потенциальный участник' },
    SURVEYED: { description: 'Анкетирован (собеседование проведено)' },
    SELECTED: { description: 'Отобран' },
    TRAINED: { description: 'Обучен (только наставники)' },
    IN_PAIR: { description: 'В паре или группе' },
    FINISHED: { description: 'Завершил программу' },
    WITHDRAWN: { description: 'Выбыл' },
  },
});

/**
 * Категории наставляемых и наставников по базам: педагоги (молодой специалист 0–3 года, новый
 * сотрудник, эмоциональное выгорание, освоение цифровых навыков) и обучающиеся (дезориентирован,
 * низкие результаты, проблемы поведения, отстранён от коллектива, ООП, ОВЗ, одарённый, ТЖС,
 * «пассивный» / «активный» для формы «студент – ученик»).
 */
export const ParticipantCategory = {
  YOUNG_SPECIALIST: 'young_specialist',
  NEW_EMPLOYEE: 'new_employee',
  BURNOUT: 'burnout',
  DIGITAL_SKILLS: 'digital_skills',
  DISORIENTED: 'disoriented',
  LOW_RESULTS: 'low_results',
  BEHAVIOUR: 'behaviour',
  DETACHED: 'detached',
  SPECIAL_NEEDS: 'special_needs',
  DISABILITY: 'disability',
  GIFTED: 'gifted',
  DIFFICULT_SITUATION: 'difficult_situation',
  PASSIVE: 'passive',
  ACTIVE: 'active',
} as const;
export type ParticipantCategory = (typeof ParticipantCategory)[keyof typeof ParticipantCategory];
registerEnumType(ParticipantCategory, {
  name: 'ParticipantCategory',
  description: 'Категория участника в базе',
  valuesMap: {
    YOUNG_SPECIALIST: { description: 'Молодой специалист (стаж 0–3 года)' },
    NEW_EMPLOYEE: { description: 'Адаптируется на новом месте работы' },
    BURNOUT: { description: 'Эмоциональное выгорание, хроническая усталость' },
    DIGITAL_SKILLS: { description: 'Хочет освоить цифровые навыки, ИКТ' },
    DISORIENTED: { description: 'Социально или ценностно дезориентирован' },
    LOW_RESULTS: { description: 'Неудовлетворительные образовательные результаты' },
    BEHAVIOUR: { description: 'Проблемы с поведением' },
    DETACHED: { description: 'Не участвует в жизни школы, отстранён от коллектива' },
    SPECIAL_NEEDS: { description: 'Особые образовательные потребности' },
    DISABILITY: { description: 'Ребёнок с ОВЗ' },
    GIFTED: { description: 'Одарённый ребёнок' },
    DIFFICULT_SITUATION: { description: 'В трудной жизненной ситуации' },
    PASSIVE: { description: '«Пассивный» (форма «студент – ученик»)' },
    ACTIVE: { description: '«Активный» (форма «студент – ученик»)' },
  },
});

/** Откуда известно о потребностях: сам участник, анкета, третьи лица, документы педагога. */
export const InfoSource = {
  SELF: 'self',
  QUESTIONNAIRE: 'questionnaire',
  CLASS_TEACHER: 'class_teacher',
  PSYCHOLOGIST: 'psychologist',
  SOCIAL_PEDAGOGUE: 'social_pedagogue',
  PARENTS: 'parents',
  PERSONAL_FILE: 'personal_file',
  METHODOLOGICAL_WORK: 'methodological_work',
  ATTESTATION: 'attestation',
  LESSON_VISITS: 'lesson_visits',
} as const;
export type InfoSource = (typeof InfoSource)[keyof typeof InfoSource];
registerEnumType(InfoSource, {
  name: 'InfoSource',
  description: 'Источник сведений о потребностях',
  valuesMap: {
    SELF: { description: 'Сам участник' },
    QUESTIONNAIRE: { description: 'Анкетирование' },
    CLASS_TEACHER: { description: 'Классный руководитель' },
    PSYCHOLOGIST: { description: 'Педагог-психолог' },
    SOCIAL_PEDAGOGUE: { description: 'Социальный педагог' },
    PARENTS: { description: 'Родители (законные представители)' },
    PERSONAL_FILE: { description: 'Личное дело' },
    METHODOLOGICAL_WORK: { description: 'Анализ методической работы' },
    ATTESTATION: { description: 'Рекомендации по аттестации' },
    LESSON_VISITS: { description: 'Анализ посещённых уроков и мероприятий' },
  },
});

/** Форма обучения наставника. */
export const TrainingForm = { IN_PERSON: 'in_person', DISTANCE: 'distance', INDIVIDUAL: 'individual' } as const;
export type TrainingForm = (typeof TrainingForm)[keyof typeof TrainingForm];
registerEnumType(TrainingForm, {
  name: 'TrainingForm',
  description: 'Форма обучения наставника',
  valuesMap: { IN_PERSON: { description: 'Очно' }, DISTANCE: { description: 'Дистанционно' }, INDIVIDUAL: { description: 'Индивидуально' } },
});

/** Кто подписал согласие: сам участник или законный представитель несовершеннолетнего. */
export const ConsentSigner = { SELF: 'self', LEGAL_REPRESENTATIVE: 'legal_representative' } as const;
export type ConsentSigner = (typeof ConsentSigner)[keyof typeof ConsentSigner];
registerEnumType(ConsentSigner, {
  name: 'ConsentSigner',
  description: 'Кто подписал согласие',
  valuesMap: { SELF: { description: 'Сам участник' }, LEGAL_REPRESENTATIVE: { description: 'Законный представитель' } },
});

export const RepresentativeRelation = { MOTHER: 'mother', FATHER: 'father', GUARDIAN: 'guardian', TRUSTEE: 'trustee', OTHER: 'other' } as const;
export type RepresentativeRelation = (typeof RepresentativeRelation)[keyof typeof RepresentativeRelation];
registerEnumType(RepresentativeRelation, {
  name: 'RepresentativeRelation',
  description: 'Кем приходится законный представитель',
  valuesMap: {
    MOTHER: { description: 'Мать' },
    FATHER: { description: 'Отец' },
    GUARDIAN: { description: 'Опекун' },
    TRUSTEE: { description: 'Попечитель' },
    OTHER: { description: 'Иной законный представитель' },
  },
});

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
