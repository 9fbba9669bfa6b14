import type { MeetingService } from '@nastavnik/programmes/meetings/meeting.service';
import type { OrderDocumentService } from '@nastavnik/programmes/orders/order-document.service';
import type { OrderKind } from '@nastavnik/programmes/orders/order-document.entity';
import type { MentoringPairService } from '@nastavnik/programmes/pairs/mentoring-pair.service';
import type { PlanService } from '@nastavnik/programmes/plans/plan.service';
import type { ProgrammeService } from '@nastavnik/programmes/programmes/programme.service';
import type { ReferenceEntry } from '@nastavnik/programmes/reference/reference.entities';
import {
  MeetingTypeEntity, MentoringDirectionEntity, MentoringFormatEntity, MentoringFormEntity, ProgrammeStageEntity, RoleModelEntity,
} from '@nastavnik/programmes/reference/reference.entities';
import type { ReferenceService } from '@nastavnik/programmes/reference/reference.service';
import type { RoadmapItemStatus } from '@nastavnik/programmes/roadmaps/roadmap.entity';
import type { RoadmapService } from '@nastavnik/programmes/roadmaps/roadmap.service';
import type { MatchSuggestionService } from '@nastavnik/programmes/suggestions/match-suggestion.service';

export type ProgrammeServices = {
  refs: ReferenceService;
  orders: OrderDocumentService;
  programmes: ProgrammeService;
  roadmaps: RoadmapService;
  pairs: MentoringPairService;
  suggestions: MatchSuggestionService;
  plans: PlanService;
  meetings: MeetingService;
};

type DemoOrder = { key: string; kind: OrderKind; number: string; issuedOn: string; title: string; issuer?: string };
type DemoProgramme = { title: string; form: string; roleModels: string[]; formats: string[]; directions: string[]; order?: string; pairs: number };
type DemoItem = [number: string, stage: string | null, activity: string, schedule: string, responsible: string, status: RoadmapItemStatus, result?: string];
type DemoRoadmap = { title: string; academicYear?: string; periodText?: string; order?: string; items: DemoItem[] };
type DemoSchool = { orders: DemoOrder[]; programmes: DemoProgramme[]; roadmap?: DemoRoadmap; fixingOrder?: string };

const OTV = 'Ответственный за внедрение целевой модели наставничества';
const NOT_DONE = 'Программа не завершена';

