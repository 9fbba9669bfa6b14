import { Args, ArgsType, Field, ID, Mutation, ObjectType, Resolver } from '@nestjs/graphql';
import { Roles } from '@nastavnik/platform/auth/auth.decorators';
import { crudResolver } from '@nastavnik/platform/graphql/crud-resolver';
import { EnumField, IdField, TextField } from '@nastavnik/platform/graphql/input-fields';
import { UuidPipe } from '@nastavnik/platform/graphql/uuid.pipe';
import { Journaled } from '@nastavnik/platform/personal-data/journal';
import { CompetitionResult } from './completion.codes';
import { CompetitionEntryEntity, MentorCompetitionEntity, MentorNominationEntity, PracticeCaseEntity } from './completion.entities';
import {
  CompetitionEntryListArgs, CreateMentorCompetitionInput, CreateMentorNominationInput, CreatePracticeCaseInput, MentorCompetitionListArgs, MentorNominationListArgs,
  PracticeCaseListArgs, UpdateMentorCompetitionInput, UpdateMentorNominationInput, UpdatePracticeCaseInput,
} from './completion.inputs';
import { MentorCompetitionService } from './competition.service';
import { MentorNominationService } from './nomination.service';
import { PracticeCaseService } from './practice-case.service';

const CURATORS = ['curator', 'platform-admin'] as const;

@ObjectType('LetterOfThanksFile', { description: 'Благодарственное письмо наставнику (PDF)' })
export class LetterOfThanksFile {
  @Field({ description: 'Имя файла' }) fileName!: string;
  @Field({ description: 'Тип содержимого' }) contentType!: string;
  @Field({ description: 'Содержимое файла, base64' }) content!: string;
}

@ArgsType()
export class EnterCompetitionArgs {
  @IdField('Конкурс') competitionId!: string;
  @IdField('Выдвижение') nominationId!: string;
}

@ArgsType()
export class CompetitionResultArgs {
  @IdField('Заявка') id!: string;
  @EnumField(CompetitionResult, 'Итог: победитель, призёр или участник.', { nullable: true }) result?: CompetitionResult | null;
}

@ArgsType()
export class ReturnPracticeCaseArgs {
  @IdField('Кейс') id!: string;
  @TextField('Комментарий', 3, 2000) comment!: string;
}

