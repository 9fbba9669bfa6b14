import { Injectable } from '@nestjs/common';
import { ConflictException, NotFoundException, type FieldProblem } from '@nastavnik/platform/errors/app.exceptions';
import type { ListArgs, Page } from '@nastavnik/platform/graphql/list-args';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import type { EntityManager } from 'typeorm';
import { ConsentEntity } from './consent.entity';
import { ErasureService } from './erasure/erasure.service';
import { ErasureReason } from './erasure/erasure.types';
import type { ConsentFilter, CreateConsentInput, UpdateConsentInput } from './dtos/consent.inputs';
import { isRealDate, ruDate, todayIso, yearsBetween } from './dtos/input-helpers';
import { ParticipantEntity } from './participant.entity';
import { ConsentPurpose } from './participant.codes';
import { validationOf } from './participant-records.service';
import { pageOf, sortColumns } from '@nastavnik/platform/graphql/list-query';

const SORTABLE = sortColumns({ signedOn: 'c.signed_on', validUntil: 'c.valid_until', revokedOn: 'c.revoked_on', createdAt: 'c.created_at' });
const IN_FORCE = `c.revoked_on is null and c.signed_on <= current_date and (c.valid_until is null or c.valid_until >= current_date)`;

type ConsentDraft = Pick<ConsentEntity, 'signedBy' | 'representativeName' | 'representativeRelation' | 'signedOn' | 'purposes' | 'validUntil' | 'documentRef'>;
const EDITABLE: (keyof ConsentDraft)[] = ['signedBy', 'representativeName', 'representativeRelation', 'signedOn', 'purposes', 'validUntil', 'documentRef'];

/**
 * Consents to personal-data processing (согласия на обработку персональных данных, 152-ФЗ).
 * A minor's consent is signed by a legal representative; a revoked consent is never edited or
 * revived — the curator records a new one — so the history of what was allowed stays true.
 */
@Injectable()
export class ConsentsService {
  constructor(
    private readonly context: TenantContext,
    private readonly erasures: ErasureService,
  ) {}

  async list(args: ListArgs, filter: ConsentFilter = {}): Promise<Page<ConsentEntity>> {
    const em = await this.context.manager();
    return pageOf(this.filtered(em, filter), args, SORTABLE, 'signedOn', { nullsLast: true });
  }

  async count(filter: ConsentFilter = {}): Promise<number> {
    return this.filtered(await this.context.manager(), filter).getCount();
  }

  async get(id: string): Promise<ConsentEntity> {
    const consent = await (await this.context.manager()).findOneBy(ConsentEntity, { id });
    if (!consent) throw new NotFoundException('Согласие не найдено или недоступно.');
    return consent;
  }

  /** A participant's consents, newest first; the calls of one tick (a page of participants) are one query. */
  forParticipant(participantId: string): Promise<ConsentEntity[]> {
    return this.context.rowsByKey(ConsentEntity, 'participantId', participantId, [['signedOn', 'DESC'], ['id', 'ASC']]);
  }

  async create(input: CreateConsentInput): Promise<ConsentEntity> {
    const em = await this.context.manager();
    const participant = await em.findOneBy(ParticipantEntity, { id: input.participantId });
    if (!participant) throw new NotFoundException('Участник не найден или недоступен.');
    const draft = this.checked(participant, blankConsent(), input);
    const saved = await em.save(em.create(ConsentEntity, { ...draft, participantId: participant.id, tenantId: participant.tenantId }));
    return this.get(saved.id);
  }

  async update(id: string, input: UpdateConsentInput): Promise<ConsentEntity> {
    const em = await this.context.manager();
    const consent = await this.get(id);
    if (consent.revokedOn) throw new ConflictException('Отозванное согласие не изменяется: оформите новое согласие.');
    const participant = await em.findOneByOrFail(ParticipantEntity, { id: consent.participantId });
    const draft = this.checked(participant, consent, input);
    await em.update(ConsentEntity, { id }, draft);
    return this.get(id);
  }

  async revoke(id: string, reason: string): Promise<ConsentEntity> {
    const consent = await this.get(id);
    if (consent.revokedOn) throw new ConflictException(`Согласие уже отозвано ${ruDate(consent.revokedOn)}.`);
    const today = todayIso();
    // A consent signed with a future date (a typo being fixed by revoking) is revoked on its own date.
    const revokedOn = consent.signedOn > today ? consent.signedOn : today;
    const em = await this.context.manager();
    await em.update(ConsentEntity, { id }, { revokedOn, revocationReason: reason });
    // Withdrawal of the processing consent: with no other consent in force, the person's data is
    // scheduled for de-identification (docs/adr/0025); the curator may cancel it in the undo window.
    const [other] = await em.query(`select 1 from consents c where c.participant_id = $1 and ${IN_FORCE} limit 1`, [consent.participantId]);
    if (!other) await this.erasures.request(consent.participantId, ErasureReason.CONSENT_WITHDRAWN);
    return this.get(id);
  }

