import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { todayIso } from '@nastavnik/platform/calendar';
import { NotFoundException, ValidationFailedException } from '@nastavnik/platform/errors/app.exceptions';
import type { ListArgs } from '@nastavnik/platform/graphql/list-args';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import type { EntityManager } from 'typeorm';
import { containsPattern, pageOf, sortColumns } from '@nastavnik/platform/graphql/list-query';
import type { MentoringPairEntity } from '../pairs/mentoring-pair.entity';
import { MentoringPairService } from '../pairs/mentoring-pair.service';
import type { ProgrammeEntity } from '../programmes/programme.entity';
import { ProgrammeService } from '../programmes/programme.service';
import { MeetingTypeEntity, MentoringDirectionEntity } from '../reference/reference.entities';
import { ReferenceService } from '../reference/reference.service';
import { MeetingEntity } from './meeting.entity';
import { type MeetingPlanned, MeetingPlannedListener } from './meeting-events';
import type { CreateMeetingInput, MeetingFilter, UpdateMeetingInput } from '../dtos/meeting.inputs';

const SORTABLE = sortColumns({ heldOn: 'm.held_on', durationMinutes: 'm.duration_minutes', createdAt: 'm.created_at' });

/**
 * Meetings (встречи) of pairs and groups, and of the whole programme. A pair meets once it is
 * fixed (not as a draft) and not before its start; those present are its mentor and mentees
 * (for a programme meeting: members of the programme's pairs).
 */
@Injectable()
export class MeetingService {
  constructor(
    private readonly context: TenantContext,
    private readonly programmes: ProgrammeService,
    private readonly pairs: MentoringPairService,
    private readonly refs: ReferenceService,
    private readonly moduleRef: ModuleRef,
  ) {}

  async list(args: ListArgs, filter: MeetingFilter = {}): Promise<MeetingEntity[]> {
    return (await pageOf(this.filtered(await this.context.manager(), filter), args, SORTABLE, 'heldOn')).items;
  }

  async count(filter: MeetingFilter = {}): Promise<number> {
    return this.filtered(await this.context.manager(), filter).getCount();
  }

  async get(id: string): Promise<MeetingEntity> {
    const meeting = await (await this.context.manager()).findOneBy(MeetingEntity, { id });
    if (!meeting) throw new NotFoundException('Встреча не найдена.');
    return meeting;
  }

  async create(input: CreateMeetingInput): Promise<MeetingEntity> {
    const em = await this.context.manager();
    const type = await this.refs.active(MeetingTypeEntity, input.meetingTypeId, 'Вид встречи');
    let pair: MentoringPairEntity | null = null;
    let programme: ProgrammeEntity;
    if (type.scope === 'pair') {
      if (!input.pairId) throw new ValidationFailedException(`«${type.title}» — встреча пары (группы): укажите пару.`);
      pair = await this.pairs.referenced(input.pairId);
      programme = await this.programmes.get(pair.programmeId);
      if (input.programmeId && input.programmeId !== programme.id) throw new ValidationFailedException('Пара не относится к указанной программе.');
    } else {
      if (input.pairId) throw new ValidationFailedException(`«${type.title}» — встреча всех участников программы: пару не указывают.`);
      if (!input.programmeId) throw new ValidationFailedException(`«${type.title}» — встреча всех участников программы: укажите программу.`);
      programme = await this.programmes.referenced(input.programmeId);
    }
    this.checkDate(pair, programme, input.heldOn);
    const attendeeIds = input.attendeeIds ? unique(input.attendeeIds) : pair ? [pair.mentorId, ...pair.menteeIds] : [];
    await this.checkAttendees(em, pair, programme, attendeeIds);
    const saved = await em.save(em.create(MeetingEntity, {
      tenantId: programme.tenantId,
      programmeId: programme.id,
      pairId: pair?.id ?? null,
      meetingTypeId: type.id,
      directionId: input.directionId ? (await this.refs.active(MentoringDirectionEntity, input.directionId, 'Направление')).id : (pair?.directionId ?? null),
      heldOn: input.heldOn,
      durationMinutes: input.durationMinutes ?? null,
      topic: input.topic?.trim() || null,
      notes: input.notes?.trim() || null,
      attendeeIds,
    }));
    const meeting = await this.get(saved.id);
    await this.announce(meeting, programme, type.title, 0);
    return meeting;
  }

