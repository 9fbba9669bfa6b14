/**
 * The participants lib's contract with the other libs (programmes, monitoring, reporting): who
 * may be used for what. A person is eligible for a purpose ('pairing' | 'questionnaires' |
 * 'reports') when they exist in the caller's scope and hold a consent to personal-data processing
 * (согласие на обработку ПДн) that lists the purpose, was signed on or before today, has not
 * expired (`validUntil` ≥ today or none) and has not been revoked; for a minor (under 18 today,
 * or a student whose birth date is unknown) that consent must be signed by a legal
 * representative (законный представитель). Everything runs in the caller's TenantContext
 * transaction, so another school's ids simply do not exist.
 *
 * - `assertEligible(ids, purpose)` throws `ValidationFailedException` whose Russian message names
 *   each refused person and why («не найден», «нет действующего согласия на обработку
 *   персональных данных», «несовершеннолетний: согласие должен подписать законный представитель»);
 *   `details` carry `{ field: <participant id>, message }` for each.
 * - `findEligible({ base, ids }, purpose)` returns the eligible persons, ordered by name; with
 *   `base` only those with an active entry in that base (status other than finished/withdrawn).
 * - `activeBaseEntries(ids, base)` returns those persons' active base entries (request,
 *   competencies, categories, `maxMentees`…) for building matching pools.
 * - In SQL the rule is the read model `participant_eligibility` (tenant, participant, purpose;
 *   `read-models.ts`, migration 1795301010000): other libs filter their own queries with
 *   `exists (select 1 from participant_eligibility e where … and e.purpose = …)`; this lib's
 *   `ELIGIBLE_SQL` is the same condition over `participants p`, so the rule is written once.
 */
import { Injectable } from '@nestjs/common';
import { ValidationFailedException, type FieldProblem } from '@nastavnik/platform/errors/app.exceptions';
import { isUuid } from '@nastavnik/platform/graphql/uuid.pipe';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import type { BaseKind, EligibilityPurpose } from './participant.codes';
import { CONSENT_PURPOSE_TITLES } from './participant.codes';
import { ParticipantBaseEntryEntity } from './participant-base-entry.entity';
import { ParticipantEntity } from './participant.entity';
import { requiredValue } from '@nastavnik/contracts/lookup';

export type EligibilityFilter = { base?: BaseKind; ids?: string[] };

/** Why a person may not be used for a purpose. */
export type IneligibleReason = 'not_found' | 'no_consent' | 'minor_without_representative';

export const INELIGIBLE_MESSAGES: Record<IneligibleReason, string> = {
  not_found: 'не найден',
  no_consent: 'нет действующего согласия на обработку персональных данных',
  minor_without_representative: 'несовершеннолетний: согласие должен подписать законный представитель',
};

/** Statuses in which a base entry still takes part in matching and surveys. */
const ACTIVE_STATUSES = ['potential', 'surveyed', 'selected', 'trained', 'in_pair'];

/** A consent in force today for `:purpose`, whoever signed it (only to tell why a person is refused). */
const CONSENT_IN_FORCE = `
  c.tenant_id = p.tenant_id and c.participant_id = p.id and :purpose = any (c.purposes)
  and c.revoked_on is null and c.signed_on <= current_date and (c.valid_until is null or c.valid_until >= current_date)`;
/**
 * A consent in force today for `:purpose`, signed by a legal representative where the person is
 * a minor (under 18, or a student of unknown birth date): the read model `participant_eligibility`.
 */
export const ELIGIBLE_SQL = `exists (select 1 from participant_eligibility e where e.tenant_id = p.tenant_id and e.participant_id = p.id and e.purpose = :purpose)`;

/** A person as this lib hands them to other libs (which never import its entities). */
export type EligibleParticipant = ParticipantEntity;

@Injectable()
export class ParticipantsService {
  constructor(private readonly context: TenantContext) {}

  async assertEligible(participantIds: string[], purpose: EligibilityPurpose): Promise<void> {
    const refused = await this.ineligible(participantIds, purpose);
    if (refused.length === 0) return;
    const details: FieldProblem[] = refused.map((r) => ({ field: r.id, message: `${r.name}: ${requiredValue(INELIGIBLE_MESSAGES, r.reason)}` }));
    throw new ValidationFailedException(
      `Нельзя использовать участников для цели «${requiredValue(CONSENT_PURPOSE_TITLES, purpose)}»: ${details.map((d) => d.message).join('; ')}.`,
      details,
    );
  }

