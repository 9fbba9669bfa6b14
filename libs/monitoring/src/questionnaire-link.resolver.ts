import { Resolver } from '@nestjs/graphql';
import { crudResolver } from '@nastavnik/platform/graphql/crud-resolver';
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
}) {}