  async remove(id: string): Promise<ConsentEntity> {
    const consent = await this.get(id);
    await (await this.context.manager()).delete(ConsentEntity, { id });
    return consent;
  }

  /** `changes` applied to `base`, checked against the person (a minor needs a representative). */
  private checked(participant: ParticipantEntity, base: ConsentDraft, changes: Partial<Record<keyof ConsentDraft, unknown>>): ConsentDraft {
    const draft = Object.fromEntries(EDITABLE.map((field) => [field, changes[field] !== undefined ? changes[field] : base[field]])) as ConsentDraft;
    const problems: FieldProblem[] = [];
    const today = todayIso();
    if (draft.signedBy === null) problems.push({ field: 'signedBy', message: 'Укажите, кто подписал согласие.' });
    if (draft.signedOn === null) problems.push({ field: 'signedOn', message: 'Укажите дату подписания.' });
    else if (!isRealDate(draft.signedOn)) problems.push({ field: 'signedOn', message: `Дата подписания «${draft.signedOn}» — несуществующая дата.` });
    else if (draft.signedOn > today) problems.push({ field: 'signedOn', message: `Дата подписания ${ruDate(draft.signedOn)} — в будущем.` });
    else if (draft.signedOn < '2000-01-01') problems.push({ field: 'signedOn', message: `Дата подписания ${ruDate(draft.signedOn)} — раньше 2000 года.` });
    else if (participant.birthDate && draft.signedOn < participant.birthDate) problems.push({ field: 'signedOn', message: 'Дата подписания раньше даты рождения участника.' });
    if (draft.validUntil !== null) {
      if (!isRealDate(draft.validUntil)) problems.push({ field: 'validUntil', message: `Срок действия «${draft.validUntil}» — несуществующая дата.` });
      else if (draft.signedOn && draft.validUntil < draft.signedOn) problems.push({ field: 'validUntil', message: 'Срок действия не может закончиться раньше даты подписания.' });
    }
    if (draft.signedBy === 'legal_representative') {
      if (!draft.representativeName) problems.push({ field: 'representativeName', message: 'Укажите ФИО законного представителя.' });
      if (!draft.representativeRelation) problems.push({ field: 'representativeRelation', message: 'Укажите, кем приходится законный представитель.' });
    } else if (draft.signedBy === 'self') {
      draft.representativeName = null;
      draft.representativeRelation = null;
      const minorOnSigning = participant.birthDate && draft.signedOn && isRealDate(draft.signedOn) && yearsBetween(participant.birthDate, draft.signedOn) < 18;
      if (minorOnSigning) problems.push({ field: 'signedBy', message: 'Участник был несовершеннолетним на дату подписания: согласие подписывает законный представитель.' });
    }
    if (!Array.isArray(draft.purposes) || draft.purposes.length === 0) problems.push({ field: 'purposes', message: 'Укажите хотя бы одну цель обработки.' });
    else draft.purposes = [ConsentPurpose.PROCESSING, ...new Set(draft.purposes.filter((p) => p !== ConsentPurpose.PROCESSING))];
    if (problems.length > 0) throw validationOf(problems);
    return draft;
  }

  private filtered(em: EntityManager, filter: ConsentFilter) {
    const query = em.createQueryBuilder(ConsentEntity, 'c');
    if (filter.ids) query.andWhere('c.id = any(:ids)', { ids: filter.ids });
    if (filter.participantId) query.andWhere('c.participant_id = :participantId', { participantId: filter.participantId });
    if (filter.inForce === true) query.andWhere(IN_FORCE);
    if (filter.inForce === false) query.andWhere(`not (${IN_FORCE})`);
    if (filter.revoked === true) query.andWhere('c.revoked_on is not null');
    if (filter.revoked === false) query.andWhere('c.revoked_on is null');
    return query;
  }
}

function blankConsent(): ConsentDraft {
  return { signedBy: 'self', representativeName: null, representativeRelation: null, signedOn: todayIso(), purposes: [], validUntil: null, documentRef: null };
}
