import { Module } from '@nestjs/common';

/** Questionnaires (анкеты), one-time links and the effectiveness scorecard: services and entities. */
@Module({})
export class QuestionnairesCoreModule {}

/** Their GraphQL surface and the public one-time-link routes (api only). */
@Module({ imports: [QuestionnairesCoreModule] })
export class QuestionnairesApiModule {}
