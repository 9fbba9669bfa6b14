import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Roles } from '@nastavnik/platform/auth/auth.decorators';
import { crudResolver } from '@nastavnik/platform/graphql/crud-resolver';
import { UuidPipe } from '@nastavnik/platform/graphql/uuid.pipe';
import {
  CopyQuestionnaireTemplateInput, CreateQuestionnaireQuestionInput, CreateQuestionnaireTemplateInput, QuestionnaireQuestionListArgs,
  QuestionnaireTemplateListArgs, UpdateQuestionnaireQuestionInput, UpdateQuestionnaireTemplateInput,
} from './dtos/questionnaire.inputs';
import { QuestionnaireQuestionEntity } from './questionnaire-question.entity';
import { QuestionnaireTemplateEntity } from './questionnaire-template.entity';
import { QuestionnaireTemplateService } from './questionnaire-template.service';

/** Templates are not personal data: the defaults are read by every signed-in role, a school's own by its curator. */
const READERS = ['platform-admin', 'ministry-official', 'region-analyst', 'curator'] as const;
const EDITORS = ['curator', 'platform-admin'] as const;

@Resolver(() => QuestionnaireTemplateEntity)
export class QuestionnaireTemplateResolver extends crudResolver({
  entity: QuestionnaireTemplateEntity,
  names: { many: 'QuestionnaireTemplates', one: 'QuestionnaireTemplate' },
  listArgs: QuestionnaireTemplateListArgs,
  create: CreateQuestionnaireTemplateInput,
  update: UpdateQuestionnaireTemplateInput,
  delete: true,
  roles: { read: READERS, write: EDITORS },
  descriptions: {
    list: 'Анкеты: по умолчанию и своей организации (по умолчанию — актуальные версии)',
    update: 'Возвращает изменённую версию; если на анкету уже отвечали — новую (с новым id)',
    delete: 'Удаляет анкету со всеми версиями, если на неё не отвечали и ссылок не выдавали',
  },
  service: QuestionnaireTemplateService,
}) {
  @Roles(...EDITORS)
  @Mutation(() => QuestionnaireTemplateEntity, { description: 'Копирует анкету (обычно — анкету по умолчанию) в свою организацию' })
  copyQuestionnaireTemplate(
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @Args('input', { type: () => CopyQuestionnaireTemplateInput, nullable: true }) input?: CopyQuestionnaireTemplateInput,
  ): Promise<QuestionnaireTemplateEntity> {
    return this.service.copy(id, input ?? {});
  }
}

/** A template's questions are served by QuestionnaireTemplateService under their own method names. */
@Resolver(() => QuestionnaireQuestionEntity)
export class QuestionnaireQuestionResolver extends crudResolver({
  entity: QuestionnaireQuestionEntity,
  names: { many: 'QuestionnaireQuestions', one: 'QuestionnaireQuestion' },
  listArgs: QuestionnaireQuestionListArgs,
  create: CreateQuestionnaireQuestionInput,
  update: UpdateQuestionnaireQuestionInput,
  delete: true,
  roles: { read: READERS, write: EDITORS },
  descriptions: {
    create: 'Добавляет вопрос; если на анкету уже отвечали — в её новую версию',
    update: 'Изменяет вопрос; если на анкету уже отвечали — в её новой версии (вопрос получает новый id)',
    delete: 'Удаляет вопрос; если на анкету уже отвечали — из её новой версии',
  },
  service: QuestionnaireTemplateService,
  operations: (templates) => ({
    list: (args, filter) => templates.listQuestions(args, filter),
    count: (filter) => templates.countQuestions(filter),
    get: (id) => templates.getQuestion(id),
    create: (input) => templates.createQuestion(input),
    update: (id, input) => templates.updateQuestion(id, input),
    remove: (id) => templates.removeQuestion(id),
  }),
}) {}
