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

type SeedQuestion = {
  kind: 'rating' | 'single_choice' | 'multiple_choice' | 'open';
  text: string;
  hint?: string;
  required?: boolean;
  scale?: [number, number, string, string];
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

const AGREE: [number, number, string, string] = [1, 5, 'Совсем не согласен(на)', 'Полностью согласен(на)'];
const TEN: [number, number, string, string] = [1, 10, 'Совсем не удовлетворён(а)', 'Полностью удовлетворён(а)'];
const USEFUL: [number, number, string, string] = [1, 5, 'Совсем нет', 'Да, полностью'];

const STUDENT_FORMS = ['STUDENT_STUDENT', 'TEACHER_STUDENT', 'UNISTUDENT_STUDENT', 'EMPLOYER_STUDENT'];
const TEACHER_FORMS = ['TEACHER_TEACHER', 'HEAD_TEACHER', 'UNITEACHER_YOUNGTEACHER', 'STUDENT_TEACHER'];

const STUDENT_PARAMETERS: SeedQuestion[] = [
  { kind: 'rating', scale: AGREE, text: 'Мне интересно учиться, я охотно берусь за новые задания.', hint: 'Мотивация к учёбе' },
  { kind: 'rating', scale: AGREE, text: 'Я уверен(а) в своих силах и знаю свои сильные стороны.', hint: 'Самооценка' },
  { kind: 'rating', scale: AGREE, text: 'Я умею планировать своё время и доводить начатое до конца.', hint: 'Метапредметные навыки' },
  { kind: 'rating', scale: AGREE, text: 'Я спокойно чувствую себя на уроках, когда отвечаю у доски и пишу контрольные работы.', hint: 'Уровень тревожности' },
  { kind: 'rating', scale: AGREE, text: 'Мне легко общаться с одноклассниками и работать в команде.', hint: 'Коммуникация' },
  { kind: 'rating', scale: AGREE, text: 'Я участвую в кружках, секциях, конкурсах, проектах или школьных мероприятиях.', hint: 'Вовлечённость' },
  {
    kind: 'single_choice',
    text: 'Как вы оцениваете свою успеваемость сейчас?',
    options: ['Учусь в основном на «отлично»', 'Учусь на «хорошо» и «отлично»', 'Есть оценки «удовлетворительно»', 'Есть неудовлетворительные оценки или задолженности'],
  },
];

const TEACHER_PARAMETERS: SeedQuestion[] = [
  { kind: 'rating', scale: AGREE, text: 'Я уверенно планирую уроки и подбираю методы под цели урока.', hint: 'Методическая подготовка' },
  { kind: 'rating', scale: AGREE, text: 'Мне удаётся поддерживать дисциплину и рабочую атмосферу на уроке.', hint: 'Управление классом' },
  { kind: 'rating', scale: AGREE, text: 'Я умею выстраивать конструктивное общение с родителями обучающихся.', hint: 'Взаимодействие с родителями' },
  { kind: 'rating', scale: AGREE, text: 'Я свободно использую цифровые инструменты и электронные образовательные ресурсы.', hint: 'Цифровые навыки' },
  { kind: 'rating', scale: AGREE, text: 'Я ориентируюсь в школьной документации: рабочих программах, электронном журнале, отчётах.', hint: 'Документация' },
  { kind: 'rating', scale: AGREE, text: 'Я удовлетворён(а) своей работой и не чувствую хронической усталости.', hint: 'Психоэмоциональное состояние' },
  { kind: 'rating', scale: AGREE, text: 'Я чувствую себя частью педагогического коллектива школы.', hint: 'Включённость в коллектив' },
];

const MENTOR_PARAMETERS: SeedQuestion[] = [
  { kind: 'rating', scale: AGREE, text: 'Я понимаю цели и задачи программы наставничества и свою роль в ней.' },
  { kind: 'rating', scale: AGREE, text: 'Я умею выявлять трудности и запросы наставляемого.' },
  { kind: 'rating', scale: AGREE, text: 'Я умею вместе с наставляемым ставить достижимые цели и составлять план их достижения.' },
  { kind: 'rating', scale: AGREE, text: 'Я даю обратную связь так, чтобы она поддерживала наставляемого, а не задевала его.' },
  { kind: 'rating', scale: AGREE, text: 'У меня достаточно времени для регулярных встреч с наставляемым.' },
  { kind: 'rating', scale: AGREE, text: 'Я знаю, к кому обратиться за помощью, если в паре (группе) возникнут трудности.' },
];

const MEETING_FREQUENCY: SeedQuestion = {
  kind: 'single_choice',
  text: 'Как часто проходят ваши встречи в паре (группе)?',
  options: ['Раз в неделю и чаще', '2–3 раза в месяц', 'Раз в месяц', 'Реже раза в месяц'],
};

const TEMPLATES: SeedTemplate[] = [
  {
    code: 'mentee-student-growth-pre',
    title: 'Входная анкета наставляемого (обучающийся)',
    description: 'Заполняется до начала работы в наставнической паре или группе. Итоговая анкета в конце программы повторяет те же утверждения, чтобы увидеть изменения.',
    instrument: 'Q4', role: 'mentee', phase: 'pre', forms: STUDENT_FORMS,
    questions: [
      ...STUDENT_PARAMETERS,
      {
        kind: 'multiple_choice',
        text: 'В чём вы хотели бы получить помощь наставника?',
        options: [
          'Учёба по отдельным предметам', 'Подготовка к олимпиадам и конкурсам', 'Проектная или исследовательская работа', 'Выбор профессии',
          'Общение и отношения в коллективе', 'Спорт и здоровый образ жизни', 'Творчество', 'Адаптация в новом классе или школе',
        ],
      },
      { kind: 'open', required: false, text: 'Что вы ждёте от работы с наставником?' },
    ],
  },
  {
    code: 'mentee-student-growth-post',
    title: 'Итоговая анкета наставляемого (обучающийся)',
    description: 'Заполняется по завершении программы. Утверждения совпадают с входной анкетой: ответы сравниваются «до» и «после».',
    instrument: 'Q13', role: 'mentee', phase: 'post', forms: STUDENT_FORMS,
    questions: [
      ...STUDENT_PARAMETERS,
      { kind: 'rating', scale: AGREE, text: 'Я применяю то, чему научился(ась) у наставника, в учёбе и в жизни.' },
      { kind: 'open', required: false, text: 'Что изменилось для вас за время работы с наставником?' },
    ],
  },
  {
    code: 'mentee-teacher-growth-pre',
    title: 'Входная анкета наставляемого педагога',
    description: 'Для молодых специалистов и педагогов, которым нужна поддержка. Заполняется до начала работы с наставником; итоговая анкета повторяет те же утверждения.',
    instrument: 'Q4', role: 'mentee', phase: 'pre', forms: TEACHER_FORMS,
    questions: [
      ...TEACHER_PARAMETERS,
      {
        kind: 'multiple_choice',
        text: 'Какие затруднения вы испытываете сейчас?',
        options: [
          'Организация учебного процесса', 'Дисциплина и мотивация обучающихся', 'Взаимодействие с родителями', 'Взаимодействие с коллегами и администрацией',
          'Ведение документации', 'Применение цифровых технологий', 'Подготовка обучающихся к экзаменам и олимпиадам', 'Усталость, эмоциональное выгорание',
        ],
      },
      { kind: 'open', required: false, text: 'Какая помощь наставника для вас сейчас самая важная?' },
    ],
  },
  {
    code: 'mentee-teacher-growth-post',
    title: 'Итоговая анкета наставляемого педагога',
    description: 'Заполняется по завершении программы. Утверждения совпадают с входной анкетой: ответы сравниваются «до» и «после».',
    instrument: 'Q13', role: 'mentee', phase: 'post', forms: TEACHER_FORMS,
    questions: [
      ...TEACHER_PARAMETERS,
      { kind: 'rating', scale: AGREE, text: 'Я хотел(а) бы продолжить работу в нашей школе.' },
      { kind: 'open', required: false, text: 'Какие свои профессиональные результаты за время программы вы считаете главными?' },
    ],
  },
  {
    code: 'mentor-growth-pre',
    title: 'Входная анкета наставника',
    description: 'Заполняется наставником до начала работы с наставляемым; помогает спланировать обучение наставников. Итоговая анкета повторяет те же утверждения.',
    instrument: 'Q6', role: 'mentor', phase: 'pre', forms: [],
    questions: [
      ...MENTOR_PARAMETERS,
      {
        kind: 'multiple_choice',
        text: 'Какое обучение было бы вам полезно как наставнику?',
        options: [
          'Основы наставнической деятельности', 'Возрастная психология', 'Техники обратной связи и мотивации', 'Целеполагание и планирование',
          'Проектная деятельность', 'Цифровые инструменты для дистанционной работы', 'Разрешение конфликтов',
        ],
      },
      { kind: 'open', required: false, text: 'Почему вы решили стать наставником?' },
    ],
  },
  {
    code: 'mentor-growth-post',
    title: 'Итоговая анкета наставника',
    description: 'Заполняется наставником по завершении программы. Утверждения совпадают с входной анкетой: ответы сравниваются «до» и «после».',
    instrument: 'Q13', role: 'mentor', phase: 'post', forms: [],
    questions: [
      ...MENTOR_PARAMETERS,
      { kind: 'rating', scale: AGREE, text: 'Работа наставником помогла мне вырасти профессионально и лично.' },
      { kind: 'open', required: false, text: 'Какие приёмы работы с наставляемым оказались самыми действенными?' },
    ],
  },
  {
    code: 'mentee-quality',
    title: 'Обратная связь наставляемого о работе в паре (группе)',
    description: 'Регулярный сбор обратной связи (не реже раза в месяц): как идёт работа пары или группы и совпадают ли ожидания с действительностью.',
    instrument: 'Q10', role: 'mentee', phase: 'none', forms: [],
    questions: [
      MEETING_FREQUENCY,
      { kind: 'rating', scale: USEFUL, text: 'Встречи с наставником полезны для меня.' },
      { kind: 'rating', scale: USEFUL, text: 'Наставник понимает мою ситуацию и помогает именно в том, что мне нужно.' },
      { kind: 'rating', scale: USEFUL, text: 'Наставник доступен, когда мне нужны помощь или совет.' },
      { kind: 'rating', scale: USEFUL, text: 'Мне комфортно общаться с наставником, я могу говорить открыто.' },
      {
        kind: 'single_choice',
        text: 'Совпадает ли то, что происходит в программе, с вашими ожиданиями?',
        options: ['Полностью совпадает', 'Скорее совпадает', 'Скорее не совпадает', 'Совсем не совпадает'],
      },
      { kind: 'open', required: false, text: 'Что стоит изменить в работе вашей пары (группы)?' },
    ],
  },
  {
    code: 'mentor-quality',
    title: 'Обратная связь наставника о реализации программы',
    description: 'Регулярный сбор обратной связи от наставников: как идёт работа и какая поддержка нужна от куратора.',
    instrument: 'Q10', role: 'mentor', phase: 'none', forms: [],
    questions: [
      MEETING_FREQUENCY,
      { kind: 'rating', scale: AGREE, text: 'Наставляемый приходит на встречи подготовленным и выполняет договорённости.' },
      { kind: 'rating', scale: AGREE, text: 'Я вижу положительные изменения у наставляемого.' },
      { kind: 'rating', scale: AGREE, text: 'Куратор программы оказывает мне необходимую поддержку.' },
      { kind: 'rating', scale: AGREE, text: 'Мне хватает методических материалов для работы с наставляемым.' },
      {
        kind: 'multiple_choice',
        text: 'Что мешает работе пары (группы)?',
        options: ['Нехватка времени', 'Несовпадение расписаний', 'Низкая мотивация наставляемого', 'Недостаток методической поддержки', 'Сложности в общении', 'Ничего не мешает'],
      },
      { kind: 'open', required: false, text: 'Ваши предложения по улучшению программы' },
    ],
  },
  {
    code: 'curator-quality',
    title: 'Анкета куратора: качество реализации программы наставничества',
    description: 'Заполняется куратором в конце учебного года для анализа программы: сильные и слабые стороны, качество работы пар и групп. Помогает заполнить показатели эффективности (E1–E9).',
    instrument: 'Q12', role: 'curator', phase: 'none', forms: [],
    questions: [
      { kind: 'rating', scale: AGREE, text: 'Наставническая деятельность соответствует целям и задачам программы.' },
      { kind: 'rating', scale: AGREE, text: 'Организация наставничества соответствует принципам, заложенным в программе.' },
      { kind: 'rating', scale: AGREE, text: 'В работе пар и групп используются современные подходы и технологии.' },
      { kind: 'rating', scale: AGREE, text: 'В организации сложился комфортный психологический климат.' },
      {
        kind: 'single_choice',
        text: 'Какая доля пар (групп) работает по своему плану?',
        options: ['Все или почти все', 'Больше половины', 'Около половины', 'Меньше половины'],
      },
      { kind: 'rating', scale: AGREE, text: 'Наставляемые активно участвуют в мероприятиях, связанных с наставничеством.' },
      {
        kind: 'multiple_choice',
        text: 'Какие трудности возникли при реализации программы?',
        options: [
          'Не хватает наставников', 'Низкая мотивация участников', 'Нехватка времени у педагогов', 'Недостаточная методическая база',
          'Трудности с формированием пар', 'Сложности с документацией', 'Взаимодействие с партнёрами', 'Существенных трудностей не было',
        ],
      },
      { kind: 'open', required: false, text: 'Сильные стороны программы в этом учебном году' },
      { kind: 'open', required: false, text: 'Что необходимо изменить в следующем учебном году' },
    ],
  },
  {
    code: 'mentee-satisfaction',
    title: 'Удовлетворённость наставляемого участием в программе наставничества',
    description: 'Заполняется по завершении программы (после итоговой встречи). Первый вопрос — общая удовлетворённость: оценка 7 и выше считается «удовлетворён» в показателе «Уровень удовлетворённости наставляемых».',
    instrument: 'Q11', role: 'mentee', phase: 'none', forms: [],
    questions: [
      { kind: 'rating', scale: TEN, satisfiedMin: 7, text: 'Насколько в целом вы удовлетворены участием в программе наставничества?' },
      { kind: 'rating', scale: TEN, text: 'Насколько вы удовлетворены работой со своим наставником?' },
      { kind: 'rating', scale: TEN, text: 'Насколько полезными для вас оказались встречи и задания?' },
      { kind: 'rating', scale: TEN, text: 'Насколько удобно были организованы встречи (время, место, формат)?' },
      {
        kind: 'single_choice',
        text: 'Хотели бы вы продолжить участие в программе в следующем учебном году?',
        options: ['Да, с тем же наставником', 'Да, с другим наставником', 'Хочу сам(а) стать наставником', 'Нет', 'Пока не знаю'],
      },
      { kind: 'open', required: false, text: 'Что вам больше всего понравилось?' },
      { kind: 'open', required: false, text: 'Что стоит улучшить?' },
    ],
  },
  {
    code: 'mentor-satisfaction',
    title: 'Удовлетворённость наставника участием в программе наставничества',
    description: 'Заполняется наставником по завершении программы. Первый вопрос — общая удовлетворённость: оценка 7 и выше считается «удовлетворён» в показателе «Уровень удовлетворённости наставников».',
    instrument: 'Q11', role: 'mentor', phase: 'none', forms: [],
    questions: [
      { kind: 'rating', scale: TEN, satisfiedMin: 7, text: 'Насколько в целом вы удовлетворены участием в программе наставничества в роли наставника?' },
      { kind: 'rating', scale: TEN, text: 'Насколько вы удовлетворены результатами своих наставляемых?' },
      { kind: 'rating', scale: TEN, text: 'Насколько вы удовлетворены поддержкой куратора и администрации?' },
      { kind: 'rating', scale: TEN, text: 'Насколько полезным для вашего собственного развития оказалось наставничество?' },
      {
        kind: 'single_choice',
        text: 'Готовы ли вы быть наставником в следующем учебном году?',
        options: ['Да', 'Да, но с меньшей нагрузкой', 'Нет', 'Пока не знаю'],
      },
      {
        kind: 'multiple_choice',
        text: 'Какие формы поощрения наставников вы считаете значимыми?',
        options: [
          'Благодарность или грамота', 'Публикация на сайте школы', 'Учёт при аттестации', 'Стимулирующие выплаты',
          'Участие в конкурсах наставников', 'Методическая поддержка и обучение',
        ],
      },
      { kind: 'open', required: false, text: 'Ваши пожелания по организации программы' },
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
