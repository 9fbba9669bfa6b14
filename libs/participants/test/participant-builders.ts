import type { Pool } from 'pg';

export type ParticipantRow = { id: string; tenant_id: string; last_name: string; first_name: string; birth_date: string | null; kind: string };

export type NewParticipant = {
  kind?: string;
  lastName?: string;
  firstName?: string;
  middleName?: string | null;
  birthDate?: string | null;
  grade?: number | null;
};

export type NewConsent = {
  signedBy?: 'self' | 'legal_representative';
  signedOn?: string;
  purposes?: string[];
  validUntil?: string | null;
  revokedOn?: string | null;
};

let counter = 0;

/** ISO date `years` years before today (negative: in the future). */
export function yearsAgo(years: number, days = 0): string {
  const date = new Date();
  date.setUTCFullYear(date.getUTCFullYear() - years);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

/**
 * Builders for the participants lib's tables, written through the owner role (it bypasses RLS),
 * so a spec says in one line what it needs: `await people.adult(school.id)`.
 */
export class ParticipantBuilders {
  constructor(private readonly owner: Pool) {}

  async participant(tenantId: string, input: NewParticipant = {}): Promise<ParticipantRow> {
    counter += 1;
    const kind = input.kind ?? 'teacher';
    const { rows } = await this.owner.query<ParticipantRow>(
      `insert into participants (tenant_id, kind, last_name, first_name, middle_name, birth_date, grade)
       values ($1, $2, $3, $4, $5, $6, $7)
       returning id, tenant_id, last_name, first_name, to_char(birth_date, 'YYYY-MM-DD') as birth_date, kind`,
      [
        tenantId,
        kind,
        input.lastName ?? `Тестов${counter}`,
        input.firstName ?? 'Пётр',
        input.middleName === undefined ? 'Иванович' : input.middleName,
        input.birthDate === undefined ? yearsAgo(35) : input.birthDate,
        input.grade ?? (kind === 'student' ? 9 : null),
      ],
    );
    return rows[0];
  }

  async consent(participant: ParticipantRow, input: NewConsent = {}): Promise<string> {
    const signedBy = input.signedBy ?? 'self';
    const representative = signedBy === 'legal_representative';
    const { rows } = await this.owner.query<{ id: string }>(
      `insert into consents (tenant_id, participant_id, signed_by, representative_name, representative_relation, signed_on, purposes, valid_until, revoked_on, revocation_reason)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id`,
      [
        participant.tenant_id,
        participant.id,
        signedBy,
        representative ? 'Тестова Мария Петровна' : null,
        representative ? 'mother' : null,
        input.signedOn ?? yearsAgo(0, 30),
        input.purposes ?? ['processing', 'pairing', 'questionnaires', 'reports'],
        input.validUntil ?? null,
        input.revokedOn ?? null,
        input.revokedOn ? 'Отозвано в тесте' : null,
      ],
    );
    return rows[0].id;
  }

  async baseEntry(participant: ParticipantRow, base: 'mentor' | 'mentee', status = 'selected'): Promise<string> {
    const { rows } = await this.owner.query<{ id: string }>(
      `insert into participant_base_entries (tenant_id, participant_id, base, status, withdrawn_on)
       values ($1, $2, $3, $4, $5) returning id`,
      [participant.tenant_id, participant.id, base, status, status === 'withdrawn' ? yearsAgo(0) : null],
    );
    return rows[0].id;
  }

  /** An adult with a consent in force for every purpose. */
  async adult(tenantId: string, input: NewParticipant = {}): Promise<ParticipantRow> {
    const person = await this.participant(tenantId, input);
    await this.consent(person);
    return person;
  }
}
