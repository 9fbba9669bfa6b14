import 'reflect-metadata';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppException } from '@nastavnik/platform/errors/app.exceptions';
import { PlatformModule } from '@nastavnik/platform/platform.module';
import type { Scope } from '@nastavnik/platform/tenancy/scope';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import { TestDb, testConfig, type TenantRow } from '@nastavnik/testing/test-context';
import type { Pool } from 'pg';
import { ProgrammesCoreModule } from '../src/programmes.module';

export type PersonRow = { id: string; tenant_id: string; kind: string; last_name: string; birth_date: string | null };

export type NewPerson = {
  kind?: 'student' | 'teacher' | 'uni_student' | 'college_rep' | 'employer_rep' | 'graduate' | 'parent' | 'veteran' | 'other';
  lastName?: string;
  firstName?: string;
  birthDate?: string | null;
  grade?: number | null;
  subjects?: string[];
  directions?: string[];
  interests?: string[];
  requests?: string[];
};

let counter = 0;

/** `YYYY-MM-DD`, `years` years (and `days` days) before today. */
export function yearsAgo(years: number, days = 0): string {
  const date = new Date();
  date.setUTCFullYear(date.getUTCFullYear() - years);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

/** `YYYY-MM-DD`, `days` days from today (negative: in the past). */
export function daysFromNow(days: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * Builders over the owner role (it bypasses RLS), following the participants lib's tables as they
 * exist (participants, consents, participant_base_entries): `await people.mentee(school, {…})` is
 * a person with a consent to pairing in the mentee base, in one line.
 */
export class ProgrammeBuilders {
  constructor(readonly owner: Pool) {}

  async person(tenantId: string, input: NewPerson = {}): Promise<PersonRow> {
    counter += 1;
    const kind = input.kind ?? 'teacher';
    const { rows } = await this.owner.query<PersonRow>(
      `insert into participants (tenant_id, kind, last_name, first_name, middle_name, birth_date, grade, subjects, directions, interests, requests)
       values ($1, $2, $3, $4, 'Тестович', $5, $6, $7, $8, $9, $10)
       returning id, tenant_id, kind, last_name, to_char(birth_date, 'YYYY-MM-DD') as birth_date`,
      [
        tenantId,
        kind,
        input.lastName ?? `Участников${counter}`,
        input.firstName ?? `Тест${counter}`,
        input.birthDate === undefined ? yearsAgo(kind === 'student' ? 14 : 35) : input.birthDate,
        kind === 'student' ? (input.grade === undefined ? 8 : input.grade) : null,
        input.subjects ?? [],
        input.directions ?? [],
        input.interests ?? [],
        input.requests ?? [],
      ],
    );
    return rows[0];
  }

  /** A consent in force (for a minor, signed by a legal representative). */
  async consent(person: PersonRow, purposes = ['processing', 'pairing', 'questionnaires', 'reports']): Promise<void> {
    const minor = person.birth_date === null ? person.kind === 'student' : person.birth_date > yearsAgo(18);
    await this.owner.query(
      `insert into consents (tenant_id, participant_id, signed_by, representative_name, representative_relation, signed_on, purposes)
       values ($1, $2, $3, $4, $5, $6, $7)`,
      [person.tenant_id, person.id, minor ? 'legal_representative' : 'self', minor ? 'Родителева Мария Петровна' : null, minor ? 'mother' : null, yearsAgo(0, 30), purposes],
    );
  }

  async revokeConsents(person: PersonRow): Promise<void> {
    await this.owner.query(`update consents set revoked_on = current_date, revocation_reason = 'Отозвано в тесте' where participant_id = $1`, [person.id]);
  }

  async inBase(person: PersonRow, base: 'mentor' | 'mentee', maxMentees: number | null = null): Promise<void> {
    await this.owner.query(
      `insert into participant_base_entries (tenant_id, participant_id, base, status, max_mentees) values ($1, $2, $3, 'selected', $4)`,
      [person.tenant_id, person.id, base, base === 'mentor' ? maxMentees : null],
    );
  }

  /** An eligible mentor: consent to pairing, entry in the mentor base. */
  async mentor(tenantId: string, input: NewPerson = {}, maxMentees: number | null = null): Promise<PersonRow> {
    const person = await this.person(tenantId, input);
    await this.consent(person);
    await this.inBase(person, 'mentor', maxMentees);
    return person;
  }

  /** An eligible mentee: consent to pairing, entry in the mentee base. */
  async mentee(tenantId: string, input: NewPerson = {}): Promise<PersonRow> {
    const person = await this.person(tenantId, input);
    await this.consent(person);
    await this.inBase(person, 'mentee');
    return person;
  }

  /** The id of a reference row by code (forms, role models, directions, …). */
  async ref(table: 'mentoring_forms' | 'role_models' | 'mentoring_formats' | 'mentoring_directions' | 'interest_areas' | 'meeting_types' | 'programme_stages', code: string): Promise<string> {
    const { rows } = await this.owner.query<{ id: string }>(`select id from ${table} where code = $1`, [code]);
    if (!rows[0]) throw new Error(`no ${table} row with code ${code}`);
    return rows[0].id;
  }
}

export const curatorOf = (school: TenantRow): Scope => ({ role: 'curator', tenantId: school.id, tenantPath: school.path, allTenants: false, actor: 'test' });

/** The programmes lib's services over this run's database, and a way to run work as a school's curator. */
export async function startProgrammes(): Promise<{
  app: INestApplicationContext;
  db: TestDb;
  people: ProgrammeBuilders;
  asCurator: <T>(school: TenantRow, work: () => Promise<T>) => Promise<T>;
  close: () => Promise<void>;
}> {
  @Module({ imports: [PlatformModule.forRoot(testConfig()), ProgrammesCoreModule] })
  class TestModule {}
  const app = await NestFactory.createApplicationContext(TestModule, { logger: false });
  const context = app.get(TenantContext);
  const db = new TestDb();
  return {
    app,
    db,
    people: new ProgrammeBuilders(db.owner),
    asCurator: (school, work) => context.runInScope(curatorOf(school), work),
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}

/** The typed error a promise rejects with (`code` and Russian `message`), or null when it resolves. */
export async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string } | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    if (error instanceof AppException) return { code: error.code, message: error.message };
    throw error;
  }
}
