import 'reflect-metadata';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppException } from '@nastavnik/platform/errors/app.exceptions';
import { PlatformModule } from '@nastavnik/platform/platform.module';
import type { Scope } from '@nastavnik/platform/tenancy/scope';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import { TestDb, testConfig, type TenantRow } from '@nastavnik/testing/test-context';
import { ParticipantsCoreModule } from '../src/participants.module';
import { ParticipantsService } from '../src/participants.service';
import type { EligibilityPurpose } from '../src/participant.codes';
import { ParticipantBuilders, yearsAgo, type ParticipantRow } from './participant-builders';

/** The consent rules other libs rely on: no valid consent, a revoked one, a minor's own signature ⇒ refused. */
describe('participants: eligibility for pairing, questionnaires and reports', () => {
  let app: INestApplicationContext;
  let context: TenantContext;
  let service: ParticipantsService;
  let db: TestDb;
  let people: ParticipantBuilders;
  let a: TenantRow;
  let b: TenantRow;
  const curatorOf = (school: TenantRow): Scope => ({ role: 'curator', tenantId: school.id, tenantPath: school.path, allTenants: false, actor: 'test' });
  const asCuratorOf = <T>(school: TenantRow, work: () => Promise<T>) => context.runInScope(curatorOf(school), work);

  const refusal = async (school: TenantRow, ids: string[], purpose: EligibilityPurpose = 'pairing') => {
    try {
      await asCuratorOf(school, () => service.assertEligible(ids, purpose));
      return null;
    } catch (error) {
      if (!(error instanceof AppException)) throw error;
      return { code: error.code, message: error.message, details: error.details };
    }
  };

  beforeAll(async () => {
    @Module({ imports: [PlatformModule.forRoot(testConfig()), ParticipantsCoreModule] })
    class TestModule {}
    app = await NestFactory.createApplicationContext(TestModule, { logger: false });
    context = app.get(TenantContext);
    service = app.get(ParticipantsService);
    db = new TestDb();
    people = new ParticipantBuilders(db.owner);
    a = (await db.newSchoolWorld()).school;
    b = (await db.newSchoolWorld()).school;
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  it('accepts an adult with a consent in force, for each purpose the consent lists', async () => {
    const adult = await people.adult(a.id);
    for (const purpose of ['pairing', 'questionnaires', 'reports'] as const) expect(await refusal(a, [adult.id], purpose)).toBeNull();
    expect(await refusal(a, [])).toBeNull();
  });

  it('refuses a person without a consent, naming them', async () => {
    const person = await people.participant(a.id, { lastName: 'Безсогласиев', firstName: 'Олег', middleName: 'Юрьевич' });
    const error = await refusal(a, [person.id]);
    expect(error?.code).toBe('VALIDATION_FAILED');
    expect(error?.message).toContain('Безсогласиев О. Ю.: нет действующего согласия на обработку персональных данных');
    expect(error?.details).toEqual([{ field: person.id, message: expect.stringContaining('нет действующего согласия') }]);
  });

  it('refuses a consent that does not list the purpose, has expired, is not yet signed or was revoked', async () => {
    const cases: [string, Parameters<ParticipantBuilders['consent']>[1]][] = [
      ['no purpose', { purposes: ['processing', 'reports'] }],
      ['expired', { signedOn: yearsAgo(2), validUntil: yearsAgo(1) }],
      ['future', { signedOn: yearsAgo(-1) }],
      ['revoked', { revokedOn: yearsAgo(0) }],
    ];
    for (const [, consent] of cases) {
      const person = await people.participant(a.id);
      await people.consent(person, consent);
      expect((await refusal(a, [person.id], 'pairing'))?.message).toContain('нет действующего согласия на обработку персональных данных');
    }
  });

  it('refuses a minor whose consent is signed by themselves, accepts one signed by a legal representative', async () => {
    const minor = await people.participant(a.id, { kind: 'student', birthDate: yearsAgo(17, 300), grade: 11 });
    await people.consent(minor, { signedBy: 'self' });
    expect((await refusal(a, [minor.id]))?.message).toContain('несовершеннолетний: согласие должен подписать законный представитель');
    await people.consent(minor, { signedBy: 'legal_representative' });
    expect(await refusal(a, [minor.id])).toBeNull();

    const justAdult = await people.participant(a.id, { kind: 'student', birthDate: yearsAgo(18), grade: 11 });
    await people.consent(justAdult, { signedBy: 'self' });
    expect(await refusal(a, [justAdult.id])).toBeNull();

    const studentWithoutBirthDate = await people.participant(a.id, { kind: 'student', birthDate: null });
    await people.consent(studentWithoutBirthDate, { signedBy: 'self' });
    expect((await refusal(a, [studentWithoutBirthDate.id]))?.message).toContain('законный представитель');
  });

  it('reads another school\'s person and a malformed id as «не найден»', async () => {
    const theirs = await people.adult(b.id);
    const error = await refusal(a, [theirs.id, 'not-a-uuid']);
    expect(error?.details?.map((d) => d.field)).toEqual([theirs.id, 'not-a-uuid']);
    expect(error?.message).toContain(`Участник ${theirs.id}: не найден`);
    expect(await refusal(b, [theirs.id])).toBeNull();
  });

  it('findEligible: only eligible persons of the caller\'s school, filtered by base; revoked consent ⇒ gone', async () => {
    const mentor = await people.adult(a.id);
    await people.baseEntry(mentor, 'mentor');
    const mentee = await people.adult(a.id);
    await people.baseEntry(mentee, 'mentee');
    const withdrawn = await people.adult(a.id);
    await people.baseEntry(withdrawn, 'mentor', 'withdrawn');
    const noConsent = await people.participant(a.id);
    await people.baseEntry(noConsent, 'mentor');
    const theirs = await people.adult(b.id);
    await people.baseEntry(theirs, 'mentor');
    const revoking: ParticipantRow = await people.participant(a.id);
    const consentId = await people.consent(revoking);
    await people.baseEntry(revoking, 'mentor');

    const ids = [mentor, mentee, withdrawn, noConsent, theirs, revoking].map((p) => p.id);
    const mentorsOf = async () => (await asCuratorOf(a, () => service.findEligible({ base: 'mentor', ids }, 'pairing'))).map((p) => p.id).sort();
    expect(await mentorsOf()).toEqual([mentor.id, revoking.id].sort());
    const menteeIds = (await asCuratorOf(a, () => service.findEligible({ base: 'mentee', ids }, 'pairing'))).map((p) => p.id);
    expect(menteeIds).toEqual([mentee.id]);

    await db.owner.query(`update consents set revoked_on = current_date, revocation_reason = 'Отзыв' where id = $1`, [consentId]);
    expect(await mentorsOf()).toEqual([mentor.id]);

    const entries = await asCuratorOf(a, () => service.activeBaseEntries(ids, 'mentor'));
    expect(entries.map((e) => e.participantId).sort()).toEqual([mentor.id, noConsent.id, revoking.id].sort());
  });
});
