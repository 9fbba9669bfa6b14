import type { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * The platform's default questionnaires (анкеты по умолчанию): no organisation, read by every
 * school, edited by the platform admin, copied and adapted by a school's curator. The seeds name
 * the instruments (SEEDS-DOMAIN §6.4) but contain no questions, so the texts below are ours
 * (synthetic, written for this platform): stage-1 quality of the programme (Q10, Q12), stage-2
 * growth before and after (Q4/Q6 → Q13, identical parameters so that PRE and POST compare), and
 * personal satisfaction (Q11) with THE satisfaction question marked (rating ≥ 7 of 10), which the
 * indicators T3 (mentees) and T4 (mentors) count. Kept literal so the migration never changes.
 */

/** A rating scale: lowest and highest mark, and their captions. */
type Scale = [number, number, string, string];

type SeedQuestion = {
  kind: 'rating' | 'single_choice' | 'multiple_choice' | 'open';
  text: string;
  hint?: string;
  required?: boolean;
  scale?: Scale;
  options?: string[];
  /** THE satisfaction question: satisfied when the rating is at least this. */
  satisfiedMin?: number;
};

type SeedTemplate = {
  code: string;
  title: string;
  description: string;
  instrument: string;
  role: 'mentor' | 'mentee' | 'curator';
  phase: 'pre' | 'post' | 'none';
  forms: string[];
  questions: SeedQuestion[];
};

const AGREE: Scale = [1, 5, 'Совсем не согласен(на)', 'Полностью согласен(на)'];
const TEN: Scale = [1, 10, 'Совсем не удовлетворён(а)', 'Полностью удовлетворён(а)'];
const USEFUL: Scale = [1, 5, 'Совсем нет', 'Да, полностью'];

const rating = (scale: Scale) => (text: string, hint?: string): SeedQuestion => ({ kind: 'rating', scale, text, hint });
const agree = rating(AGREE);
const useful = rating(USEFUL);
const ten = rating(TEN);
/** THE satisfaction question of a Q11 questionnaire: satisfied from 7 of 10. */
const satisfaction = (text: string): SeedQuestion => ({ kind: 'rating', scale: TEN, satisfiedMin: 7, text });
const single = (text: string, options: string[]): SeedQuestion => ({ kind: 'single_choice', text, options });
const multiple = (text: string, options: string[]): SeedQuestion => ({ kind: 'multiple_choice', text, options });
/** An open question is never required. */
const open = (text: string): SeedQuestion => ({ kind: 'open', required: false, text });

const STUDENT_FORMS = ['STUDENT_STUDENT', 'TEACHER_STUDENT', 'UNISTUDENT_STUDENT', 'EMPLOYER_STUDENT'];
const TEACHER_FORMS = ['TEACHER_TEACHER', 'HEAD_TEACHER', 'UNITEACHER_YOUNGTEACHER', 'STUDENT_TEACHER'];

const STUDENT_PARAMETERS: SeedQuestion[] = [
  agree('Мне интересно учиться, я охотно берусь за новые задания.', 'Мотивация к учёбе'),
  agree('Я уверен(а) в своих силах и знаю свои сильные стороны.', 'Самооценка'),
  agree('Я умею планировать своё время и доводить начатое до конца.', 'Метапредметные навыки'),
  agree('Я спокойно чувствую себя на уроках, когда отвечаю у доски и пишу контрольные работы.', 'Уровень тревожности'),
  agree('Мне легко общаться с одноклассниками и работать в команде.', 'Коммуникация'),
  agree('Я участвую в кружках, секциях, конкурсах, проектах или школьных мероприятиях.', 'Вовлечённость'),
  single('Как вы оцениваете свою успеваемость сейчас?', ['Учусь в основном на «отлично»', 'Учусь на «хорошо» и «отлично»', 'Есть оценки «удовлетворительно»', 'Есть неудовлетворительные оценки или задолженности']),
];

const TEACHER_PARAMETERS: SeedQuestion[] = [
  agree('Я уверенно планирую уроки и подбираю методы под цели урока.', 'Методическая подготовка'),
  agree('Мне удаётся поддерживать дисциплину и рабочую атмосферу на уроке.', 'Управление классом'),
  agree('Я умею выстраивать конструктивное общение с родителями обучающихся.', 'Взаимодействие с родителями'),
  agree('Я свободно использую цифровые инструменты и электронные образовательные ресурсы.', 'Цифровые навыки'),
  agree('Я ориентируюсь в школьной документации: рабочих программах, электронном журнале, отчётах.', 'Документация'),
  agree('Я удовлетворён(а) своей работой и не чувствую хронической усталости.', 'Психоэмоциональное состояние'),
  agree('Я чувствую себя частью педагогического коллектива школы.', 'Включённость в коллектив'),
];

const MENTOR_PARAMETERS: SeedQuestion[] = [
  agree('Я понимаю цели и задачи программы наставничества и свою роль в ней.'),
  agree('Я умею выявлять трудности и запросы наставляемого.'),
  agree('Я умею вместе с наставляемым ставить достижимые цели и составлять план их достижения.'),
  agree('Я даю обратную связь так, чтобы она поддерживала наставляемого, а не задевала его.'),
  agree('У меня достаточно времени для регулярных встреч с наставляемым.'),
  agree('Я знаю, к кому обратиться за помощью, если в паре (группе) возникнут трудности.'),
];

const MEETING_FREQUENCY = single('Как часто проходят ваши встречи в паре (группе)?', ['Раз в неделю и чаще', '2–3 раза в месяц', 'Раз в месяц', 'Реже раза в месяц']);

const TEMPLATES: SeedTemplate[] = [
  {
    code: 'mentee-student-growth-pre', instrument: 'Q4', role: 'mentee', phase: 'pre', forms: STUDENT_FORMS,
    title: 'Входная анкета наставляемого (обучающийся)',
    description: 'Заполняется до начала работы в наставнической паре или группе. Итоговая анкета в конце программы повторяет те же утверждения, чтобы увидеть изменения.',
    questions: [
      ...STUDENT_PARAMETERS,
      multiple('В чём вы хотели бы получить помощь наставника?', [
        'Учёба по отдельным предметам', 'Подготовка к олимпиадам и конкурсам', 'Проектная или исследовательская работа', 'Выбор профессии',
        'Общение и отношения в коллективе', 'Спорт и здоровый образ жизни', 'Творчество', 'Адаптация в новом классе или школе',
      ]),
      open('Что вы ждёте от работы с наставником?'),
    ],
  },
  {
    code: 'mentee-student-growth-post', instrument: 'Q13', role: 'mentee', phase: 'post', forms: STUDENT_FORMS,
    title: 'Итоговая анкета наставляемого (обучающийся)',
    description: 'Заполняется по завершении программы. Утверждения совпадают с входной анкетой: ответы сравниваются «до» и «после».',
    questions: [
      ...STUDENT_PARAMETERS,
      agree('Я применяю то, чему научился(ась) у наставника, в учёбе и в жизни.'),
      open('Что изменилось для вас за время работы с наставником?'),
    ],
  },
  {
    code: 'mentee-teacher-growth-pre', instrument: 'Q4', role: 'mentee', phase: 'pre', forms: TEACHER_FORMS,
    title: 'Входная анкета наставляемого педагога',
    description: 'Для молодых специалистов и педагогов, которым нужна поддержка. Заполняется до начала работы с наставником; итоговая анкета повторяет те же утверждения.',
    questions: [
      ...TEACHER_PARAMETERS,
      multiple('Какие затруднения вы испытываете сейчас?', [
        'Организация учебного процесса', 'Дисциплина и мотивация обучающихся', 'Взаимодействие с родителями', 'Взаимодействие с коллегами и администрацией',
        'Ведение документации', 'Применение цифровых технологий', 'Подготовка обучающихся к экзаменам и олимпиадам', 'Усталость, эмоциональное выгорание',
      ]),
      open('Какая помощь наставника для вас сейчас самая важная?'),
    ],
  },
  {
    code: 'mentee-teacher-growth-post', instrument: 'Q13', role: 'mentee', phase: 'post', forms: TEACHER_FORMS,
    title: 'Итоговая анкета наставляемого педагога',
    description: 'Заполняется по завершении программы. Утверждения совпадают с входной анкетой: ответы сравниваются «до» и «после».',
    questions: [
      ...TEACHER_PARAMETERS,
      agree('Я хотел(а) бы продолжить работу в нашей школе.'),
      open('Какие свои профессиональные результаты за время программы вы считаете главными?'),
    ],
  },
  {
    code: 'mentor-growth-pre', instrument: 'Q6', role: 'mentor', phase: 'pre', forms: [],
    title: 'Входная анкета наставника',
    description: 'Заполняется наставником до начала работы с наставляемым; помогает спланировать обучение наставников. Итоговая анкета повторяет те же утверждения.',
    questions: [
      ...MENTOR_PARAMETERS,
      multiple('Какое обучение было бы вам полезно как наставнику?', [
        'Основы наставнической деятельности', 'Возрастная психология', 'Техники обратной связи и мотивации', 'Целеполагание и планирование',
        'Проектная деятельность', 'Цифровые инструменты для дистанционной работы', 'Разрешение конфликтов',
      ]),
      open('Почему вы решили стать наставником?'),
    ],
  },
  {
    code: 'mentor-growth-post', instrument: 'Q13', role: 'mentor', phase: 'post', forms: [],
    title: 'Итоговая анкета наставника',
    description: 'Заполняется наставником по завершении программы. Утверждения совпадают с входной анкетой: ответы сравниваются «до» и «после».',
    questions: [
      ...MENTOR_PARAMETERS,
      agree('Работа наставником помогла мне вырасти профессионально и лично.'),
      open('Какие приёмы работы с наставляемым оказались самыми действенными?'),
    ],
  },
  {
    code: 'mentee-quality', instrument: 'Q10', role: 'mentee', phase: 'none', forms: [],
    title: 'Обратная связь наставляемого о работе в паре (группе)',
    description: 'Регулярный сбор обратной связи (не реже раза в месяц): как идёт работа пары или группы и совпадают ли ожидания с действительностью.',
    questions: [
      MEETING_FREQUENCY,
      useful('Встречи с наставником полезны для меня.'),
      useful('Наставник понимает мою ситуацию и помогает именно в том, что мне нужно.'),
      useful('Наставник доступен, когда мне нужны помощь или совет.'),
      useful('Мне комфортно общаться с наставником, я могу говорить открыто.'),
      single('Совпадает ли то, что происходит в программе, с вашими ожиданиями?', ['Полностью совпадает', 'Скорее совпадает', 'Скорее не совпадает', 'Совсем не совпадает']),
      open('Что стоит изменить в работе вашей пары (группы)?'),
    ],
  },
  {
    code: 'mentor-quality', instrument: 'Q10', role: 'mentor', phase: 'none', forms: [],
    title: 'Обратная связь наставника о реализации программы',
    description: 'Регулярный сбор обратной связи от наставников: как идёт работа и какая поддержка нужна от куратора.',
    questions: [
      MEETING_FREQUENCY,
      agree('Наставляемый приходит на встречи подготовленным и выполняет договорённости.'),
      agree('Я вижу положительные изменения у наставляемого.'),
      agree('Куратор программы оказывает мне необходимую поддержку.'),
      agree('Мне хватает методических материалов для работы с наставляемым.'),
      multiple('Что мешает работе пары (группы)?', ['Нехватка времени', 'Несовпадение расписаний', 'Низкая мотивация наставляемого', 'Недостаток методической поддержки', 'Сложности в общении', 'Ничего не мешает']),
      open('Ваши предложения по улучшению программы'),
    ],
  },
  {
    code: 'curator-quality', instrument: 'Q12', role: 'curator', phase: 'none', forms: [],
    title: 'Анкета куратора: качество реализации программы наставничества',
    description: 'Заполняется куратором в конце учебного года для анализа программы: сильные и слабые стороны, качество работы пар и групп. Помогает заполнить показатели эффективности (E1–E9).',
    questions: [
      agree('Наставническая деятельность соответствует целям и задачам программы.'),
      agree('Организация наставничества соответствует принципам, заложенным в программе.'),
      agree('В работе пар и групп используются современные подходы и технологии.'),
      agree('В организации сложился комфортный психологический климат.'),
      single('Какая доля пар (групп) работает по своему плану?', ['Все или почти все', 'Больше половины', 'Около половины', 'Меньше половины']),
      agree('Наставляемые активно участвуют в мероприятиях, связанных с наставничеством.'),
      multiple('Какие трудности возникли при реализации программы?', [
        'Не хватает наставников', 'Низкая мотивация участников', 'Нехватка времени у педагогов', 'Недостаточная методическая база',
        'Трудности с формированием пар', 'Сложности с документацией', 'Взаимодействие с партнёрами', 'Существенных трудностей не было',
      ]),
      open('Сильные стороны программы в этом учебном году'),
      open('Что необходимо изменить в следующем учебном году'),
    ],
  },
  {
    code: 'mentee-satisfaction', instrument: 'Q11', role: 'mentee', phase: 'none', forms: [],
    title: 'Удовлетворённость наставляемого участием в программе наставничества',
    description: 'Заполняется по завершении программы (после итоговой встречи). Первый вопрос — общая удовлетворённость: оценка 7 и выше считается «удовлетворён» в показателе «Уровень удовлетворённости наставляемых».',
    questions: [
      satisfaction('Насколько в целом вы удовлетворены участием в программе наставничества?'),
      ten('Насколько вы удовлетворены работой со своим наставником?'),
      ten('Насколько полезными для вас оказались встречи и задания?'),
      ten('Насколько удобно были организованы встречи (время, место, формат)?'),
      single('Хотели бы вы продолжить участие в программе в следующем учебном году?', ['Да, с тем же наставником', 'Да, с другим наставником', 'Хочу сам(а) стать наставником', 'Нет', 'Пока не знаю']),
      open('Что вам больше всего понравилось?'),
      open('Что стоит улучшить?'),
    ],
  },
  {
    code: 'mentor-satisfaction', instrument: 'Q11', role: 'mentor', phase: 'none', forms: [],
    title: 'Удовлетворённость наставника участием в программе наставничества',
    description: 'Заполняется наставником по завершении программы. Первый вопрос — общая удовлетворённость: оценка 7 и выше считается «удовлетворён» в показателе «Уровень удовлетворённости наставников».',
    questions: [
      satisfaction('Насколько в целом вы удовлетворены участием в программе наставничества в роли наставника?'),
      ten('Насколько вы удовлетворены результатами своих наставляемых?'),
      ten('Насколько вы удовлетворены поддержкой куратора и администрации?'),
      ten('Насколько полезным для вашего собственного развития оказалось наставничество?'),
      single('Готовы ли вы быть наставником в следующем учебном году?', ['Да', 'Да, но с меньшей нагрузкой', 'Нет', 'Пока не знаю']),
      multiple('Какие формы поощрения наставников вы считаете значимыми?', [
        'Благодарность или грамота', 'Публикация на сайте школы', 'Учёт при аттестации', 'Стимулирующие выплаты',
        'Участие в конкурсах наставников', 'Методическая поддержка и обучение',
      ]),
      open('Ваши пожелания по организации программы'),
    ],
  },
];

export class SeedDefaultQuestionnaires1795300310000 implements MigrationInterface {
  name = 'SeedDefaultQuestionnaires1795300310000';

  async up(q: QueryRunner): Promise<void> {
    for (const t of TEMPLATES) {
      const [{ id }]: { id: string }[] = await q.query(
        `insert into questionnaire_templates (tenant_id, code, title, description, instrument, respondent_role, phase, form_codes)
         values (null, $1, $2, $3, $4, $5, $6, $7) returning id`,
        [t.code, t.title, t.description, t.instrument, t.role, t.phase, t.forms],
      );
      for (const [index, question] of t.questions.entries()) {
        const options = question.options ?? [];
        const satisfaction = question.satisfiedMin !== undefined;
        await q.query(
          `insert into questionnaire_questions
             (tenant_id, template_id, position, kind, text, hint, required, scale_min, scale_max, min_label, max_label,
              option_codes, option_labels, is_satisfaction, satisfied_min)
           values (null, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
          [
            id, index + 1, question.kind, question.text, question.hint ?? null, question.required ?? true,
            question.scale?.[0] ?? null, question.scale?.[1] ?? null, question.scale?.[2] ?? null, question.scale?.[3] ?? null,
            options.map((_, i) => `o${i + 1}`), options, satisfaction, question.satisfiedMin ?? null,
          ],
        );
      }
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`delete from questionnaire_templates where tenant_id is null and code = any($1)`, [TEMPLATES.map((t) => t.code)]);
  }
}
