import { Injectable } from '@nestjs/common';
import { NotFoundException, ValidationFailedException } from '@nastavnik/platform/errors/app.exceptions';
import type { ListArgs } from '@nastavnik/platform/graphql/list-args';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import { type EligibleParticipant, ParticipantsService } from '@nastavnik/participants/participants.service';
import type { EntityManager } from 'typeorm';
import { assertMove } from '../common/lifecycle';
import { pageOf, sortColumns } from '@nastavnik/platform/graphql/list-query';
import { today } from '../common/validators';
import { OrderDocumentService } from '../orders/order-document.service';
import type { ProgrammeEntity } from '../programmes/programme.entity';
import { ProgrammeService } from '../programmes/programme.service';
import { MentoringDirectionEntity, MentoringFormEntity, RoleModelEntity } from '../reference/reference.entities';
import { ReferenceService } from '../reference/reference.service';
import { MentoringPairEntity, PairMenteeEntity, type PairStatus } from './mentoring-pair.entity';
import type { ChangePairStatusInput, CreateMentoringPairInput, MentoringPairFilter, UpdateMentoringPairInput } from '../dtos/mentoring-pair.inputs';
import { PAIR_LIFECYCLE } from './pair-lifecycle';
import { displayName, formViolations, pairWarnings } from './pair-rules';

const SORTABLE = sortColumns({ status: 'p.status', startDate: 'p.start_date', endDate: 'p.end_date', createdAt: 'p.created_at', updatedAt: 'p.updated_at' });

/** Statuses in which a pair holds its mentees (a mentee is in one such pair per programme). */
const OPEN: PairStatus[] = ['draft', 'active'];

/** A pair about to be written: who, under which references. */
type PairPlan = {
  programme: ProgrammeEntity;
  form: MentoringFormEntity;
  mentorId: string;
  menteeIds: string[];
  roleModel: RoleModelEntity | null;
  status: PairStatus;
  pairId: string | null;
};

/**
 * Mentoring pairs and groups (наставнические пары/группы). Every write checks, in this order: the
 * references (programme, role model of the programme's form, direction, order), the consents of
 * everyone involved (`ParticipantsService.assertEligible(…, 'pairing')`), the form's rules on
 * participant kinds and ages, one open pair per mentee per programme, and the mentor's capacity
 * over all active pairs. Moves between states follow `PAIR_LIFECYCLE`.
 */
@Injectable()
export class MentoringPairService {
  constructor(
    private readonly context: TenantContext,
    private readonly programmes: ProgrammeService,
    private readonly refs: ReferenceService,
    private readonly orders: OrderDocumentService,
    private readonly participants: ParticipantsService,
  ) {}

  async list(args: ListArgs, filter: MentoringPairFilter = {}): Promise<MentoringPairEntity[]> {
    const em = await this.context.manager();
    return this.withMentees(em, (await pageOf(await this.filtered(em, filter), args, SORTABLE, 'createdAt')).items);
  }

  async count(filter: MentoringPairFilter = {}): Promise<number> {
    return (await this.filtered(await this.context.manager(), filter)).getCount();
  }

  async get(id: string): Promise<MentoringPairEntity> {
    const em = await this.context.manager();
    const pair = await em.findOneBy(MentoringPairEntity, { id });
    if (!pair) throw new NotFoundException('Наставническая пара (группа) не найдена.');
    return (await this.withMentees(em, [pair]))[0];
  }

  /** A pair other records point at (meetings, personalised programmes). */
  async referenced(id: string): Promise<MentoringPairEntity> {
    const em = await this.context.manager();
    const pair = await em.findOneBy(MentoringPairEntity, { id });
    if (!pair) throw new ValidationFailedException('Наставническая пара (группа) не найдена.');
    return (await this.withMentees(em, [pair]))[0];
  }

