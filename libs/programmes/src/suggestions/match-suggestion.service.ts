import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { NotFoundException, ValidationFailedException } from '@nastavnik/platform/errors/app.exceptions';
import type { ListArgs } from '@nastavnik/platform/graphql/list-args';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import { ParticipantsService } from '@nastavnik/participants/participants.service';
import type { EntityManager } from 'typeorm';
import { pageOf, sortColumns } from '@nastavnik/platform/graphql/list-query';
import { today } from '../common/validators';
import type { MatchResult } from '../matching/matching.types';
import { defaultWeights } from '../matching/rules';
import { MatchingInputError, suggestPairs } from '../matching/suggest-pairs';
import { MentoringPairService } from '../pairs/mentoring-pair.service';
import { toMatchPerson } from '../pairs/pair-rules';
import { ProgrammeService } from '../programmes/programme.service';
import { MentoringDirectionEntity, MentoringFormEntity, RoleModelEntity } from '../reference/reference.entities';
import { ReferenceService } from '../reference/reference.service';
import { MatchSuggestionEntity, type SuggestPairsResult } from './match-suggestion.entity';
import type { AcceptSuggestionInput, MatchSuggestionFilter } from '../dtos/match-suggestion.inputs';
import { suggestionRules } from './suggestion-rules';

const SORTABLE = sortColumns({ score: 's.score', status: 's.status', createdAt: 's.created_at' });
const ALL = { page: 0, perPage: 500, sortOrder: 'ASC' };

/**
 * Matching suggestions (подбор пар): builds the pool of a programme from the eligible participants
 * of the mentor and mentee bases, asks the matching engine, and keeps its answer as proposals.
 * Accepting a proposal creates a draft pair through the pairs service (with all its checks);
 * rejecting it only records the decision. A new run replaces the proposals still undecided.
 */
@Injectable()
export class MatchSuggestionService {
  constructor(
    private readonly context: TenantContext,
    private readonly programmes: ProgrammeService,
    private readonly pairs: MentoringPairService,
    private readonly refs: ReferenceService,
    private readonly participants: ParticipantsService,
  ) {}

  async list(args: ListArgs, filter: MatchSuggestionFilter = {}): Promise<MatchSuggestionEntity[]> {
    return (await pageOf(this.filtered(await this.context.manager(), filter), args, SORTABLE, 'score')).items;
  }

  async count(filter: MatchSuggestionFilter = {}): Promise<number> {
    return this.filtered(await this.context.manager(), filter).getCount();
  }

  async get(id: string): Promise<MatchSuggestionEntity> {
    const suggestion = await (await this.context.manager()).findOneBy(MatchSuggestionEntity, { id });
    if (!suggestion) throw new NotFoundException('Предложение подбора не найдено.');
    return suggestion;
  }

  async suggest(programmeId: string): Promise<SuggestPairsResult> {
    const em = await this.context.manager();
    const programme = await this.programmes.get(programmeId);
    if (programme.status === 'completed') throw new ValidationFailedException('Программа завершена — подбор пар не проводится.');
    const form = await this.refs.get(MentoringFormEntity, programme.formId);
    const roleModels = await this.refs.list(RoleModelEntity, ALL, { ids: programme.roleModelIds });
    const open = await this.pairs.openPairMembers(programme.id);
    const onDate = programme.startDate && programme.startDate > today() ? programme.startDate : today();

    // The programme's own school only (a platform admin's scope sees every school).
    const ownSchool = (p: { tenantId: string }) => p.tenantId === programme.tenantId;
    const mentorPool = (await this.participants.findEligible({ base: 'mentor' }, 'pairing')).filter((p) => ownSchool(p) && form.mentorKinds.includes(p.kind));
    const capacities = await this.pairs.capacities(mentorPool.map((m) => m.id), programme);
    const mentors = mentorPool
      .map((p) => ({ ...toMatchPerson(p, onDate), capacity: Math.max(0, (capacities.get(p.id) ?? 0) - (open.activeMenteesByMentor.get(p.id) ?? 0)) }))
      .filter((m) => m.capacity > 0);
    const mentees = (await this.participants.findEligible({ base: 'mentee' }, 'pairing'))
      .filter((p) => ownSchool(p) && form.menteeKinds.includes(p.kind) && !open.mentees.has(p.id))
      .map((p) => toMatchPerson(p, onDate));

    let result: MatchResult;
    try {
      result = suggestPairs({ mentors, mentees, rules: suggestionRules(form, roleModels.map((r) => r.code)), weights: defaultWeights });
    } catch (error) {
      if (error instanceof MatchingInputError) throw new ValidationFailedException(error.message);
      throw error;
    }

    const runId = randomUUID();
    await em.delete(MatchSuggestionEntity, { programmeId: programme.id, status: 'proposed' });
    const rows = result.pairs.map((pair) => em.create(MatchSuggestionEntity, {
      tenantId: programme.tenantId,
      programmeId: programme.id,
      runId,
      mentorId: pair.mentorId,
      menteeId: pair.menteeId,
      score: pair.score,
      explanation: pair.explanation.slice(0, 4000),
      components: pair.components.map((c) => ({ criterion: c.criterion, points: c.points, explanation: c.explanation })),
      status: 'proposed',
      pairId: null,
      decidedAt: null,
    }));
    if (rows.length > 0) await em.insert(MatchSuggestionEntity, rows);
    const suggestions = await em.find(MatchSuggestionEntity, { where: { runId }, order: { score: 'DESC', id: 'ASC' } });
    return {
      runId,
      algorithm: result.algorithm,
      totalScore: result.totalScore,
      suggestions,
      unmatched: result.unmatched,
      poolSummary: `Наставников со свободными местами: ${mentors.length}; наставляемых без пары: ${mentees.length}; предложено пар: ${suggestions.length}.`,
    };
  }

