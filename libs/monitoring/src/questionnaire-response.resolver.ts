import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '@nastavnik/platform/auth/auth.decorators';
import { ListMetadata } from '@nastavnik/platform/graphql/list-args';
import { UuidPipe } from '@nastavnik/platform/graphql/uuid.pipe';
import { CreateQuestionnaireResponseInput, QuestionnaireResponseListArgs, UpdateQuestionnaireResponseInput } from './dtos/questionnaire.inputs';
import { QuestionnaireResponseEntity } from './questionnaire-response.entity';
import { QuestionnaireResponseService } from './questionnaire-response.service';

/** Personal data: the school's curator and the platform admin only. */
const ROLES = ['curator', 'platform-admin'] as const;

@Resolver(() => QuestionnaireResponseEntity)
export class QuestionnaireResponseResolver {
  constructor(private readonly responses: QuestionnaireResponseService) {}

  @Roles(...ROLES)
  @Query(() => [QuestionnaireResponseEntity])
  allQuestionnaireResponses(@Args() args: QuestionnaireResponseListArgs): Promise<QuestionnaireResponseEntity[]> {
    return this.responses.list(args, args.filter);
  }

  @Roles(...ROLES)
  @Query(() => ListMetadata)
  async _allQuestionnaireResponsesMeta(@Args() args: QuestionnaireResponseListArgs): Promise<ListMetadata> {
    return { count: await this.responses.count(args.filter) };
  }

  @Roles(...ROLES)
  @Query(() => QuestionnaireResponseEntity, { name: 'QuestionnaireResponse' })
  questionnaireResponse(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<QuestionnaireResponseEntity> {
    return this.responses.get(id);
  }

  @Roles(...ROLES)
  @Mutation(() => QuestionnaireResponseEntity, { description: 'Вносит ответы участника (участник должен дать согласие на анкетирование)' })
  createQuestionnaireResponse(@Args('input') input: CreateQuestionnaireResponseInput): Promise<QuestionnaireResponseEntity> {
    return this.responses.create(input);
  }

  @Roles(...ROLES)
  @Mutation(() => QuestionnaireResponseEntity)
  updateQuestionnaireResponse(@Args('id', { type: () => ID }, UuidPipe) id: string, @Args('input') input: UpdateQuestionnaireResponseInput): Promise<QuestionnaireResponseEntity> {
    return this.responses.update(id, input);
  }

  @Roles(...ROLES)
  @Mutation(() => QuestionnaireResponseEntity)
  deleteQuestionnaireResponse(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<QuestionnaireResponseEntity> {
    return this.responses.remove(id);
  }
}