  async create(input: CreateMentoringPairInput): Promise<MentoringPairEntity> {
    const em = await this.context.manager();
    const programme = await this.programmes.referenced(input.programmeId);
    if (programme.status === 'completed') throw new ValidationFailedException('Программа завершена — новые пары в неё не добавляются.');
    const form = await this.refs.get(MentoringFormEntity, programme.formId);
    const plan: PairPlan = {
      programme,
      form,
      mentorId: input.mentorId.toLowerCase(),
      menteeIds: unique(input.menteeIds),
      roleModel: input.roleModelId ? await this.roleModelOf(programme, form, input.roleModelId) : null,
      status: 'draft',
      pairId: null,
    };
    const warnings = await this.checkPeople(em, plan);
    const saved = await em.save(em.create(MentoringPairEntity, {
      tenantId: programme.tenantId,
      programmeId: programme.id,
      mentorId: plan.mentorId,
      roleModelId: plan.roleModel?.id ?? null,
      directionId: input.directionId ? await this.directionOf(programme, input.directionId) : null,
      status: 'draft',
      formationMethod: input.formationMethod ?? null,
      fixingOrderId: input.fixingOrderId ? (await this.orders.referenced(input.fixingOrderId, programme.tenantId)).id : null,
      warnings,
    }));
    await this.saveMentees(em, saved, plan.menteeIds);
    return this.get(saved.id);
  }

  async update(id: string, input: UpdateMentoringPairInput): Promise<MentoringPairEntity> {
    const em = await this.context.manager();
    const pair = await this.get(id);
    const touched = Object.entries(input).filter(([, v]) => v !== undefined).map(([k]) => k);
    if (pair.status === 'completed' || pair.status === 'ended_early') {
      const locked = touched.filter((k) => k !== 'result' && k !== 'endComment');
      if (locked.length > 0) throw new ValidationFailedException('Пара (группа) завершена: можно изменить только итоги и комментарий.');
    }
    if (input.mentorId !== undefined && input.mentorId.toLowerCase() !== pair.mentorId && pair.status !== 'draft') {
      throw new ValidationFailedException('Наставника действующей пары не меняют: прекратите пару досрочно (причина «Замена наставника») и создайте новую.');
    }
    const programme = await this.programmes.get(pair.programmeId);
    const form = await this.refs.get(MentoringFormEntity, programme.formId);
    const changes: Partial<MentoringPairEntity> = {};
    if (input.roleModelId !== undefined && input.roleModelId !== pair.roleModelId) {
      changes.roleModelId = input.roleModelId ? (await this.roleModelOf(programme, form, input.roleModelId)).id : null;
    }
    if (input.directionId !== undefined && input.directionId !== pair.directionId) {
      changes.directionId = input.directionId ? await this.directionOf(programme, input.directionId) : null;
    }
    if (input.formationMethod !== undefined) changes.formationMethod = input.formationMethod;
    if (input.fixingOrderId !== undefined) {
      changes.fixingOrderId = input.fixingOrderId ? (await this.orders.referenced(input.fixingOrderId, pair.tenantId)).id : null;
    }
    if (input.result !== undefined) changes.result = input.result?.trim() || null;
    if (input.endComment !== undefined) changes.endComment = input.endComment?.trim() || null;
    const mentorId = input.mentorId?.toLowerCase() ?? pair.mentorId;
    const menteeIds = input.menteeIds ? unique(input.menteeIds) : pair.menteeIds;
    const peopleChanged = mentorId !== pair.mentorId || !sameSet(menteeIds, pair.menteeIds);
    if (peopleChanged || changes.roleModelId !== undefined) {
      const roleModelId = changes.roleModelId !== undefined ? changes.roleModelId : pair.roleModelId;
      const roleModel = roleModelId ? await this.refs.get(RoleModelEntity, roleModelId) : null;
      changes.warnings = await this.checkPeople(em, { programme, form, mentorId, menteeIds, roleModel, status: pair.status, pairId: pair.id });
    }
    // Mentees go first and come back after, so a mentor swapped with a mentee never meets the database's check.
    if (peopleChanged) await em.delete(PairMenteeEntity, { tenantId: pair.tenantId, pairId: pair.id });
    if (mentorId !== pair.mentorId) changes.mentorId = mentorId;
    if (Object.keys(changes).length > 0) await em.update(MentoringPairEntity, { id }, changes);
    if (peopleChanged) await this.saveMentees(em, { ...pair, mentorId }, menteeIds);
    return this.get(id);
  }