/** The roadmap-execution report of МБОУ «Мишкинская СОШ» for 2022–2023 (seed 004, §8.5 G4); names replaced by [ФИО]. */
const MISH_REPORT: DemoItem[] = [
  ['1', 'PREPARATION', 'Издание приказа о реализации целевой модели наставничества в МБОУ «Мишкинская СОШ» и назначении ответственного за внедрение целевой модели наставничества', 'Январь 2023', 'Директор ОО', 'done', 'Издан приказ ОО от 10.01.2023 г. № 05-ОД «О реализации целевой модели наставничества в МБОУ «Мишкинская СОШ», в котором ответственным за реализацию целевой модели наставничества назначен учитель физики, информатики [ФИО]'],
  ['2', 'PREPARATION', 'Изучение и систематизация имеющихся материалов по проблеме наставничества', 'Январь 2023', 'Администрация МБОУ «Мишкинская СОШ»', 'done', 'Педагогическим коллективом школы изучены нормативно-правовые документы федерального, регионального и муниципального уровней: распоряжение Минпросвещения России № Р-145 от 25.12.2019; письмо Минпросвещения России от 23.01.2020 № МР-42/02'],
  ['3', 'PREPARATION', 'Разработка и утверждение нормативно-правовых документов по внедрению целевой модели наставничества в МБОУ «Мишкинская СОШ»', 'Январь – февраль 2023.', OTV, 'done', 'Разработаны: дорожная карта на 2023 - 2026 г.г.; планируемые результаты (показатели эффективности) на период с 2023 г. по 2026 г.; положение о наставничестве; программа внедрения целевой модели наставничества. Утверждены приказом ОО от 10.01.2023 г. № 05-ОД'],
  ['4', 'PREPARATION', 'Разработка и утверждение плана методической работы по реализации наставничества в МБОУ «Мишкинская СОШ»', 'Март 2023', OTV, 'done', 'План методической работы разработан и утвержден в составе программы внедрения целевой модели наставничества приказом ОО от 10.01.2023 г. № 05-ОД'],
  ['5', 'PREPARATION', 'Разработка программы внедрения целевой модели наставничества в МБОУ «Мишкинская СОШ»', 'Март 2023', OTV, 'done', 'Программа разработана и утверждена приказом ОО от 10.01.2023 г. № 05-ОД'],
  ['6', 'PREPARATION', 'Информирование родителей, педагогов, обучающихся о возможностях и целях целевой модели наставничества в том числе через родительские собрания', 'Март 2023', `${OTV}, классные руководители`, 'done', 'Информирование проходило через педсовет, классные часы и родительские собрания в 6-11 классах'],
  ['7', 'MENTEE_BASE', 'Проведение мониторинга по выявлению предварительных запросов от потенциальных наставляемых и о заинтересованных в наставничестве', 'Апрель 2023., далее - ежегодно сентябрь-октябрь', 'Заместители директора, педагог-психолог, классные руководители', 'done', 'Количество потенциальных наставляемых обучающихся, прошедших анкетирование – 55 / 33 % от общего количества в ОО. Количество потенциальных наставляемых педагогов, прошедших анкетирование – 4 /13% от общего количества в ОО.'],
  ['8', 'MENTEE_BASE', 'Сбор дополнительной информации о запросах наставляемых обучающихся от третьих лиц: классный руководитель, психолог, соцработник, родители. Сбор согласий на сбор и обработку персональных данных от участников программы', 'Март 2023 г., далее - ежегодно сентябрь', OTV, 'done', 'Направления: интеллектуальное, спортивное, волонтерское, творческое, методическое. Согласия на сбор и обработку персональных данных от участников программы собраны'],
  ['9', 'MENTEE_BASE', 'Формирование базы наставляемых', 'Апрель 2023 г., далее - ежегодно сентябрь', `${OTV}, классные руководители`, 'done', 'Сформированы базы наставляемых из числа обучающихся и из числа педагогов; собраны согласия совершеннолетних участников и родителей (законных представителей) несовершеннолетних наставляемых'],
  ['10', 'MENTEE_BASE', 'Выбор форм наставничества, реализуемых в рамках текущей программы наставничества', 'Апрель 2023 г., далее - ежегодно октябрь', `${OTV}, заместители директора`, 'done', 'Перечень выбранных форм наставничества: учитель-учитель, учитель-ученик, ученик-ученик'],
  ['11', 'MENTEE_BASE', 'Оценка участников-наставляемых по заданным параметрам, необходимым для будущего сравнения и мониторинга влияния программ на всех участников', 'Май 2023 г., далее - ежегодно октябрь', `${OTV}, педагог-психолог`, 'done', 'В мае 2023 года проведена оценка участников-наставляемых по заданным параметрам; результаты размещены на сайте школы'],
  ['12', 'MENTOR_BASE', 'Проведение анкетирования среди потенциальных наставников, желающих принять участие в программе наставничества. Сбор согласий на сбор и обработку персональных данных', 'Апрель 2023 далее - по мере необходимости', 'Заместители директора, педагог-психолог, классные руководители', 'done', 'Количество потенциальных наставников, принявших участие в анкетировании всего – 15/8% от общего количества в ОО. Из них: обучающиеся - 3; педагоги ОО – 12; представители внешних СПО - 0; представители предприятий и организаций - 0'],
  ['13', 'MENTOR_BASE', 'Анализ анкет потенциальных наставников и сопоставление данных с анкетами наставляемых. Формирование базы наставников', 'до 15 апреля 2023 года., далее – по мере необходимости', `${OTV}, педагог-психолог`, 'done', 'Формирование базы наставников проведено, исходя из анализа анкет, заполненных наставниками.'],
  ['14', 'MENTOR_SELECTION_TRAINING', 'Оценка участников-наставников по заданным параметрам, необходимым для будущего сравнения и мониторинга влияния программ на всех участников', 'до 25 мая 2023 г., далее – по мере необходимости', `${OTV}, педагог-психолог`, 'done', 'В мае 2023 проведена оценка участников по заданным параметрам'],
  ['15', 'MENTOR_SELECTION_TRAINING', 'Проведение собеседования с наставниками', 'Май 2023 г., далее – по мере необходимости', OTV, 'done', 'Проведены собеседования с отобранными наставниками с целью выяснения их психологической готовности для работы в программе. Сформирован совет наставников.'],
  ['16', 'MENTOR_SELECTION_TRAINING', 'Обучение наставников', 'Июнь 2023', OTV, 'done', 'Количество наставников, прошедших обучение на базе ОО – 15/8 % от общего количества в ОО.'],
  ['17', 'MATCHING', 'Организация групповой встречи наставников и наставляемых', 'Сентябрь 2023 г., далее – по мере необходимости', OTV, 'done', 'Групповые встречи проходили по выбранным моделям наставничества «учитель-ученик», «учитель-учитель», «ученик-ученик».'],
  ['18', 'MATCHING', 'Проведение анкетирования на предмет предпочитаемого наставника/наставляемого после завершения групповой встречи', 'Январь 2023 далее – по мере необходимости', `${OTV}, педагог-психолог`, 'done', 'Педагогом-психологом школы проведено анкетирование потенциальных наставников и наставляемых для определения наставнических пар'],
  ['19', 'MATCHING', 'Анализ анкет групповой встречи и соединение наставников и наставляемых в пары', 'Сентябрь 2023 далее – по мере необходимости', `${OTV}, педагог-психолог`, 'done', 'В ходе устного собеседования наставников и наставляемых окончательно соединены наставники и наставляемые'],
  ['20', 'MATCHING', 'Информирование участников о сложившихся парах/группах. Закрепление пар/групп распоряжением руководителя образовательной организации', 'до 10 октября 2023 далее – по мере необходимости', OTV, 'done', 'Наставнические пары (группы) закреплены и утверждены приказами директора. Издан приказ ОО «О формировании наставнических пар/групп»'],
  ['21', 'PAIR_WORK', 'Проведение первой (организационной) встречи наставника и наставляемого', 'Октябрь 2023 далее – по мере необходимости', OTV, 'done', 'Проведена встреча (организационная) по направлениям: D01 – 4, D04 – 16, D06 – 5, D07 – 24, D10 – 4, остальные – 0'],
  ['22', 'PAIR_WORK', 'Проведение второй (пробной рабочей) встречи наставника и наставляемого', 'Планируется в ноябре 2023 далее – по мере необходимости', OTV, 'in_progress', 'По направлениям: D01 – 4, D04 – 16, D06 – 5, D07 – 24, D10 – 4'],
  ['23', 'PAIR_WORK', 'Проведение встречи-планирования рабочего процесса в рамках программы наставничества с наставником и наставляемым', 'Планируется в ноябре 2023 г., Далее по мере необходимости', OTV, 'planned'],
  ['24', 'PAIR_WORK', 'Регулярные встречи наставника и наставляемого', 'С декабря 2023 г. на регулярной основе до завершения наставничества', OTV, 'in_progress', 'Встречи наставников и наставляемых проходят регулярно (по рабочему графику каждой наставнической пары (группы)).'],
  ['25', 'PAIR_WORK', 'Сроки сбора обратной связи от участников программы наставничества', 'регулярно, не реже 1 раза в месяц', OTV, 'in_progress', 'Изучение удовлетворенности участников проходит систематически в формах устного собеседования и анкетирования.'],
  ['26', 'COMPLETION', 'Проведение заключительной встречи наставника и наставляемого', 'в зависимости от продолжительности программы наставничества', `${OTV}, классные руководители`, 'not_done', NOT_DONE],
  ['27', 'COMPLETION', 'Проведение групповой заключительной встречи всех пар и групп наставников и наставляемых', 'в зависимости от продолжительности программы наставничества', `${OTV}, классные руководители`, 'not_done', NOT_DONE],
  ['28', 'COMPLETION', 'Анкетирование участников. Проведение мониторинга личной удовлетворенности участием в программе наставничества', 'по завершении заключительной групповой встречи', OTV, 'not_done', NOT_DONE],
  ['29', 'COMPLETION', 'Проведение торжественного мероприятия для подведения итогов программы наставничества и награждения лучших наставников', '– по мере завершения программ', `${OTV}, педагоги-организаторы`, 'not_done', NOT_DONE],
  ['30', 'COMPLETION', 'Проведение мониторинга качества реализации программы наставничества', 'с 2024 г. ежегодно', OTV, 'in_progress', 'Проведен сбор форм обратной связи от наставников и наставляемых, их анализ; результаты размещены в разделе «Наставничество» сайта'],
  ['31', 'COMPLETION', 'Оформление итогов и процессов совместной работы в рамках программы наставничества в кейсы', 'с 2024 г. ежегодно', OTV, 'in_progress', 'Мониторинг личной удовлетворенности; внутренний мониторинг качества; мониторинг влияния (рефлексия пар и групп)'],
  ['32', 'COMPLETION', 'Публикация результатов программы наставничества, лучших наставников, кейсов на сайтах образовательной организации и организаций-партнеров', 'с 2024 г. ежегодно', OTV, 'in_progress', 'Проводится оформление итогов в кейсы. Размещены промежуточные результаты работы наставнических пар на сайте школы'],
  ['33', 'COMPLETION', 'Внесение данных об итогах реализации программы наставничества в базу наставников и базу наставляемых', 'с 2023 г. ежегодно', OTV, 'in_progress', 'Данные вносятся'],
  ['34', 'REPORTING', 'Предоставление информации по исполнению мероприятий дорожной карты в Региональный наставнический центр', 'Согласно графику', OTV, 'done', 'Информация предоставляется согласно установленному сроку.'],
  ['35', 'REPORTING', 'Внесение информации о количестве участников программ наставничества в соответствии с формами федерального статистического наблюдения', 'ежегодно по графику', OTV, 'planned', 'Информация будет предоставляться согласно установленному сроку'],
  ['36', 'INCENTIVES', 'Популяризация роли наставника (публикация в СМИ, проведение встреч, бесед, создание видеороликов и т.д.)', 'регулярно', OTV, 'planned', 'Запланировано: школьный конкурс «Наставник года», «Лучшая пара «Наставник+»»; публикация опыта лучших педагогов-наставников на школьном сайте'],
  ['пос. 38', 'INCENTIVES', 'Применение мер нематериального поощрения наставников наставничества', 'постоянно в ходе', OTV, 'planned', 'Запланировано: выдвижение лучших наставников на конкурсы; рубрика «Наши наставники»; методическая копилка; благодарственные письма родителям наставников из числа обучающихся'],
];

