import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ParticipantsCoreModule } from '@nastavnik/participants/participants.module';
import { ProgrammesCoreModule } from '@nastavnik/programmes/programmes.module';
import { NotificationsCoreModule } from '@nastavnik/notifications/notifications.module';
import { UnansweredLinks } from '@nastavnik/notifications/unanswered-links';
import { TenantsCoreModule } from '@nastavnik/tenants/tenants.module';
import { QuestionnaireOwnership } from './questionnaire-common';
import { QuestionnaireLinkEntity } from './questionnaire-link.entity';
import { QuestionnaireLinkResolver } from './questionnaire-link.resolver';
import { QuestionnaireLinkService } from './questionnaire-link.service';
import { QuestionnaireQuestionEntity } from './questionnaire-question.entity';
import { QuestionnaireAnswerEntity, QuestionnaireResponseEntity } from './questionnaire-response.entity';
import { QuestionnaireResponseResolver } from './questionnaire-response.resolver';
import { QuestionnaireResponseService } from './questionnaire-response.service';
import { QuestionnaireTemplateEntity } from './questionnaire-template.entity';
import { QuestionnaireQuestionResolver, QuestionnaireTemplateResolver } from './questionnaire-template.resolver';
import { QuestionnaireTemplateService } from './questionnaire-template.service';
import { OutcomesApiModule } from './outcomes/outcomes.module';
import { RespondentController } from './respondent.controller';
import { RespondentService } from './respondent.service';
import { ProgrammeScorecardEntity } from './scorecard.entity';
import { ScorecardResolver } from './scorecard.resolver';
import { ScorecardService } from './scorecard.service';
import './personal-data'; // declares this lib's personal-data fields (issue 14)

/** Questionnaires (анкеты), one-time links and the effectiveness scorecard: services and entities. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      QuestionnaireTemplateEntity, QuestionnaireQuestionEntity, QuestionnaireResponseEntity, QuestionnaireAnswerEntity, QuestionnaireLinkEntity, ProgrammeScorecardEntity,
    ]),
    TenantsCoreModule,
    ParticipantsCoreModule,
    ProgrammesCoreModule,
    NotificationsCoreModule,
  ],
  providers: [
    QuestionnaireOwnership, QuestionnaireTemplateService, QuestionnaireResponseService, QuestionnaireLinkService, ScorecardService, RespondentService,
    // The notifications lib's reminder run reads the open links through its port (docs/adr/0038).
    { provide: UnansweredLinks, useExisting: QuestionnaireLinkService },
  ],
  exports: [QuestionnaireTemplateService, QuestionnaireResponseService, QuestionnaireLinkService, ScorecardService, RespondentService],
})
export class QuestionnairesCoreModule {}

/** Their GraphQL surface and the public one-time-link routes (api only); the outcomes' (before/after, response rates) beside them. */
@Module({
  imports: [QuestionnairesCoreModule, OutcomesApiModule],
  providers: [QuestionnaireTemplateResolver, QuestionnaireQuestionResolver, QuestionnaireResponseResolver, QuestionnaireLinkResolver, ScorecardResolver],
  controllers: [RespondentController],
})
export class QuestionnairesApiModule {}
