import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ParticipantsCoreModule } from '@nastavnik/participants/participants.module';
import { TenantsCoreModule } from '@nastavnik/tenants/tenants.module';
import { TenantOwnership } from './common/tenant-ownership';
import { CompetitionEntryEntity, MentorCompetitionEntity, MentorNominationEntity, PracticeCaseEntity } from './completion/completion.entities';
import { COMPLETION_RESOLVERS } from './completion/completion.resolvers';
import { MentorCompetitionService } from './completion/competition.service';
import { MentorNominationService } from './completion/nomination.service';
import { PracticeCaseService } from './completion/practice-case.service';
import { MeetingEntity } from './meetings/meeting.entity';
import { MeetingResolver } from './meetings/meeting.resolver';
import { MeetingService } from './meetings/meeting.service';
import { OrderDocumentEntity } from './orders/order-document.entity';
import { OrderDocumentResolver } from './orders/order-document.resolver';
import { OrderDocumentService } from './orders/order-document.service';
import { MentoringPairEntity, PairMenteeEntity } from './pairs/mentoring-pair.entity';
import { MentoringPairResolver } from './pairs/mentoring-pair.resolver';
import { MentoringPairService } from './pairs/mentoring-pair.service';
import { PersonalisedProgrammeEntity, PlanTaskEntity } from './plans/personalised-programme.entity';
import { PersonalisedProgrammeResolver, PlanTaskResolver } from './plans/plan.resolver';
import { PlanService } from './plans/plan.service';
import { ProgrammeEntity } from './programmes/programme.entity';
import { ProgrammeResolver } from './programmes/programme.resolver';
import { ProgrammeService } from './programmes/programme.service';
import { REFERENCE_ENTITIES } from './reference/reference.entities';
import { REFERENCE_RESOLVERS } from './reference/reference.resolvers';
import { ReferenceService } from './reference/reference.service';
import { RoadmapEntity, RoadmapItemEntity } from './roadmaps/roadmap.entity';
import { RoadmapItemResolver, RoadmapResolver } from './roadmaps/roadmap.resolver';
import { RoadmapService } from './roadmaps/roadmap.service';
import { MatchSuggestionEntity } from './suggestions/match-suggestion.entity';
import { MatchSuggestionResolver } from './suggestions/match-suggestion.resolver';
import { MatchSuggestionService } from './suggestions/match-suggestion.service';
import './personal-data'; // declares this lib's personal-data fields (issue 14)

const ENTITIES = [
  ...REFERENCE_ENTITIES,
  OrderDocumentEntity,
  ProgrammeEntity,
  RoadmapEntity,
  RoadmapItemEntity,
  MentoringPairEntity,
  PairMenteeEntity,
  MatchSuggestionEntity,
  PersonalisedProgrammeEntity,
  PlanTaskEntity,
  MeetingEntity,
  MentorNominationEntity,
  MentorCompetitionEntity,
  CompetitionEntryEntity,
  PracticeCaseEntity,
];

const SERVICES = [ReferenceService, OrderDocumentService, ProgrammeService, RoadmapService, MentoringPairService, MatchSuggestionService, PlanService, MeetingService, MentorNominationService, MentorCompetitionService, PracticeCaseService];

/**
 * Services and entities of the programmes lib (api and worker): reference data of the target
 * model, orders, programmes, roadmaps, pairs and groups, matching suggestions, personalised
 * programmes with their plans, meetings.
 */
@Module({
  imports: [TypeOrmModule.forFeature(ENTITIES), TenantsCoreModule, ParticipantsCoreModule],
  providers: [TenantOwnership, ...SERVICES],
  exports: SERVICES,
})
export class ProgrammesCoreModule {}

/** The GraphQL surface of the programmes lib (api only). */
@Module({
  imports: [ProgrammesCoreModule],
  providers: [
    ...REFERENCE_RESOLVERS,
    OrderDocumentResolver,
    ProgrammeResolver,
    RoadmapResolver,
    RoadmapItemResolver,
    MentoringPairResolver,
    MatchSuggestionResolver,
    PersonalisedProgrammeResolver,
    PlanTaskResolver,
    MeetingResolver,
    ...COMPLETION_RESOLVERS,
  ],
})
export class ProgrammesApiModule {}
