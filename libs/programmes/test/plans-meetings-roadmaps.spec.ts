import type { TenantRow } from '@nastavnik/testing/test-context';
import { MeetingService } from '../src/meetings/meeting.service';
import { OrderDocumentService } from '../src/orders/order-document.service';
import type { MentoringPairEntity } from '../src/pairs/mentoring-pair.entity';
import { MentoringPairService } from '../src/pairs/mentoring-pair.service';
import { PlanService } from '../src/plans/plan.service';
import { ProgrammeService } from '../src/programmes/programme.service';
import { RoadmapService } from '../src/roadmaps/roadmap.service';
import { daysFromNow, failure, startProgrammes, type PersonRow } from './builders';

type Harness = Awaited<ReturnType<typeof startProgrammes>>;

/** Personalised programmes and their plans, meetings of pairs and programmes, roadmaps and their execution report. */
describe('programmes: personalised programmes, meetings, roadmaps', () => {
  let h: Harness;
  let school: TenantRow;
  let plans: PlanService;
  let meetings: MeetingService;
  let roadmaps: RoadmapService;
  let orders: OrderDocumentService;
  let pair: MentoringPairEntity;
  let programmeId: string;
  let mentor: PersonRow;
  let mentee: PersonRow;
  const as = <T>(work: () => Promise<T>) => h.asCurator(school, work);

  beforeAll(async () => {
    h = await startProgrammes();
    plans = h.app.get(PlanService);
    meetings = h.app.get(MeetingService);
    roadmaps = h.app.get(RoadmapService);
    orders = h.app.get(OrderDocumentService);
    const programmes = h.app.get(ProgrammeService);
    const pairs = h.app.get(MentoringPairService);
    school = (await h.db.newSchoolWorld()).school;
    const formId = await h.people.ref('mentoring_forms', 'TEACHER_TEACHER');
    const programme = await as(() => programmes.create({ title: 'Молодой специалист', academicYear: '2024/2025', formId, startDate: daysFromNow(-60), endDate: daysFromNow(200) }));
    programmeId = programme.id;
    await as(() => programmes.changeStatus(programmeId, 'active'));
    mentor = await h.people.mentor(school.id, { kind: 'teacher', subjects: ['Математика'] });
    mentee = await h.people.mentee(school.id, { kind: 'teacher', subjects: ['Математика'] });
    const draft = await as(async () => pairs.create({
      programmeId, mentorId: mentor.id, menteeIds: [mentee.id],
      roleModelId: await h.people.ref('role_models', 'SUBJECT_EXPERT_NOVICE'), directionId: await h.people.ref('mentoring_directions', 'D11'),
    }));
    pair = await as(() => pairs.changeStatus(draft.id, { status: 'active', date: daysFromNow(-30) }));
  });
  afterAll(() => h.close());

  it('a personalised programme outside 3–12 months carries a warning, not an error; one per pair; a plan with deadlines', async () => {
    const short = await as(() => plans.create({ pairId: pair.id, title: 'Адаптация', startDate: '2024-09-01', endDate: '2024-10-15' }));
    expect(short.durationWarning).toContain('меньше 3 месяцев');
    expect((await failure(as(() => plans.create({ pairId: pair.id, title: 'Вторая' }))))?.code).toBe('CONFLICT');
    const fine = await as(() => plans.update(short.id, { endDate: '2025-03-01' }));
    expect(fine).toMatchObject({ durationWarning: null, durationMonths: 6 });
    expect((await as(() => plans.update(short.id, { endDate: '2025-11-01' }))).durationWarning).toContain('больше 12 месяцев');
    expect((await failure(as(() => plans.update(short.id, { endDate: '2024-08-01' }))))?.message).toBe('Дата окончания раньше даты начала.');
    const task = await as(() => plans.createTask({ personalisedProgrammeId: short.id, title: 'Посетить 5 уроков наставника', deadline: '2024-10-01' }));
    expect(task).toMatchObject({ status: 'planned', position: 10 });
    expect((await as(() => plans.updateTask(task.id, { status: 'done', result: 'Посещено 6 уроков' }))).completedOn).toEqual(expect.any(String));
    expect((await failure(as(() => plans.update(short.id, { status: 'completed' }))))?.message).toContain('Нельзя перевести персонализированную программу из состояния «Разрабатывается» в «Завершена»');
  });

  it('meetings: a pair meets once fixed, with its own members, defaulting to its direction', async () => {
    const organisational = await h.people.ref('meeting_types', 'ORGANISATIONAL');
    const meeting = await as(() => meetings.create({ pairId: pair.id, meetingTypeId: organisational, heldOn: daysFromNow(-29), durationMinutes: 45, topic: 'Знакомство' }));
    expect(meeting).toMatchObject({ programmeId, pairId: pair.id, directionId: pair.directionId, attendeeIds: [mentor.id, mentee.id] });
    expect((await failure(as(() => meetings.create({ pairId: pair.id, meetingTypeId: organisational, heldOn: daysFromNow(-40) }))))?.message).toContain('раньше начала работы пары');
    const stranger = await h.people.mentee(school.id, { kind: 'teacher' });
    expect((await failure(as(() => meetings.create({ pairId: pair.id, meetingTypeId: organisational, heldOn: daysFromNow(-1), attendeeIds: [stranger.id] }))))?.message)
      .toContain('Присутствовать могут только наставник и наставляемые этой пары');
    const ceremony = await h.people.ref('meeting_types', 'CEREMONY');
    expect((await failure(as(() => meetings.create({ pairId: pair.id, meetingTypeId: ceremony, heldOn: daysFromNow(-1) }))))?.message).toContain('пару не указывают');
    const all = await as(() => meetings.create({ programmeId, meetingTypeId: ceremony, heldOn: daysFromNow(-1), attendeeIds: [mentor.id] }));
    expect(all.pairId).toBeNull();
  });

  it('a roadmap per year, items numbered as in the document, and the execution report grouped by stage', async () => {
    const order = await as(() => orders.create({ kind: 'order', number: '05-ОД', issuedOn: '2023-01-10', title: 'О реализации целевой модели наставничества' }));
    const roadmap = await as(() => roadmaps.create({ title: 'Дорожная карта', academicYear: '2022/2023', periodText: '2023–2026', approvalOrderId: order.id }));
    expect((await failure(as(() => roadmaps.create({ title: 'Ещё одна', academicYear: '2022/2023' }))))?.code).toBe('CONFLICT');
    const preparation = await h.people.ref('programme_stages', 'PREPARATION');
    const menteeBase = await h.people.ref('programme_stages', 'MENTEE_BASE');
    await as(() => roadmaps.createItem({ roadmapId: roadmap.id, number: '7', stageId: menteeBase, activity: 'Мониторинг запросов', scheduleText: 'Апрель 2023., далее - ежегодно сентябрь-октябрь', status: 'done', executionResult: 'Обучающихся – 55 / 33 %' }));
    await as(() => roadmaps.createItem({ roadmapId: roadmap.id, number: '1', stageId: preparation, activity: 'Издание приказа', scheduleText: 'Январь 2023', responsible: 'Директор ОО', status: 'done', executedOn: '2023-01-10' }));
    await as(() => roadmaps.createItem({ roadmapId: roadmap.id, number: 'пос. 38', activity: 'Нематериальное поощрение', scheduleText: 'постоянно' }));
    expect((await failure(as(() => roadmaps.createItem({ roadmapId: roadmap.id, number: '1', activity: 'Дубль' }))))?.code).toBe('CONFLICT');
    expect((await failure(as(() => roadmaps.createItem({ roadmapId: roadmap.id, number: '2', activity: 'Даты', plannedStart: '2023-03-01', plannedEnd: '2023-02-01' }))))?.message).toBe('Плановое окончание раньше даты начала.');
    const report = await as(() => roadmaps.report(roadmap.id));
    expect(report.sections.map((s) => [s.stage?.code ?? null, s.items.map((i) => i.number)])).toEqual([['PREPARATION', ['1']], ['MENTEE_BASE', ['7']], [null, ['пос. 38']]]);
    expect(report.totals).toEqual({ total: 3, planned: 1, inProgress: 0, done: 2, notDone: 0 });
    expect((await failure(as(() => orders.remove(order.id))))?.code).toBe('CONFLICT');
  });
});