  async accept(id: string, input: AcceptSuggestionInput = {}): Promise<MatchSuggestionEntity> {
    const em = await this.context.manager();
    const suggestion = await this.proposed(id);
    const programme = await this.programmes.get(suggestion.programmeId);
    const pair = await this.pairs.create({
      programmeId: programme.id,
      mentorId: suggestion.mentorId,
      menteeIds: [suggestion.menteeId],
      roleModelId: input.roleModelId ?? (programme.roleModelIds.length === 1 ? programme.roleModelIds[0] : null),
      directionId: input.directionId ?? (await this.commonDirection(suggestion, programme.directionIds)),
      formationMethod: 'suggestion',
    });
    await em.update(MatchSuggestionEntity, { id }, { status: 'accepted', pairId: pair.id, decidedAt: new Date() });
    return this.get(id);
  }

  async reject(id: string): Promise<MatchSuggestionEntity> {
    await this.proposed(id);
    await (await this.context.manager()).update(MatchSuggestionEntity, { id }, { status: 'rejected', decidedAt: new Date() });
    return this.get(id);
  }

  private async proposed(id: string): Promise<MatchSuggestionEntity> {
    const suggestion = await this.get(id);
    if (suggestion.status !== 'proposed') {
      throw new ValidationFailedException(`Решение по предложению уже принято: ${suggestion.status === 'accepted' ? 'оно принято' : 'оно отклонено'}.`);
    }
    return suggestion;
  }

  /** The first direction both persons name (else the mentee's first), among the programme's if it lists any. */
  private async commonDirection(suggestion: MatchSuggestionEntity, allowedIds: string[]): Promise<string | null> {
    const people = await this.participants.findEligible({ ids: [suggestion.mentorId, suggestion.menteeId] }, 'pairing');
    const mentor = people.find((p) => p.id === suggestion.mentorId);
    const mentee = people.find((p) => p.id === suggestion.menteeId);
    if (!mentee) return null;
    const codes = [...mentee.directions.filter((d) => mentor?.directions.includes(d)), ...mentee.directions];
    if (codes.length === 0) return null;
    const directions = await this.refs.list(MentoringDirectionEntity, ALL, { codes, isActive: true });
    const usable = directions.filter((d) => allowedIds.length === 0 || allowedIds.includes(d.id));
    const byCode = new Map(usable.map((d) => [d.code, d.id]));
    return codes.map((code) => byCode.get(code)).find((id) => id !== undefined) ?? null;
  }

  /** Undecided proposals whose mentor or mentee lost the consent to pairing are not shown (decided ones stay as history). */
  private filtered(em: EntityManager, filter: MatchSuggestionFilter) {
    // participant_eligibility: the participants lib's read model of its consent rule (its read-models.ts).
    const eligible = (column: string) => `exists (select 1 from participant_eligibility e where e.tenant_id = s.tenant_id and e.participant_id = s.${column} and e.purpose = :purpose)`;
    const query = em
      .createQueryBuilder(MatchSuggestionEntity, 's')
      .where(`(s.status <> 'proposed' or (${eligible('mentor_id')} and ${eligible('mentee_id')}))`, { purpose: 'pairing' });
    if (filter.ids) query.andWhere('s.id = any(:ids)', { ids: filter.ids });
    if (filter.programmeId) query.andWhere('s.programme_id = :programmeId', { programmeId: filter.programmeId });
    if (filter.runId) query.andWhere('s.run_id = :runId', { runId: filter.runId });
    if (filter.status) query.andWhere('s.status = :status', { status: filter.status });
    if (filter.participantId) query.andWhere('(s.mentor_id = :pid or s.mentee_id = :pid)', { pid: filter.participantId });
    return query;
  }
}
