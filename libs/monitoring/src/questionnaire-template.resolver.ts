import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '@nastavnik/platform/auth/auth.decorators';
import { ListMetadata } from '@nastavnik/platform/graphql/list-args';
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
export class QuestionnaireTemplateResolver {
  constructor(private readonly templates: QuestionnaireTemplateService) {}

  @Roles(...READERS)
  @Query(() => [QuestionnaireTemplateEntity], { description: 'Анкеты: по умолчанию и своей организации (по умолчанию — актуальные версии)' })
  allQuestionnaireTemplates(@Args() args: QuestionnaireTemplateListArgs): Promise<QuestionnaireTemplateEntity[]> {
    return this.templates.list(args, args.filter);
  }

  @Roles(...READERS)
  @Query(() => ListMetadata)
  async _allQuestionnaireTemplatesMeta(@Args() args: QuestionnaireTemplateListArgs): Promise<ListMetadata> {
    return { count: await this.templates.count(args.filter) };
  }

  @Roles(...READERS)
  @Query(() => QuestionnaireTemplateEntity, { name: 'QuestionnaireTemplate' })
  questionnaireTemplate(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<QuestionnaireTemplateEntity> {
    return this.templates.get(id);
  }

  @Roles(...EDITORS)
  @Mutation(() => QuestionnaireTemplateEntity)
  createQuestionnaireTemplate(@Args('input') input: CreateQuestionnaireTemplateInput): Promise<QuestionnaireTemplateEntity> {
    return this.templates.create(input);
  }

  @Roles(...EDITORS)
  @Mutation(() => QuestionnaireTemplateEntity, { description: 'Возвращает изменённую версию; если на анкету уже отвечали — новую (с новым id)' })
  updateQuestionnaireTemplate(@Args('id', { type: () => ID }, UuidPipe) id: string, @Args('input') input: UpdateQuestionnaireTemplateInput): Promise<QuestionnaireTemplateEntity> {
    return this.templates.update(id, input);
  }

  @Roles(...EDITORS)
  @Mutation(() => QuestionnaireTemplateEntity, { description: 'Удаляет анкету со всеми версиями, если на неё не отвечали и ссылок не выдавали' })
  deleteQuestionnaireTemplate(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<QuestionnaireTemplateEntity> {
    return this.templates.remove(id);
  }

  @Roles(...EDITORS)
  @Mutation(() => QuestionnaireTemplateEntity, { description: 'Копирует анкету (обычно — анкету по умолчанию) в свою организацию' })
  copyQuestionnaireTemplate(
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @Args('input', { type: () => CopyQuestionnaireTemplateInput, nullable: true }) input?: CopyQuestionnaireTemplateInput,
  ): Promise<QuestionnaireTemplateEntity> {
    return this.templates.copy(id, input ?? {});
  }
}

@Resolver(() => QuestionnaireQuestionEntity)
export class QuestionnaireQuestionResolver {
  constructor(private readonly templates: QuestionnaireTemplateService) {}

  @Roles(...READERS)
  @Query(() => [QuestionnaireQuestionEntity])
  allQuestionnaireQuestions(@Args() args: QuestionnaireQuestionListArgs): Promise<QuestionnaireQuestionEntity[]> {
    return this.templates.listQuestions(args, args.filter);
  }

  @Roles(...READERS)
  @Query(() => ListMetadata)
  async _allQuestionnaireQuestionsMeta(@Args() args: QuestionnaireQuestionListArgs): Promise<ListMetadata> {
    return { count: await this.templates.countQuestions(args.filter) };
  }

  @Roles(...READERS)
  @Query(() => QuestionnaireQuestionEntity, { name: 'QuestionnaireQuestion' })
  questionnaireQuestion(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<QuestionnaireQuestionEntity> {
    return this.templates.getQuestion(id);
  }

  @Roles(...EDITORS)
  @Mutation(() => QuestionnaireQuestionEntity, { description: 'Добавляет вопрос; если на анкету уже отвечали — в её новую версию' })
  createQuestionnaireQuestion(@Args('input') input: CreateQuestionnaireQuestionInput): Promise<QuestionnaireQuestionEntity> {
    return this.templates.createQuestion(input);
  }

  @Roles(...EDITORS)
  @Mutation(() => QuestionnaireQuestionEntity, { description: 'Изменяет вопрос; если на анкету уже отвечали — в её новой версии (вопрос получает новый id)' })
  updateQuestionnaireQuestion(@Args('id', { type: () => ID }, UuidPipe) id: string, @Args('input') input: UpdateQuestionnaireQuestionInput): Promise<QuestionnaireQuestionEntity> {
    return this.templates.updateQuestion(id, input);
  }

  @Roles(...EDITORS)
  @Mutation(() => QuestionnaireQuestionEntity, { description: 'Удаляет вопрос; если на анкету уже отвечали — из её новой версии' })
  deleteQuestionnaireQuestion(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<QuestionnaireQuestionEntity> {
    return this.templates.removeQuestion(id);
  }
}