/** The roadmap of Средняя школа № 51 (seed 000 §9, months only), abridged. */
const SCH51_ROADMAP: DemoItem[] = [
  ['1', 'PREPARATION', 'Информирование педагогического сообщества ОО о реализации Программы', 'Январь', 'Директор; Заместитель директора по УВР; Заместитель директора по ВР', 'done'],
  ['2', 'PREPARATION', 'Информирование родительского сообщества о планируемой реализации Программы', 'Январь', 'Директор; Заместитель директора по УВР; Заместитель директора по ВР', 'done'],
  ['5', 'MENTEE_BASE', 'Анкетирование среди обучающихся/педагогов, желающих принять участие. Сбор согласий на сбор и обработку ПД от совершеннолетних участников', 'Январь', 'Куратор программы; Руководители ШМО; Классные руководители', 'done'],
  ['7', 'MENTEE_BASE', 'Анализ полученных данных. Формирование базы наставляемых', 'Январь', 'Куратор программы', 'done'],
  ['12', 'MENTOR_BASE', 'Формирование базы наставников', 'Февраль', 'Куратор программы', 'done'],
  ['16', 'MENTOR_SELECTION_TRAINING', 'Обучение наставников', 'Февраль', 'Куратор программы', 'done'],
  ['19', 'MATCHING', 'Анализ анкет групповой встречи и соединение наставников и наставляемых в пары', 'Февраль', 'Куратор программы', 'done'],
  ['20', 'MATCHING', 'Информирование участников о сложившихся парах/группах. Закрепление пар/групп распоряжением руководителя ОО', 'Февраль', 'Заместитель директора по УВР; Куратор программы', 'done'],
  ['21', 'PAIR_WORK', 'Первая, организационная, встреча наставника и наставляемого', 'Февраль', 'Куратор программы; Наставники', 'in_progress'],
  ['24', 'PAIR_WORK', 'Регулярные встречи наставника и наставляемого', 'Март–май', 'Наставники', 'planned'],
  ['28', 'COMPLETION', 'Анкетирование участников. Мониторинг личной удовлетворенности участием', 'Май', 'Куратор программы', 'planned'],
  ['30', 'COMPLETION', 'Торжественное мероприятие для подведения итогов и награждения лучших наставников', 'Июнь', 'Директор; Заместитель директора по УВР; Заместитель директора по ВР', 'planned'],
  ['35', 'COMPLETION', 'Внесение данных об итогах реализации Программы в базу наставников и базу наставляемых', 'Июнь', 'Куратор программы', 'planned'],
];

