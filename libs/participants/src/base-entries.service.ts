import { Injectable } from '@nestjs/common';
import { ConflictException, NotFoundException, type FieldProblem } from '@nastavnik/platform/errors/app.exceptions';
import type { ListArgs, Page } from '@nastavnik/platform/graphql/list-args';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import type { EntityManager } from 'typeorm';
import type { BaseEntryFilter, CreateBaseEntryInput, UpdateBaseEntryInput } from './dtos/base-entry.inputs';
import { isRealDate, ruDate, todayIso } from './dtos/input-helpers';
import { ParticipantBaseEntryEntity } from './participant-base-entry.entity';
import type { BaseStatus } from './participant.codes';
import { ParticipantEntity } from './participant.entity';
import { uniqueList } from './participant.rules';
import { validationOf } from './participant-records.service';
import { pageOf, sortColumns } from '@nastavnik/platform/graphql/list-query';
import { ownValue } from '@nastavnik/contracts/lookup';

const SORTABLE = sortColumns({
  includedOn: 'e.included_on',
  status: 'e.status',
  base: 'e.base',
  createdAt: 'e.created_at',
  updatedAt: 'e.updated_at',
});

type EntryDraft = Omit<ParticipantBaseEntryEntity, 'id' | 'tenantId' | 'createdAt' | 'updatedAt'>;
type DateField = 'includedOn' | 'surveyedOn' | 'selectedOn' | 'trainedOn' | 'pairedOn' | 'finishedOn' | 'withdrawnOn';

const DATE_FIELDS: Record<DateField, string> = {
  includedOn: 'Дата включения',
  surveyedOn: 'Дата анкетирования',
  selectedOn: 'Дата отбора',
  trainedOn: 'Дата обучения',
  pairedOn: 'Дата включения в пару',
  finishedOn: 'Дата завершения',
  withdrawnOn: 'Дата выбытия',
};

/** The date a status stamps when an entry reaches it and the curator gave none. */
const STATUS_DATE: Partial<Record<BaseStatus, DateField>> = {
  surveyed: 'surveyedOn',
  selected: 'selectedOn',
  trained: 'trainedOn',
  in_pair: 'pairedOn',
  finished: 'finishedOn',
  withdrawn: 'withdrawnOn',
};

const EDITABLE: (keyof EntryDraft)[] = [
  'status', 'includedOn', 'surveyedOn', 'selectedOn', 'trainedOn', 'pairedOn', 'finishedOn', 'withdrawnOn', 'withdrawalReason',
  'categories', 'request', 'competencies', 'motivation', 'infoSources', 'thirdPartyNotes', 'interviewResult', 'psychReady',
  'trainingForm', 'maxMentees', 'councilMember', 'awards', 'results', 'satisfied',
];

/**
 * Membership in the mentor and mentee bases (база наставников / наставляемых). Inclusion does
 * not need a consent yet (consents are collected while the bases are formed); pairing does, and
 * the programmes lib asks `ParticipantsService.assertEligible` for it.
 */
@Injectable()
export class BaseEntriesService {
  constructor(private readonly context: TenantContext) {}

  async list(args: ListArgs, filter: BaseEntryFilter = {}): Promise<Page<ParticipantBaseEntryEntity>> {
    const em = await this.context.manager();
    return pageOf(this.filtered(em, filter), args, SORTABLE, 'includedOn');
  }

  async count(filter: BaseEntryFilter = {}): Promise<number> {
    return this.filtered(await this.context.manager(), filter).getCount();
  }

  async get(id: string): Promise<ParticipantBaseEntryEntity> {
    const entry = await (await this.context.manager()).findOneBy(ParticipantBaseEntryEntity, { id });
    if (!entry) throw new NotFoundException('Запись в базе не найдена или недоступна.');
    return entry;
  }

  /** A participant's entries; the calls of one tick (a page of participants) are one query. */
  forParticipant(participantId: string): Promise<ParticipantBaseEntryEntity[]> {
    return this.context.rowsByKey(ParticipantBaseEntryEntity, 'participantId', participantId, [['base', 'ASC'], ['id', 'ASC']]);
  }

  async create(input: CreateBaseEntryInput): Promise<ParticipantBaseEntryEntity> {
    const em = await this.context.manager();
    const participant = await em.findOneBy(ParticipantEntity, { id: input.participantId });
    if (!participant) throw new NotFoundException('Участник не найден или недоступен.');
    if (await em.existsBy(ParticipantBaseEntryEntity, { participantId: participant.id, base: input.base })) {
      throw new ConflictException(`Участник уже состоит в ${input.base === 'mentor' ? 'базе наставников' : 'базе наставляемых'}.`);
    }
    const draft = this.applied(blankEntry(input.base, participant.id), input, null);
    const saved = await em.save(em.create(ParticipantBaseEntryEntity, { ...draft, tenantId: participant.tenantId }));
    return this.get(saved.id);
  }

