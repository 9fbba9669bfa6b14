import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '@nastavnik/platform/auth/auth.decorators';
import { ListMetadata } from '@nastavnik/platform/graphql/list-args';
import { UuidPipe } from '@nastavnik/platform/graphql/uuid.pipe';
import { CreateQuestionnaireLinkInput, QuestionnaireLinkListArgs } from './dtos/questionnaire.inputs';
import { QuestionnaireLinkEntity } from './questionnaire-link.entity';
import { QuestionnaireLinkService } from './questionnaire-link.service';

/** Personal data: the school's curator and the platform admin only. */
const ROLES = ['curator', 'platform-admin'] as const;

@Resolver(() => QuestionnaireLinkEntity)
export class QuestionnaireLinkResolver {
  constructor(private readonly links: QuestionnaireLinkService) {}

  @Roles(...ROLES)
  @Query(() => [QuestionnaireLinkEntity])
  allQuestionnaireLinks(@Args() args: QuestionnaireLinkListArgs): Promise<QuestionnaireLinkEntity[]> {
    return this.links.list(args, args.filter);
  }

  @Roles(...ROLES)
  @Query(() => ListMetadata)
  async _allQuestionnaireLinksMeta(@Args() args: QuestionnaireLinkListArgs): Promise<ListMetadata> {
    return { count: await this.links.count(args.filter) };
  }

  @Roles(...ROLES)
  @Query(() => QuestionnaireLinkEntity, { name: 'QuestionnaireLink' })
  questionnaireLink(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<QuestionnaireLinkEntity> {
    return this.links.get(id);
  }

  @Roles(...ROLES)
  @Mutation(() => QuestionnaireLinkEntity, { description: 'Выдаёт персональную одноразовую ссылку; её адрес (path) показывается только в этом ответе' })
  createQuestionnaireLink(@Args('input') input: CreateQuestionnaireLinkInput): Promise<QuestionnaireLinkEntity> {
    return this.links.create(input);
  }

  @Roles(...ROLES)
  @Mutation(() => QuestionnaireLinkEntity, { description: 'Отзывает неиспользованную ссылку' })
  deleteQuestionnaireLink(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<QuestionnaireLinkEntity> {
    return this.links.remove(id);
  }
}