const TT_ALL = ['EXPERIENCED_YOUNG', 'CLASS_TEACHER_YOUNG', 'LEADER_STRUGGLING', 'INNOVATOR_CONSERVATIVE', 'SUBJECT_EXPERT_NOVICE'];

/** What each demo school runs (seeds 000–004, §10.1 F1, F7). Orders without a date in the seeds carry a synthetic one (marked). */
export const DEMO_PROGRAMMES: Record<string, DemoSchool> = {
  mish: {
    orders: [
      { key: 'launch', kind: 'order', number: '05-ОД', issuedOn: '2023-01-10', title: 'О реализации целевой модели наставничества в МБОУ «Мишкинская СОШ»', issuer: 'Директор' },
      // Synthetic number and date: the seed names the order but gives neither (F7).
      { key: 'pairs', kind: 'order', number: '118-ОД', issuedOn: '2023-10-09', title: 'О формировании наставнических пар/групп', issuer: 'Директор' },
    ],
    fixingOrder: 'pairs',
    programmes: [
      { title: 'Ученик – ученик', form: 'STUDENT_STUDENT', roleModels: ['ACHIEVER_UNDERACHIEVER', 'LEADER_PASSIVE', 'PEER_TO_PEER'], formats: ['TRADITIONAL', 'GROUP'], directions: ['D01', 'D04', 'D06', 'D07'], order: 'launch', pairs: 8 },
      { title: 'Учитель – ученик', form: 'TEACHER_STUDENT', roleModels: [], formats: ['TRADITIONAL', 'GROUP'], directions: ['D01', 'D04', 'D05', 'D07'], order: 'launch', pairs: 8 },
      { title: 'Учитель – учитель', form: 'TEACHER_TEACHER', roleModels: ['EXPERIENCED_YOUNG', 'SUBJECT_EXPERT_NOVICE'], formats: ['TRADITIONAL'], directions: ['D10', 'D11'], order: 'launch', pairs: 4 },
    ],
    roadmap: { title: 'Дорожная карта по реализации целевой модели наставничества в МБОУ «Мишкинская СОШ»', academicYear: '2022/2023', periodText: '2023–2026', order: 'launch', items: MISH_REPORT },
  },
  sch51: {
    orders: [{ key: 'programme', kind: 'order', number: '329', issuedOn: '2021-08-31', title: 'Об утверждении программы наставничества', issuer: 'Директор' }],
    programmes: [{ title: 'Программа наставничества «Учитель – учитель»', form: 'TEACHER_TEACHER', roleModels: TT_ALL, formats: ['TRADITIONAL', 'REVERSE'], directions: ['D10', 'D11'], order: 'programme', pairs: 3 }],
    roadmap: { title: 'Дорожная карта внедрения Программы наставничества', items: SCH51_ROADMAP },
  },
  uyut: {
    orders: [
      { key: 'council', kind: 'protocol', number: '06', issuedOn: '2022-10-31', title: 'Согласование положения о системе наставничества педагогических работников', issuer: 'Педагогический совет' },
      { key: 'regulation', kind: 'order', number: '392', issuedOn: '2022-11-15', title: 'Об утверждении положения о системе наставничества педагогических работников в образовательной организации', issuer: 'Директор' },
    ],
    programmes: [{ title: 'Наставничество «педагог – педагог»', form: 'TEACHER_TEACHER', roleModels: ['EXPERIENCED_YOUNG', 'INNOVATOR_CONSERVATIVE'], formats: ['TRADITIONAL', 'VIRTUAL', 'SHORT_TERM'], directions: ['D10', 'D11'], order: 'regulation', pairs: 3 }],
  },
  g40: {
    orders: [],
    programmes: [
      { title: 'Ученик – ученик', form: 'STUDENT_STUDENT', roleModels: ['ACHIEVER_UNDERACHIEVER', 'LEADER_PASSIVE', 'PEER_TO_PEER', 'ADAPTED_NONADAPTED'], formats: ['TRADITIONAL', 'GROUP'], directions: ['D03', 'D04', 'D07'], pairs: 5 },
      { title: 'Учитель – учитель', form: 'TEACHER_TEACHER', roleModels: ['EXPERIENCED_YOUNG', 'CLASS_TEACHER_YOUNG', 'LEADER_STRUGGLING', 'SUBJECT_EXPERT_NOVICE'], formats: ['TRADITIONAL'], directions: ['D10', 'D11'], pairs: 2 },
      { title: 'Студент – ученик', form: 'UNISTUDENT_STUDENT', roleModels: ['UNISTUDENT_UNDERACHIEVER', 'UNISTUDENT_LEADER_INDIFFERENT', 'UNISTUDENT_PEER', 'UNISTUDENT_PROJECT_AUTHOR'], formats: ['SPEED', 'TRADITIONAL'], directions: ['D05', 'D08', 'D09'], pairs: 2 },
    ],
  },
  sosh31: {
    orders: [],
    programmes: [
      { title: 'Клуб наставничества «Точка развития»', form: 'STUDENT_STUDENT', roleModels: ['EXCELLENT_FAILING', 'LEADER_SHY', 'PEER_TO_PEER', 'MUTUAL_PROJECT', 'ROLES_CHANGE'], formats: ['GROUP', 'TRADITIONAL'], directions: ['D01', 'D04', 'D06', 'D07'], pairs: 6 },
    ],
  },
};