  async changeStatus(id: string, input: ChangePairStatusInput): Promise<MentoringPairEntity> {
    const em = await this.context.manager();
    const pair = await this.get(id);
    assertMove(PAIR_LIFECYCLE, pair.status, input.status);
    const date = input.date ?? today();
    const changes: Partial<MentoringPairEntity> = { status: input.status };
    if (input.result !== undefined) changes.result = input.result?.trim() || null;
    if (input.status === 'active') {
      const programme = await this.programmes.get(pair.programmeId);
      if (programme.status !== 'active') throw new ValidationFailedException('Сначала начните реализацию программы (состояние «Реализуется»), затем закрепляйте пары.');
      const form = await this.refs.get(MentoringFormEntity, programme.formId);
      if (!pair.directionId) throw new ValidationFailedException('Укажите направление наставничества пары (группы) — по нему считается отчётность.');
      const roleModel = pair.roleModelId ? await this.refs.get(RoleModelEntity, pair.roleModelId) : null;
      if (!roleModel && (await em.countBy(RoleModelEntity, { formId: form.id, isActive: true })) > 0) {
        throw new ValidationFailedException(`Укажите ролевую модель пары (группы) в форме «${form.title}».`);
      }
      changes.warnings = await this.checkPeople(em, { programme, form, mentorId: pair.mentorId, menteeIds: pair.menteeIds, roleModel, status: 'active', pairId: pair.id });
      changes.startDate = date;
    } else {
      if (pair.startDate && date < pair.startDate) throw new ValidationFailedException(`Дата окончания (${date}) раньше даты начала работы пары (${pair.startDate}).`);
      changes.endDate = date;
      if (input.comment !== undefined) changes.endComment = input.comment?.trim() || null;
      if (input.status === 'ended_early') {
        if (!input.endReason) throw new ValidationFailedException('Укажите причину досрочного прекращения.');
        if (input.endReason === 'other' && !input.comment?.trim()) throw new ValidationFailedException('Для причины «Другое» опишите причину в комментарии.');
        changes.endReason = input.endReason;
      } else if (input.endReason) {
        throw new ValidationFailedException('Причина указывается только при досрочном прекращении.');
      }
    }
    await em.update(MentoringPairEntity, { id }, changes);
    return this.get(id);
  }

  async remove(id: string): Promise<MentoringPairEntity> {
    const em = await this.context.manager();
    const pair = await this.get(id);
    if (pair.status !== 'draft') throw new ValidationFailedException('Удалить можно только черновик пары; действующую пару завершите или прекратите досрочно.');
    await em.delete(MentoringPairEntity, { id });
    return pair;
  }

  /** Participants in a draft or active pair of the programme, as mentor or mentee. */
  async openPairMembers(programmeId: string): Promise<{ mentees: Set<string>; activeMenteesByMentor: Map<string, number> }> {
    const em = await this.context.manager();
    const rows: { mentor_id: string; mentee_id: string; status: PairStatus }[] = await em.query(
      `select p.mentor_id, m.mentee_id, p.status from mentoring_pairs p
         join pair_mentees m on m.tenant_id = p.tenant_id and m.pair_id = p.id
        where p.programme_id = $1 and p.status = any($2)`,
      [programmeId, OPEN],
    );
    const activeMenteesByMentor = await this.activeMenteeCounts(em, null);
    return { mentees: new Set(rows.map((r) => r.mentee_id)), activeMenteesByMentor };
  }

  /** The most mentees a mentor may have in active pairs: their mentor-base setting, else the programme's. */
  async capacities(mentorIds: string[], programme: ProgrammeEntity): Promise<Map<string, number>> {
    const entries = mentorIds.length > 0 ? await this.participants.activeBaseEntries(mentorIds, 'mentor') : [];
    const own = new Map(entries.flatMap((e) => (e.maxMentees ? [[e.participantId, e.maxMentees] as const] : [])));
    return new Map(mentorIds.map((id) => [id, own.get(id) ?? programme.mentorCapacity]));
  }