  async update(id: string, input: UpdateBaseEntryInput): Promise<ParticipantBaseEntryEntity> {
    const current = await this.get(id);
    const { id: _id, tenantId: _tenant, createdAt: _created, updatedAt: _updated, ...rest } = current;
    const draft = this.applied(rest, input, current.status);
    await (await this.context.manager()).update(ParticipantBaseEntryEntity, { id }, draft);
    return this.get(id);
  }

  async remove(id: string): Promise<ParticipantBaseEntryEntity> {
    const entry = await this.get(id);
    await (await this.context.manager()).delete(ParticipantBaseEntryEntity, { id });
    return entry;
  }

  /** `changes` applied to `entry`, with the status dates stamped and every rule checked. */
  private applied(entry: EntryDraft, changes: Partial<Record<keyof EntryDraft, unknown>>, previousStatus: BaseStatus | null): EntryDraft {
    const draft = { ...entry } as Record<keyof EntryDraft, unknown>;
    for (const field of EDITABLE) if (changes[field] !== undefined) draft[field] = changes[field];
    const result = draft as EntryDraft;
    const today = todayIso();
    const problems: FieldProblem[] = [];
    if (result.status === null) problems.push({ field: 'status', message: 'Укажите состояние в базе.' });
    result.status ??= 'potential';
    if (result.includedOn === null) problems.push({ field: 'includedOn', message: 'Укажите дату включения в базу.' });
    result.councilMember ??= false;
    result.categories = uniqueList(result.categories ?? []);
    result.infoSources = uniqueList(result.infoSources ?? []);
    const stamp = ownValue(STATUS_DATE, result.status);
    if (stamp && result.status !== previousStatus && result[stamp] === null) result[stamp] = today;
    if (result.status !== 'withdrawn' && previousStatus === 'withdrawn' && changes.withdrawnOn === undefined) result.withdrawnOn = null;

    for (const [field, title] of Object.entries(DATE_FIELDS) as [DateField, string][]) {
      const value = result[field];
      if (value === null) continue;
      if (!isRealDate(value)) problems.push({ field, message: `${title}: «${value}» — несуществующая дата.` });
      else if (value > today) problems.push({ field, message: `${title} ${ruDate(value)} — в будущем.` });
      else if (value < '2000-01-01') problems.push({ field, message: `${title} ${ruDate(value)} — раньше 2000 года.` });
    }
    if (result.base === 'mentee') {
      if (result.status === 'trained' || result.trainedOn !== null) problems.push({ field: 'status', message: 'Обучение проходят только наставники.' });
      if (result.trainingForm !== null) problems.push({ field: 'trainingForm', message: 'Форма обучения указывается только для наставников.' });
      if (result.maxMentees !== null) problems.push({ field: 'maxMentees', message: 'Число наставляемых указывается только для наставников.' });
      if (result.councilMember) problems.push({ field: 'councilMember', message: 'В совет наставников входят только наставники.' });
    }
    if (result.status === 'withdrawn' && !result.withdrawalReason) problems.push({ field: 'withdrawalReason', message: 'Укажите причину выбытия.' });
    if (result.status !== 'withdrawn' && result.withdrawnOn !== null) problems.push({ field: 'withdrawnOn', message: 'Дата выбытия указывается только для выбывших.' });
    if (problems.length > 0) throw validationOf(problems);
    return result;
  }

  private filtered(em: EntityManager, filter: BaseEntryFilter) {
    const query = em.createQueryBuilder(ParticipantBaseEntryEntity, 'e');
    if (filter.ids) query.andWhere('e.id = any(:ids)', { ids: filter.ids });
    if (filter.participantId) query.andWhere('e.participant_id = :participantId', { participantId: filter.participantId });
    if (filter.base) query.andWhere('e.base = :base', { base: filter.base });
    if (filter.status) query.andWhere('e.status = :status', { status: filter.status });
    return query;
  }
}

function blankEntry(base: EntryDraft['base'], participantId: string): EntryDraft {
  return {
    participantId, base, status: 'potential', includedOn: todayIso(), surveyedOn: null, selectedOn: null, trainedOn: null, pairedOn: null,
    finishedOn: null, withdrawnOn: null, withdrawalReason: null, categories: [], request: null, competencies: null, motivation: null,
    infoSources: [], thirdPartyNotes: null, interviewResult: null, psychReady: null, trainingForm: null, maxMentees: null,
    councilMember: false, awards: null, results: null, satisfied: null,
  };
}
