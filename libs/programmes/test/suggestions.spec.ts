import type { TenantRow } from '@nastavnik/testing/test-context';
import { MentoringPairService } from '../src/pairs/mentoring-pair.service';
import { ProgrammeService } from '../src/programmes/programme.service';
import { MatchSuggestionService } from '../src/suggestions/match-suggestion.service';
import { daysFromNow, failure, startProgrammes, yearsAgo, type PersonRow } from './builders';

type Harness = Awaited<ReturnType<typeof startProgrammes>>;

/**
 * Matching suggestions: the pool is the eligible mentor and mentee bases; a suggestion is not a
 * pair until the curator accepts it; a revoked consent takes the person out of the suggestions.
 */
describe('programmes: matching suggestions', () => {
  let h: Harness;
  let suggestions: MatchSuggestionService;
  let pairs: MentoringPairService;
  let school: TenantRow;
  let programmeId: string;
  let mentors: PersonRow[];
  let mentees: PersonRow[];
  const as = <T>(work: () => Promise<T>) => h.asCurator(school, work);
  const pairCount = async () => Number((await h.db.owner.query(`select count(*) from mentoring_pairs where programme_id = $1`, [programmeId])).rows[0].count);

  beforeAll(async () => {
    h = await startProgrammes();
    suggestions = h.app.get(MatchSuggestionService);
    pairs = h.app.get(MentoringPairService);
    const programmes = h.app.get(ProgrammeService);
    school = (await h.db.newSchoolWorld()).school;
    const formId = await h.people.ref('mentoring_forms', 'STUDENT_STUDENT');
    const roleModelId = await h.people.ref('role_models', 'ACHIEVER_UNDERACHIEVER');
    const programme = await as(() => programmes.create({ title: 'Клуб', academicYear: '2024/2025', formId, roleModelIds: [roleModelId], startDate: daysFromNow(-10), endDate: daysFromNow(200) }));
    programmeId = programme.id;
    await as(() => programmes.changeStatus(programmeId, 'active'));
    mentors = [
      await h.people.mentor(school.id, { kind: 'student', grade: 10, birthDate: yearsAgo(16), directions: ['D04'], interests: ['intellectual'], lastName: 'Олимпиадникова' }),
      await h.people.mentor(school.id, { kind: 'student', grade: 11, birthDate: yearsAgo(17), directions: ['D07'], interests: ['sport'], lastName: 'Спортсменов' }),
    ];
    mentees = [
      await h.people.mentee(school.id, { kind: 'student', grade: 6, birthDate: yearsAgo(12), directions: ['D04'], interests: ['intellectual'], lastName: 'Отстающий' }),
      await h.people.mentee(school.id, { kind: 'student', grade: 7, birthDate: yearsAgo(13), directions: ['D07'], interests: ['sport'], lastName: 'Тихонов' }),
    ];
    // Not in the pool: a teacher (wrong kind for the form), a student with no consent.
    await h.people.mentee(school.id, { kind: 'teacher', lastName: 'Учителев' });
    const unconsented = await h.people.person(school.id, { kind: 'student', grade: 6, birthDate: yearsAgo(12), lastName: 'Несогласный' });
    await h.people.inBase(unconsented, 'mentee');
  });
  afterAll(() => h.close());

  it('suggests pairs with scores and Russian explanations, and creates no pair', async () => {
    const result = await as(() => suggestions.suggest(programmeId));
    const byMentee = new Map(result.suggestions.map((s) => [s.menteeId, s]));
    expect(byMentee.get(mentees[0].id)?.mentorId).toBe(mentors[0].id);
    expect(byMentee.get(mentees[1].id)?.mentorId).toBe(mentors[1].id);
    expect(result.suggestions.every((s) => s.status === 'proposed' && s.score >= 0 && s.score <= 100 && /[а-я]/i.test(s.explanation))).toBe(true);
    const pooled = new Set(result.suggestions.flatMap((s) => [s.mentorId, s.menteeId]).concat(result.unmatched.map((u) => u.menteeId)));
    expect(pooled.size).toBe(4);
    expect(await pairCount()).toBe(0);
  });

  it('a new run replaces the undecided proposals', async () => {
    const first = await as(() => suggestions.suggest(programmeId));
    const second = await as(() => suggestions.suggest(programmeId));
    expect(second.runId).not.toBe(first.runId);
    const stored = await h.db.owner.query(`select distinct run_id from match_suggestions where programme_id = $1 and status = 'proposed'`, [programmeId]);
    expect(stored.rows.map((r) => r.run_id)).toEqual([second.runId]);
  });

  it('accepting makes a draft pair (with the common direction); rejecting only records the decision; neither twice', async () => {
    const run = await as(() => suggestions.suggest(programmeId));
    const [take, drop] = [run.suggestions.find((s) => s.menteeId === mentees[0].id)!, run.suggestions.find((s) => s.menteeId === mentees[1].id)!];
    const accepted = await as(() => suggestions.accept(take.id));
    expect(accepted).toMatchObject({ status: 'accepted', pairId: expect.any(String), decidedAt: expect.any(Date) });
    const pair = await as(() => pairs.get(accepted.pairId!));
    expect(pair).toMatchObject({ status: 'draft', formationMethod: 'suggestion', mentorId: mentors[0].id, menteeIds: [mentees[0].id], directionId: await h.people.ref('mentoring_directions', 'D04') });
    expect((await as(() => suggestions.reject(drop.id))).status).toBe('rejected');
    expect(await pairCount()).toBe(1);
    expect((await failure(as(() => suggestions.accept(take.id))))?.message).toContain('Решение по предложению уже принято');
    expect((await failure(as(() => suggestions.accept(drop.id))))?.code).toBe('VALIDATION_FAILED');
    // The accepted mentee is in an open pair now: the next run leaves them out.
    const next = await as(() => suggestions.suggest(programmeId));
    expect(next.suggestions.map((s) => s.menteeId)).not.toContain(mentees[0].id);
    await as(() => pairs.remove(pair.id));
  });

  it('a revoked consent takes the person out: hidden at once from the proposals, absent from the next run, refused on accept', async () => {
    const run = await as(() => suggestions.suggest(programmeId));
    const proposal = run.suggestions.find((s) => s.menteeId === mentees[1].id)!;
    await h.people.revokeConsents(mentees[1]);
    const listed = await as(() => suggestions.list({ page: 0, perPage: 100, sortOrder: 'ASC' }, { programmeId, status: 'proposed' }));
    expect(listed.map((s) => s.menteeId)).not.toContain(mentees[1].id);
    expect((await failure(as(() => suggestions.accept(proposal.id))))?.message).toContain('нет действующего согласия');
    const next = await as(() => suggestions.suggest(programmeId));
    expect([...next.suggestions.map((s) => s.menteeId), ...next.unmatched.map((u) => u.menteeId)]).not.toContain(mentees[1].id);
    expect(await pairCount()).toBe(0);
  });
});