  /** Consents, form rules, one open pair per mentee, capacity; returns the warnings to store. */
  private async checkPeople(em: EntityManager, plan: PairPlan): Promise<string[]> {
    const ids = [plan.mentorId, ...plan.menteeIds];
    if (plan.menteeIds.includes(plan.mentorId)) throw new ValidationFailedException('Один и тот же человек не может быть наставником и наставляемым одной пары (группы).');
    await this.participants.assertEligible(ids, 'pairing');
    const found = await this.participants.findEligible({ ids }, 'pairing');
    // A platform admin sees every school: the persons must belong to the programme's own.
    if (found.some((p) => p.tenantId !== plan.programme.tenantId)) throw new ValidationFailedException('Участники пары должны относиться к организации программы.');
    const people = new Map(found.map((p) => [p.id, p]));
    const mentor = people.get(plan.mentorId) as EligibleParticipant;
    const mentees = plan.menteeIds.map((id) => people.get(id) as EligibleParticipant);
    const onDate = plan.programme.startDate && plan.programme.startDate > today() ? plan.programme.startDate : today();
    const violations = formViolations(plan.form, mentor, mentees, onDate);
    if (violations.length > 0) throw new ValidationFailedException(violations.join(' '));
    await this.ensureMenteesFree(em, plan, mentees);
    const capacity = (await this.capacities([plan.mentorId], plan.programme)).get(plan.mentorId) as number;
    const busy = plan.status === 'active' ? ((await this.activeMenteeCounts(em, plan.pairId)).get(plan.mentorId) ?? 0) : 0;
    if (busy + plan.menteeIds.length > capacity) {
      throw new ValidationFailedException(
        `У наставника ${displayName(mentor)} может быть не больше ${capacity} наставляемых во всех действующих парах и группах: уже ${busy}, в этой — ${plan.menteeIds.length}.`,
      );
    }
    return pairWarnings(plan.form, plan.roleModel?.code ?? null, mentor, mentees, onDate);
  }

  private async ensureMenteesFree(em: EntityManager, plan: PairPlan, mentees: EligibleParticipant[]): Promise<void> {
    const rows: { mentee_id: string }[] = await em.query(
      `select distinct m.mentee_id from pair_mentees m join mentoring_pairs p on p.tenant_id = m.tenant_id and p.id = m.pair_id
        where p.programme_id = $1 and p.status = any($2) and p.id is distinct from $3::uuid and m.mentee_id = any($4::uuid[])`,
      [plan.programme.id, OPEN, plan.pairId, plan.menteeIds],
    );
    if (rows.length === 0) return;
    const taken = new Set(rows.map((r) => r.mentee_id));
    const names = mentees.filter((m) => taken.has(m.id)).map(displayName);
    throw new ValidationFailedException(`Уже в другой паре (группе) этой программы: ${names.join(', ')}.`);
  }

  /** Mentees per mentor over all active pairs of the organisation, without pair `exceptPairId`. */
  private async activeMenteeCounts(em: EntityManager, exceptPairId: string | null): Promise<Map<string, number>> {
    const rows: { mentor_id: string; n: number }[] = await em.query(
      `select p.mentor_id, count(*)::int as n from mentoring_pairs p
         join pair_mentees m on m.tenant_id = p.tenant_id and m.pair_id = p.id
        where p.status = 'active' and p.id is distinct from $1::uuid
        group by p.mentor_id`,
      [exceptPairId],
    );
    return new Map(rows.map((r) => [r.mentor_id, r.n]));
  }

