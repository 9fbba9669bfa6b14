import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '@nastavnik/platform/auth/auth.decorators';
import { ListMetadata } from '@nastavnik/platform/graphql/list-args';
import { UuidPipe } from '@nastavnik/platform/graphql/uuid.pipe';
import { MatchSuggestionEntity, SuggestPairsResult } from './match-suggestion.entity';
import { AcceptSuggestionInput, MatchSuggestionListArgs } from '../dtos/match-suggestion.inputs';
import { MatchSuggestionService } from './match-suggestion.service';

@Resolver(() => MatchSuggestionEntity)
export class MatchSuggestionResolver {
  constructor(private readonly suggestions: MatchSuggestionService) {}

  @Roles('curator', 'platform-admin')
  @Query(() => [MatchSuggestionEntity], { description: 'Предложения подбора пар' })
  allMatchSuggestions(@Args() args: MatchSuggestionListArgs): Promise<MatchSuggestionEntity[]> {
    return this.suggestions.list(args, args.filter);
  }

  @Roles('curator', 'platform-admin')
  @Query(() => ListMetadata)
  async _allMatchSuggestionsMeta(@Args() args: MatchSuggestionListArgs): Promise<ListMetadata> {
    return { count: await this.suggestions.count(args.filter) };
  }

  @Roles('curator', 'platform-admin')
  @Query(() => MatchSuggestionEntity, { name: 'MatchSuggestion' })
  matchSuggestion(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<MatchSuggestionEntity> {
    return this.suggestions.get(id);
  }

  @Roles('curator', 'platform-admin')
  @Mutation(() => SuggestPairsResult, { description: 'Подбирает пары для программы из баз наставников и наставляемых; заменяет прежние нерассмотренные предложения' })
  suggestPairs(@Args('programmeId', { type: () => ID }, UuidPipe) programmeId: string): Promise<SuggestPairsResult> {
    return this.suggestions.suggest(programmeId);
  }

  @Roles('curator', 'platform-admin')
  @Mutation(() => MatchSuggestionEntity, { description: 'Принимает предложение: создаёт черновик пары' })
  acceptSuggestion(
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @Args('input', { type: () => AcceptSuggestionInput, nullable: true }) input?: AcceptSuggestionInput,
  ): Promise<MatchSuggestionEntity> {
    return this.suggestions.accept(id, input ?? {});
  }

  @Roles('curator', 'platform-admin')
  @Mutation(() => MatchSuggestionEntity, { description: 'Отклоняет предложение' })
  rejectSuggestion(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<MatchSuggestionEntity> {
    return this.suggestions.reject(id);
  }
}