  async update(id: string, input: UpdateMeetingInput): Promise<MeetingEntity> {
    const em = await this.context.manager();
    const meeting = await this.get(id);
    const pair = meeting.pairId ? await this.pairs.get(meeting.pairId) : null;
    const programme = await this.programmes.get(meeting.programmeId);
    const changes: Partial<MeetingEntity> = {};
    if (input.meetingTypeId !== undefined && input.meetingTypeId !== meeting.meetingTypeId) {
      const type = await this.refs.active(MeetingTypeEntity, input.meetingTypeId, 'Вид встречи');
      if ((type.scope === 'pair') !== (pair !== null)) {
        throw new ValidationFailedException(`«${type.title}» — ${type.scope === 'pair' ? 'встреча пары (группы)' : 'встреча всех участников программы'}; вид встречи этой записи так не изменить.`);
      }
      changes.meetingTypeId = type.id;
    }
    if (input.directionId !== undefined) {
      changes.directionId = input.directionId ? (await this.refs.active(MentoringDirectionEntity, input.directionId, 'Направление')).id : null;
    }
    if (input.heldOn !== undefined) {
      this.checkDate(pair, programme, input.heldOn);
      changes.heldOn = input.heldOn;
    }
    if (input.durationMinutes !== undefined) changes.durationMinutes = input.durationMinutes;
    if (input.topic !== undefined) changes.topic = input.topic?.trim() || null;
    if (input.notes !== undefined) changes.notes = input.notes?.trim() || null;
    if (input.attendeeIds !== undefined) {
      changes.attendeeIds = unique(input.attendeeIds ?? []);
      await this.checkAttendees(em, pair, programme, changes.attendeeIds);
    }
    if (Object.keys(changes).length > 0) await em.update(MeetingEntity, { id }, changes);
    const updated = await this.get(id);
    if (changes.heldOn !== undefined && changes.heldOn !== meeting.heldOn) {
      const type = await em.findOneBy(MeetingTypeEntity, { id: updated.meetingTypeId });
      // The date moved: a new revision of the same invitation (same UID, higher SEQUENCE).
      await this.announce(updated, programme, type?.title ?? 'Встреча', Math.floor(Date.now() / 1000));
    }
    return updated;
  }

  /** A meeting today or later is planned: the listeners (the notifications lib's invitation) hear it in this transaction. */
  private async announce(meeting: MeetingEntity, programme: ProgrammeEntity, typeTitle: string, sequence: number): Promise<void> {
    if (String(meeting.heldOn) < todayIso() || meeting.attendeeIds.length === 0) return;
    let listener: MeetingPlannedListener;
    try {
      listener = this.moduleRef.get(MeetingPlannedListener, { strict: false });
    } catch {
      return; // no lib listens in this application
    }
    const event: MeetingPlanned = {
      tenantId: meeting.tenantId,
      meetingId: meeting.id,
      programmeId: programme.id,
      programmeTitle: programme.title,
      pairId: meeting.pairId,
      heldOn: String(meeting.heldOn),
      durationMinutes: meeting.durationMinutes,
      typeTitle,
      topic: meeting.topic,
      attendeeIds: meeting.attendeeIds,
      sequence,
    };
    await listener.meetingPlanned(event);
  }

  async remove(id: string): Promise<MeetingEntity> {
    const meeting = await this.get(id);
    await (await this.context.manager()).delete(MeetingEntity, { id });
    return meeting;
  }

  private checkDate(pair: MentoringPairEntity | null, programme: ProgrammeEntity, heldOn: string): void {
    if (!pair) {
      if (programme.status === 'draft') throw new ValidationFailedException('Программа ещё черновик — встречи её участников проводятся после начала реализации.');
      return;
    }
    if (pair.status === 'draft' || !pair.startDate) throw new ValidationFailedException('Встречи пары (группы) отмечаются после её закрепления (состояние «Действует»).');
    if (heldOn < pair.startDate) throw new ValidationFailedException(`Дата встречи (${heldOn}) раньше начала работы пары (${pair.startDate}).`);
    if (pair.endDate && heldOn > pair.endDate) throw new ValidationFailedException(`Дата встречи (${heldOn}) позже окончания работы пары (${pair.endDate}).`);
  }

  private async checkAttendees(em: EntityManager, pair: MentoringPairEntity | null, programme: ProgrammeEntity, attendeeIds: string[]): Promise<void> {
    if (attendeeIds.length === 0) return;
    let members: Set<string>;
    if (pair) {
      members = new Set([pair.mentorId, ...pair.menteeIds]);
    } else {
      const rows: { id: string }[] = await em.query(
        `select p.mentor_id as id from mentoring_pairs p where p.programme_id = $1
         union select m.mentee_id from pair_mentees m join mentoring_pairs p on p.tenant_id = m.tenant_id and p.id = m.pair_id where p.programme_id = $1`,
        [programme.id],
      );
      members = new Set(rows.map((r) => r.id));
    }
    const strangers = attendeeIds.filter((id) => !members.has(id));
    if (strangers.length > 0) {
      throw new ValidationFailedException(pair ? 'Присутствовать могут только наставник и наставляемые этой пары (группы).' : 'Присутствовать могут только участники пар и групп этой программы.');
    }
  }

  private filtered(em: EntityManager, filter: MeetingFilter) {
    const query = em.createQueryBuilder(MeetingEntity, 'm');
    if (filter.ids) query.andWhere('m.id = any(:ids)', { ids: filter.ids });
    if (filter.programmeId) query.andWhere('m.programme_id = :programmeId', { programmeId: filter.programmeId });
    if (filter.pairId) query.andWhere('m.pair_id = :pairId', { pairId: filter.pairId });
    if (filter.meetingTypeId) query.andWhere('m.meeting_type_id = :typeId', { typeId: filter.meetingTypeId });
    if (filter.directionId) query.andWhere('m.direction_id = :directionId', { directionId: filter.directionId });
    if (filter.heldFrom) query.andWhere('m.held_on >= :from', { from: filter.heldFrom });
    if (filter.heldTo) query.andWhere('m.held_on <= :to', { to: filter.heldTo });
    if (filter.q?.trim()) query.andWhere('(m.topic ilike :q or m.notes ilike :q)', { q: containsPattern(filter.q) });
    return query;
  }
}

function unique(ids: string[]): string[] {
  return [...new Set(ids.map((id) => id.toLowerCase()))];
}
