import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Roles } from '@nastavnik/platform/auth/auth.decorators';
import { crudResolver } from '@nastavnik/platform/graphql/crud-resolver';
import { Journaled } from '@nastavnik/platform/personal-data/journal';
import { IssueProgrammeLinksInput, ProgrammeLinksResult } from './dtos/programme-links.inputs';
import { CreateQuestionnaireLinkInput, QuestionnaireLinkListArgs } from './dtos/questionnaire.inputs';
import { QuestionnaireLinkEntity } from './questionnaire-link.entity';
import { QuestionnaireLinkService } from './questionnaire-link.service';

/** Personal data: the school's curator and the platform admin only. */
const ROLES = ['curator', 'platform-admin'] as const;

/** A link is issued and revoked, never edited. */
@Resolver(() => QuestionnaireLinkEntity)
export class QuestionnaireLinkResolver extends crudResolver({
  entity: QuestionnaireLinkEntity,
  names: { many: 'QuestionnaireLinks', one: 'QuestionnaireLink' },
  listArgs: QuestionnaireLinkListArgs,
  create: CreateQuestionnaireLinkInput,
  delete: true,
  roles: { read: ROLES, write: ROLES },
  descriptions: {
    create: 'Выдаёт персональную одноразовую ссылку; её адрес (path) показывается только в этом ответе',
    delete: 'Отзывает неиспользованную ссылку',
  },
  service: QuestionnaireLinkService,
}) {
  @Roles(...ROLES)
  @Mutation(() => ProgrammeLinksResult, { description: 'Выдаёт ссылки на анкету всем участникам программы, которым её можно отправить письмом (issue 17)' })
  @Journaled({
    entity: 'QuestionnaireLink',
    action: 'create',
    operation: 'issueProgrammeQuestionnaireLinks',
    records: (result) => ((result as ProgrammeLinksResult).linkIds ?? []).map((id) => ({ id, tenantId: (result as ProgrammeLinksResult).tenantId })),
  })
  issueProgrammeQuestionnaireLinks(@Args('input', { type: () => IssueProgrammeLinksInput }) input: IssueProgrammeLinksInput): Promise<ProgrammeLinksResult> {
    return this.service.issueForProgramme(input);
  }
}
