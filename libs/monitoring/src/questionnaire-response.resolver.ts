import { Resolver } from '@nestjs/graphql';
import { crudResolver } from '@nastavnik/platform/graphql/crud-resolver';
import { CreateQuestionnaireResponseInput, QuestionnaireResponseListArgs, UpdateQuestionnaireResponseInput } from './dtos/questionnaire.inputs';
import { QuestionnaireResponseEntity } from './questionnaire-response.entity';
import { QuestionnaireResponseService } from './questionnaire-response.service';

/** Personal data: the school's curator and the platform admin only. */
const ROLES = ['curator', 'platform-admin'] as const;

@Resolver(() => QuestionnaireResponseEntity)
export class QuestionnaireResponseResolver extends crudResolver({
  entity: QuestionnaireResponseEntity,
  names: { many: 'QuestionnaireResponses', one: 'QuestionnaireResponse' },
  listArgs: QuestionnaireResponseListArgs,
  create: CreateQuestionnaireResponseInput,
  update: UpdateQuestionnaireResponseInput,
  delete: true,
  roles: { read: ROLES, write: ROLES },
  descriptions: { create: 'Вносит ответы участника (участник должен дать согласие на анкетирование)' },
  service: QuestionnaireResponseService,
}) {}