  async findEligible(filter: EligibilityFilter, purpose: EligibilityPurpose): Promise<EligibleParticipant[]> {
    const em = await this.context.manager();
    const query = em
      .createQueryBuilder(ParticipantEntity, 'p')
      .where(ELIGIBLE_SQL, { purpose })
      .orderBy('p.last_name')
      .addOrderBy('p.first_name')
      .addOrderBy('p.id');
    if (filter.ids) query.andWhere('p.id = any(:ids)', { ids: validIds(filter.ids) });
    if (filter.base) {
      query.andWhere(
        `exists (select 1 from participant_base_entries e where e.tenant_id = p.tenant_id and e.participant_id = p.id
           and e.base = :base and e.status = any(:active))`,
        { base: filter.base, active: ACTIVE_STATUSES },
      );
    }
    return query.getMany();
  }

  async activeBaseEntries(participantIds: string[], base: BaseKind): Promise<ParticipantBaseEntryEntity[]> {
    const em = await this.context.manager();
    return em
      .createQueryBuilder(ParticipantBaseEntryEntity, 'e')
      .where('e.participant_id = any(:ids)', { ids: validIds(participantIds) })
      .andWhere('e.base = :base', { base })
      .andWhere('e.status = any(:active)', { active: ACTIVE_STATUSES })
      .getMany();
  }

  /**
   * «Фамилия И. О.» of each of these ids found in the caller's scope (other schools' ids are
   * simply absent), for labels other libs build (a pair's «наставник — наставляемые»).
   */
  async shortNames(participantIds: string[]): Promise<Map<string, string>> {
    const ids = validIds([...new Set(participantIds.map((id) => id.toLowerCase()))]);
    if (ids.length === 0) return new Map();
    const em = await this.context.manager();
    const rows: { id: string; last_name: string; first_name: string; middle_name: string | null }[] = await em.query(
      'select p.id, p.last_name, p.first_name, p.middle_name from participants p where p.id = any($1::uuid[])',
      [ids],
    );
    return new Map(rows.map((r) => [r.id, shortName(r.last_name, r.first_name, r.middle_name)]));
  }

  /** Ids of the people in the caller's scope whose full name contains `word` (case- and ё-insensitive). */
  async idsByNameWord(word: string): Promise<string[]> {
    const key = word.trim().toLowerCase().replace(/ё/g, 'е');
    if (key === '') return [];
    const em = await this.context.manager();
    const pattern = `%${key.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows: { id: string }[] = await em.query(`select p.id from participants p where p.name_key like $1`, [pattern]);
    return rows.map((r) => r.id);
  }

  /** Each refused id with a display name (the id itself when unknown) and the first reason that applies. */
  async ineligible(participantIds: string[], purpose: EligibilityPurpose): Promise<{ id: string; name: string; reason: IneligibleReason }[]> {
    const ids = [...new Set(participantIds.map((id) => id.toLowerCase()))];
    if (ids.length === 0) return [];
    const em = await this.context.manager();
    const rows: { id: string; last_name: string; first_name: string; middle_name: string | null; eligible: boolean; any_consent: boolean }[] = await em.query(
      `select p.id, p.last_name, p.first_name, p.middle_name,
              ${ELIGIBLE_SQL.replace(/:purpose/g, '$2')} as eligible,
              exists (select 1 from consents c where ${CONSENT_IN_FORCE.replace(/:purpose/g, '$2')}) as any_consent
         from participants p where p.id = any($1::uuid[])`,
      [validIds(ids), purpose],
    );
    const found = new Map(rows.map((r) => [r.id, r]));
    type Refusal = { id: string; name: string; reason: IneligibleReason };
    return ids.flatMap((id): Refusal[] => {
      const row = found.get(id);
      if (!row) return [{ id, name: `Участник ${id}`, reason: 'not_found' }];
      if (row.eligible) return [];
      const name = shortName(row.last_name, row.first_name, row.middle_name);
      return [{ id, name, reason: row.any_consent ? 'minor_without_representative' : 'no_consent' }];
    });
  }
}

/** «Иванов И. И.» */
export function shortName(lastName: string, firstName: string, middleName: string | null): string {
  return `${lastName} ${firstName.charAt(0)}.${middleName ? ` ${middleName.charAt(0)}.` : ''}`;
}

/** Malformed ids cannot match a uuid column; drop them so they read as "not found", never as a database error. */
function validIds(ids: string[]): string[] {
  return ids.filter(isUuid);
}