export function academicYearOf(today: Date): { year: string; start: string; end: string } {
  const y = today.getMonth() >= 8 ? today.getFullYear() : today.getFullYear() - 1;
  return { year: `${y}/${y + 1}`, start: `${y}-09-01`, end: `${y + 1}-05-31` };
}

function iso(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/**
 * Loads the demo programmes of one school (seeds 000–004): orders, programmes of the current
 * academic year with pairs formed from the matching suggestions over the school's demo
 * participants (accepted, fixed by the order, with a first meeting and, for a few, a
 * personalised programme with its plan), and a roadmap (Мишкинская СОШ: the 2022–2023 execution
 * report of seed 004). Call inside the school curator's scope (`context.runInScope(curator, …)`)
 * after the demo participants: the matching pool is the scope's eligible participants.
 * Idempotent: a school that already has the first programme is left as it is.
 */
export async function loadDemoProgrammes(services: ProgrammeServices, tenantCode: string, today: Date = new Date()): Promise<{ programmes: number; pairs: number; roadmapItems: number }> {
  const school = DEMO_PROGRAMMES[tenantCode];
  const out = { programmes: 0, pairs: 0, roadmapItems: 0 };
  if (!school) return out;
  const period = academicYearOf(today);
  const first = school.programmes[0];
  if (first && (await services.programmes.count({ academicYear: period.year, q: first.title })) > 0) return out;

  const all = { page: 0, perPage: 500, sortOrder: 'ASC' };
  const byCode = async <T extends ReferenceEntry>(entity: new () => T, codes: string[]): Promise<string[]> => {
    if (codes.length === 0) return [];
    const rows = await services.refs.list(entity, all, { codes });
    return codes.map((code) => rows.find((r) => r.code === code)?.id).filter((id): id is string => !!id);
  };
  const orders = new Map<string, string>();
  for (const order of school.orders) {
    const existing = (await services.orders.list(all, { q: order.number })).find((o) => o.number === order.number && o.issuedOn === order.issuedOn);
    orders.set(order.key, existing?.id ?? (await services.orders.create({ kind: order.kind, number: order.number, issuedOn: order.issuedOn, title: order.title, issuer: order.issuer ?? null })).id);
  }
  const [organisational] = await byCode(MeetingTypeEntity, ['ORGANISATIONAL']);
  const pairStart = iso(new Date(Math.min(today.getTime(), new Date(`${period.start.slice(0, 4)}-10-01`).getTime())));
  const meetingDay = iso(new Date(Math.min(today.getTime(), new Date(pairStart).getTime() + 3 * 86_400_000)));

  for (const spec of school.programmes) {
    const [formId] = await byCode(MentoringFormEntity, [spec.form]);
    const programme = await services.programmes.create({
      title: spec.title,
      academicYear: period.year,
      formId,
      roleModelIds: await byCode(RoleModelEntity, spec.roleModels),
      formatIds: await byCode(MentoringFormatEntity, spec.formats),
      directionIds: await byCode(MentoringDirectionEntity, spec.directions),
      startDate: period.start,
      endDate: period.end,
      approvalOrderId: spec.order ? orders.get(spec.order) : null,
    });
    await services.programmes.changeStatus(programme.id, 'active');
    out.programmes += 1;
    const run = await services.suggestions.suggest(programme.id);
    for (const suggestion of run.suggestions.slice(0, spec.pairs)) {
      const accepted = await services.suggestions.accept(suggestion.id, {
        roleModelId: programme.roleModelIds[0] ?? null,
      });
      if (!accepted.pairId) continue;
      const draft = await services.pairs.get(accepted.pairId);
      if (!draft.directionId && programme.directionIds.length > 0) await services.pairs.update(draft.id, { directionId: programme.directionIds[0] });
      if (school.fixingOrder) await services.pairs.update(draft.id, { fixingOrderId: orders.get(school.fixingOrder) });
      const pair = await services.pairs.changeStatus(draft.id, { status: 'active', date: pairStart });
      await services.meetings.create({ pairId: pair.id, meetingTypeId: organisational, heldOn: meetingDay, durationMinutes: 40, topic: 'Знакомство, ожидания от работы в паре' });
      if (out.pairs % 4 === 0) {
        const plan = await services.plans.create({ pairId: pair.id, title: 'Персонализированная программа наставничества', startDate: period.start, endDate: period.end, goal: 'Устранение выявленных затруднений наставляемого' });
        await services.plans.createTask({ personalisedProgrammeId: plan.id, title: 'Встреча-планирование: цели и график встреч', deadline: meetingDay, status: 'done', result: 'Составлен график встреч' });
        await services.plans.createTask({ personalisedProgrammeId: plan.id, title: 'Промежуточная рефлексия по итогам полугодия', deadline: `${period.end.slice(0, 4)}-01-31` });
      }
      out.pairs += 1;
    }
  }

  if (school.roadmap) {
    const roadmap = await services.roadmaps.create({
      title: school.roadmap.title,
      academicYear: school.roadmap.academicYear ?? period.year,
      periodText: school.roadmap.periodText ?? null,
      approvalOrderId: school.roadmap.order ? orders.get(school.roadmap.order) : null,
    });
    const stages = await services.refs.list(ProgrammeStageEntity, all, {});
    for (const [number, stage, activity, scheduleText, responsible, status, executionResult] of school.roadmap.items) {
      await services.roadmaps.createItem({
        roadmapId: roadmap.id, number, activity, scheduleText, responsible, status, executionResult: executionResult ?? null, stageId: stages.find((s) => s.code === stage)?.id ?? null,
      });
      out.roadmapItems += 1;
    }
  }
  return out;
}