/** A school's nominations of its mentors: the curator's (personal data, journaled by the CRUD factory). */
@Resolver(() => MentorNominationEntity)
export class MentorNominationResolver extends crudResolver({
  entity: MentorNominationEntity,
  names: { many: 'MentorNominations', one: 'MentorNomination' },
  listArgs: MentorNominationListArgs,
  create: CreateMentorNominationInput,
  update: UpdateMentorNominationInput,
  delete: true,
  roles: { read: CURATORS, write: ['curator'] },
  descriptions: { list: 'Выдвижения наставников на поощрение (номинации с обоснованием)' },
  service: MentorNominationService,
}) {
  @Roles('curator', 'platform-admin')
  @Mutation(() => LetterOfThanksFile, { description: 'Благодарственное письмо выдвинутому наставнику (PDF)' })
  @Journaled({ entity: 'MentorNomination', action: 'read', operation: 'mentorLetterOfThanks', records: (result) => (result as { nomination: MentorNominationEntity }).nomination })
  mentorLetterOfThanks(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<LetterOfThanksFile> {
    // The file, with the nomination beside it for the journal (not a field of the GraphQL type).
    return this.service.letter(id);
  }
}

/** The region's competitions: run by its analysts, read by the curators of its schools. No personal data. */
@Resolver(() => MentorCompetitionEntity)
export class MentorCompetitionResolver extends crudResolver({
  entity: MentorCompetitionEntity,
  names: { many: 'MentorCompetitions', one: 'MentorCompetition' },
  listArgs: MentorCompetitionListArgs,
  create: CreateMentorCompetitionInput,
  update: UpdateMentorCompetitionInput,
  delete: true,
  roles: { read: ['region-analyst', 'ministry-official', 'curator', 'platform-admin'], write: ['region-analyst'] },
  descriptions: { list: 'Конкурсы наставников региона' },
  service: MentorCompetitionService,
}) {}

/** Entries: the school's curator enters and withdraws, the region's analyst reads and records results. */
@Resolver(() => CompetitionEntryEntity)
export class CompetitionEntryResolver extends crudResolver({
  entity: CompetitionEntryEntity,
  names: { many: 'CompetitionEntries', one: 'CompetitionEntry' },
  listArgs: CompetitionEntryListArgs,
  roles: { read: ['curator', 'region-analyst', 'platform-admin'] },
  descriptions: { list: 'Заявки школ на конкурсы наставников' },
  service: MentorCompetitionService,
  operations: (competitions) => ({
    list: (args, filter) => competitions.listEntries(args, filter),
    count: (filter) => competitions.countEntries(filter),
    get: (id) => competitions.getEntry(id),
  }),
}) {
  @Roles('curator')
  @Mutation(() => CompetitionEntryEntity, { description: 'Подать выдвижение школы на конкурс (регион увидит ФИО, номинацию и обоснование)' })
  @Journaled({ entity: 'CompetitionEntry', action: 'create', operation: 'enterMentorCompetition' })
  enterMentorCompetition(@Args() args: EnterCompetitionArgs): Promise<CompetitionEntryEntity> {
    return this.service.enter(args.competitionId.toLowerCase(), args.nominationId.toLowerCase());
  }

  @Roles('curator')
  @Mutation(() => CompetitionEntryEntity, { description: 'Отозвать заявку школы (пока конкурс принимает заявки и итог не подведён)' })
  @Journaled({ entity: 'CompetitionEntry', action: 'delete', operation: 'withdrawCompetitionEntry' })
  withdrawCompetitionEntry(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<CompetitionEntryEntity> {
    return this.service.withdraw(id);
  }

  @Roles('region-analyst')
  @Mutation(() => CompetitionEntryEntity, { description: 'Итог по заявке: победитель, призёр, участник (пусто — снять итог)' })
  @Journaled({ entity: 'CompetitionEntry', action: 'update', operation: 'setCompetitionResult', fields: [] })
  setCompetitionResult(@Args() args: CompetitionResultArgs): Promise<CompetitionEntryEntity> {
    return this.service.setResult(args.id.toLowerCase(), args.result ?? null);
  }
}

/** The bank of practices: curators write and read, the region's analysts moderate. No personal data (docs/adr/0036). */
@Resolver(() => PracticeCaseEntity)
export class PracticeCaseResolver extends crudResolver({
  entity: PracticeCaseEntity,
  names: { many: 'PracticeCases', one: 'PracticeCase' },
  listArgs: PracticeCaseListArgs,
  create: CreatePracticeCaseInput,
  update: UpdatePracticeCaseInput,
  delete: true,
  roles: { read: ['curator', 'region-analyst', 'ministry-official', 'platform-admin'], write: ['curator'] },
  descriptions: { list: 'Банк практик: свои кейсы школы и опубликованные кейсы школ региона' },
  service: PracticeCaseService,
}) {
  @Roles('curator')
  @Mutation(() => PracticeCaseEntity, { description: 'Отправить кейс на модерацию в региональный центр' })
  submitPracticeCase(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<PracticeCaseEntity> {
    return this.service.submit(id);
  }

  @Roles('region-analyst')
  @Mutation(() => PracticeCaseEntity, { description: 'Опубликовать кейс в банке практик региона' })
  publishPracticeCase(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<PracticeCaseEntity> {
    return this.service.publish(id);
  }

  @Roles('region-analyst')
  @Mutation(() => PracticeCaseEntity, { description: 'Вернуть кейс школе на доработку с комментарием' })
  returnPracticeCase(@Args() args: ReturnPracticeCaseArgs): Promise<PracticeCaseEntity> {
    return this.service.returnCase(args.id.toLowerCase(), args.comment);
  }
}

export const COMPLETION_RESOLVERS = [MentorNominationResolver, MentorCompetitionResolver, CompetitionEntryResolver, PracticeCaseResolver];