  private async roleModelOf(programme: ProgrammeEntity, form: MentoringFormEntity, roleModelId: string): Promise<RoleModelEntity> {
    const model = await this.refs.active(RoleModelEntity, roleModelId, 'Ролевая модель');
    if (model.formId !== form.id) throw new ValidationFailedException(`Ролевая модель «${model.title}» не относится к форме «${form.title}».`);
    if (programme.roleModelIds.length > 0 && !programme.roleModelIds.includes(model.id)) {
      throw new ValidationFailedException(`Ролевая модель «${model.title}» не выбрана в программе «${programme.title}».`);
    }
    return model;
  }

  private async directionOf(programme: ProgrammeEntity, directionId: string): Promise<string> {
    const direction = await this.refs.active(MentoringDirectionEntity, directionId, 'Направление');
    if (programme.directionIds.length > 0 && !programme.directionIds.includes(direction.id)) {
      throw new ValidationFailedException(`Направление «${direction.shortTitle}» не выбрано в программе «${programme.title}».`);
    }
    return direction.id;
  }

  private async saveMentees(em: EntityManager, pair: Pick<MentoringPairEntity, 'tenantId' | 'id' | 'mentorId'>, menteeIds: string[]): Promise<void> {
    await em.insert(PairMenteeEntity, menteeIds.map((menteeId) => ({ tenantId: pair.tenantId, pairId: pair.id, mentorId: pair.mentorId, menteeId })));
  }

  private async withMentees(em: EntityManager, pairs: MentoringPairEntity[]): Promise<MentoringPairEntity[]> {
    if (pairs.length === 0) return pairs;
    const rows = await em
      .createQueryBuilder(PairMenteeEntity, 'm')
      .where('m.pair_id = any(:ids)', { ids: pairs.map((p) => p.id) })
      .orderBy('m.created_at', 'ASC')
      .addOrderBy('m.mentee_id', 'ASC')
      .getMany();
    for (const pair of pairs) pair.menteeIds = rows.filter((r) => r.pairId === pair.id).map((r) => r.menteeId);
    const names = await this.participants.shortNames(pairs.flatMap((p) => [p.mentorId, ...p.menteeIds]));
    const nameOf = (id: string) => names.get(id) ?? '—';
    for (const pair of pairs) pair.title = `${nameOf(pair.mentorId)} — ${pair.menteeIds.map(nameOf).sort((a, b) => a.localeCompare(b, 'ru')).join(', ') || '—'}`;
    return pairs;
  }

  /**
   * Pairs whose people's names hold every word of `q` (each word in the mentor's or a mentee's
   * name: «Петрова Сидоров» finds Петрова's pair with Сидоров). The names come from the
   * participants lib, in the caller's scope.
   */
  private async filtered(em: EntityManager, filter: MentoringPairFilter) {
    const query = em.createQueryBuilder(MentoringPairEntity, 'p');
    const words = (filter.q ?? '').trim().split(/\s+/).filter((w) => w !== '').slice(0, 5);
    for (const [i, word] of words.entries()) {
      const ids = await this.participants.idsByNameWord(word);
      query.andWhere(
        `(p.mentor_id = any(:who${i}) or exists (select 1 from pair_mentees m where m.tenant_id = p.tenant_id and m.pair_id = p.id and m.mentee_id = any(:who${i})))`,
        { [`who${i}`]: ids },
      );
    }
    if (filter.ids) query.andWhere('p.id = any(:ids)', { ids: filter.ids });
    if (filter.programmeId) query.andWhere('p.programme_id = :programmeId', { programmeId: filter.programmeId });
    if (filter.mentorId) query.andWhere('p.mentor_id = :mentorId', { mentorId: filter.mentorId });
    if (filter.directionId) query.andWhere('p.direction_id = :directionId', { directionId: filter.directionId });
    if (filter.status) query.andWhere('p.status = :status', { status: filter.status });
    if (filter.participantId) {
      query.andWhere(
        `(p.mentor_id = :participantId or exists (select 1 from pair_mentees m where m.tenant_id = p.tenant_id and m.pair_id = p.id and m.mentee_id = :participantId))`,
        { participantId: filter.participantId },
      );
    }
    return query;
  }
}

function unique(ids: string[]): string[] {
  return [...new Set(ids.map((id) => id.toLowerCase()))];
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}
