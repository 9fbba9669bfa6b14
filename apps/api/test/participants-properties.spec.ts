import fc from 'fast-check';
import { codesOf, TestApi, type GqlResponse } from './test-api';
import { TestDb, tokenFor, type TenantRow } from '@nastavnik/testing/test-context';

const KINDS = ['STUDENT', 'TEACHER', 'UNI_STUDENT', 'COLLEGE_REP', 'EMPLOYER_REP', 'GRADUATE', 'PARENT', 'VETERAN', 'OTHER'];
const INTERESTS = ['INTELLECTUAL', 'SPORT', 'VOLUNTEER', 'CREATIVE', 'METHODOLOGICAL'];
const DIRECTIONS = Array.from({ length: 11 }, (_, i) => `D${String(i + 1).padStart(2, '0')}`);
const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };

/** Strings a hostile or careless client sends: empty, blanks, control characters, emoji, very long, SQL-ish, date-like. */
const anyText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('', ' ', '\u0000', "O'Brien", 'Анна-Мария', "'; drop table participants; --", 'x'.repeat(5000), '2024-02-30', '0000-00-00', '9999-12-31', '1900-01-01'),
);
const anyDate = fc.oneof(
  anyText,
  fc.date({ min: new Date('1800-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });
/** Mostly plausible, sometimes hostile: so that both stored rows and refusals are exercised. */
const mostly = (plausible: fc.Arbitrary<string>) => fc.oneof({ weight: 3, arbitrary: plausible }, { weight: 1, arbitrary: anyText });
const aName = mostly(fc.constantFrom('Иванова', 'Пётр', 'Анна-Мария', "Д'Арк", 'Smith', 'Ёж'));
const orNull = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, fc.constant(null));

const anyInput = fc.record(
  {
    kind: fc.constantFrom(...KINDS),
    lastName: aName,
    firstName: aName,
    middleName: maybe(orNull(aName)),
    birthDate: maybe(orNull(fc.oneof({ weight: 2, arbitrary: fc.constantFrom('2012-05-01', '1980-12-31', '2001-02-28') }, { weight: 1, arbitrary: anyDate }))),
    sex: maybe(orNull(fc.constantFrom('MALE', 'FEMALE'))),
    grade: maybe(orNull(fc.oneof(fc.integer({ min: -3, max: 14 }), fc.integer(INT32)))),
    classLetter: maybe(orNull(mostly(fc.constantFrom('А', 'б', 'Я')))),
    position: maybe(orNull(mostly(fc.constantFrom('учитель', 'директор')))),
    teachingExperienceYears: maybe(orNull(fc.oneof(fc.integer({ min: -5, max: 70 }), fc.integer(INT32)))),
    classTeacher: maybe(orNull(fc.boolean())),
    subjects: maybe(orNull(fc.array(anyText, { maxLength: 25 }))),
    organisationName: maybe(orNull(anyText)),
    email: maybe(orNull(fc.oneof(anyText, fc.emailAddress()))),
    phone: maybe(orNull(anyText)),
    achievements: maybe(orNull(anyText)),
    requests: maybe(orNull(fc.array(anyText, { maxLength: 25 }))),
    interests: maybe(orNull(fc.array(fc.constantFrom(...INTERESTS), { maxLength: 8 }))),
    directions: maybe(orNull(fc.array(fc.constantFrom(...DIRECTIONS), { maxLength: 14 }))),
    notes: maybe(orNull(anyText)),
  },
  { requiredKeys: ['kind', 'lastName', 'firstName'] },
);

/** Valid by construction: real names, a plausible past birth date, a class only for students. */
const validInput = fc
  .record({
    kind: fc.constantFrom(...KINDS),
    lastName: fc.constantFrom('Иванов', 'Петрова', 'Ёжиков', 'Сидоренко-Малая', "Д'Артаньян"),
    firstName: fc.constantFrom('Анна', 'Пётр', 'Мария', 'Олег'),
    age: fc.integer({ min: 7, max: 80 }),
    dayOffset: fc.integer({ min: 1, max: 360 }),
    grade: fc.integer({ min: 1, max: 11 }),
    suffix: fc.string({ unit: fc.constantFrom(...'абвгдежзиклмнопрст'), minLength: 3, maxLength: 8 }),
  })
  .map(({ kind, lastName, firstName, age, dayOffset, grade, suffix }) => {
    const birth = new Date();
    birth.setFullYear(birth.getFullYear() - age);
    birth.setDate(birth.getDate() - dayOffset);
    return {
      kind,
      lastName: `${lastName}${suffix}`,
      firstName,
      birthDate: birth.toISOString().slice(0, 10),
      ...(kind === 'STUDENT' ? { grade } : { teachingExperienceYears: Math.max(0, Math.min(60, age - 20)) }),
    };
  });

/**
 * Whatever a client sends to createParticipant / updateParticipant, the answer is a stored row or
 * VALIDATION_FAILED / CONFLICT with a Russian message — never an internal error from Postgres.
 */
describe('participants: property-based input checks', () => {
  let api: TestApi;
  let db: TestDb;
  let school: TenantRow;
  let token: string;
  let existingId: string;

  beforeAll(async () => {
    api = await TestApi.start();
    db = new TestDb();
    school = (await db.newSchoolWorld()).school;
    token = tokenFor('curator', school.code);
    const created = await api.gql<{ createParticipant: { id: string } }>(token, `mutation { createParticipant(input: { kind: STUDENT, lastName: "Опорный", firstName: "Пётр", grade: 5 }) { id } }`);
    existingId = created.data!.createParticipant.id;
  });
  afterAll(async () => {
    await api.close();
    await db.close();
  });

  const expectHandled = (response: GqlResponse): boolean => {
    const codes = codesOf(response);
    if (codes.length === 0) return true;
    expect(codes).toHaveLength(1);
    expect(['VALIDATION_FAILED', 'CONFLICT']).toContain(codes[0]);
    expect(response.errors![0].message).toMatch(/[а-яё]/i);
    return false;
  };

  it('createParticipant: no input produces an internal error', async () => {
    let stored = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(anyInput, async (input) => {
        const response = await api.gql(token, `mutation($i: CreateParticipantInput!) { createParticipant(input: $i) { id grade kind } }`, { i: input });
        if (expectHandled(response)) stored += 1;
        else refused += 1;
      }),
      { numRuns: 150 },
    );
    // Not vacuous: both outcomes occurred.
    expect(stored).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });

  it('updateParticipant: no change produces an internal error, and a refused one changes nothing', async () => {
    const row = async () => (await db.owner.query(`select * from participants where id = $1`, [existingId])).rows[0];
    await fc.assert(
      fc.asyncProperty(anyInput, fc.boolean(), async (input, partial) => {
        const changes = partial ? { lastName: input.lastName, grade: input.grade, birthDate: input.birthDate } : input;
        const before = await row();
        const response = await api.gql(token, `mutation($id: ID!, $i: UpdateParticipantInput!) { updateParticipant(id: $id, input: $i) { id } }`, { id: existingId, i: changes });
        if (!expectHandled(response)) expect(await row()).toEqual(before);
      }),
      { numRuns: 100 },
    );
  });

  it('createConsent and base entries: no input produces an internal error', async () => {
    const consentInput = fc.record(
      {
        signedBy: fc.constantFrom('SELF', 'LEGAL_REPRESENTATIVE'),
        representativeName: maybe(orNull(anyText)),
        representativeRelation: maybe(orNull(fc.constantFrom('MOTHER', 'FATHER', 'GUARDIAN', 'TRUSTEE', 'OTHER'))),
        signedOn: anyDate,
        purposes: fc.array(fc.constantFrom('PROCESSING', 'PAIRING', 'QUESTIONNAIRES', 'REPORTS', 'PUBLICATION', 'MENTOR_APPOINTMENT', 'EXTRA_DUTIES', 'CROSS_ORG_SHARING'), { maxLength: 10 }),
        validUntil: maybe(orNull(anyDate)),
        documentRef: maybe(orNull(anyText)),
      },
      { requiredKeys: ['signedBy', 'signedOn', 'purposes'] },
    );
    const entryInput = fc.record(
      {
        base: fc.constantFrom('MENTOR', 'MENTEE'),
        status: maybe(orNull(fc.constantFrom('POTENTIAL', 'SURVEYED', 'SELECTED', 'TRAINED', 'IN_PAIR', 'FINISHED', 'WITHDRAWN'))),
        includedOn: maybe(orNull(anyDate)),
        surveyedOn: maybe(orNull(anyDate)),
        withdrawnOn: maybe(orNull(anyDate)),
        withdrawalReason: maybe(orNull(anyText)),
        request: maybe(orNull(anyText)),
        maxMentees: maybe(orNull(fc.integer(INT32))),
        councilMember: maybe(orNull(fc.boolean())),
        trainingForm: maybe(orNull(fc.constantFrom('IN_PERSON', 'DISTANCE', 'INDIVIDUAL'))),
      },
      { requiredKeys: ['base'] },
    );
    await fc.assert(
      fc.asyncProperty(consentInput, entryInput, async (consent, entry) => {
        expectHandled(await api.gql(token, `mutation($i: CreateConsentInput!) { createConsent(input: $i) { id } }`, { i: { ...consent, participantId: existingId } }));
        const created = await api.gql<{ createParticipantBaseEntry: { id: string } }>(token, `mutation($i: CreateBaseEntryInput!) { createParticipantBaseEntry(input: $i) { id } }`, {
          i: { ...entry, participantId: existingId },
        });
        if (expectHandled(created)) {
          await api.gql(token, `mutation($id: ID!) { deleteParticipantBaseEntry(id: $id) { id } }`, { id: created.data!.createParticipantBaseEntry.id });
        }
      }),
      { numRuns: 100 },
    );
  });

  it('a valid input is stored (or is a CONFLICT with an earlier namesake)', async () => {
    await fc.assert(
      fc.asyncProperty(validInput, async (input) => {
        const response = await api.gql(token, `mutation($i: CreateParticipantInput!) { createParticipant(input: $i) { id } }`, { i: input });
        expect(codesOf(response).filter((code) => code !== 'CONFLICT')).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
