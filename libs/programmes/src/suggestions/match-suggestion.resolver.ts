import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Roles } from '@nastavnik/platform/auth/auth.decorators';
import { crudResolver } from '@nastavnik/platform/graphql/crud-resolver';
import { UuidPipe } from '@nastavnik/platform/graphql/uuid.pipe';
import { MatchSuggestionEntity, SuggestPairsResult } from './match-suggestion.entity';
import { AcceptSuggestionInput, MatchSuggestionListArgs } from '../dtos/match-suggestion.inputs';
import { MatchSuggestionService } from './match-suggestion.service';
import { Journaled } from '@nastavnik/platform/personal-data/journal';

const EDITORS = ['curator', 'platform-admin'] as const;

/** Suggestions are made by `suggestPairs` and then accepted or rejected, never written directly. */
@Resolver(() => MatchSuggestionEntity)
export class MatchSuggestionResolver extends crudResolver({
  entity: MatchSuggestionEntity,
  names: { many: 'MatchSuggestions', one: 'MatchSuggestion' },
  listArgs: MatchSuggestionListArgs,
  roles: { read: EDITORS },
  descriptions: { list: 'Предложения подбора пар' },
  service: MatchSuggestionService,
}) {
  @Roles(...EDITORS)
  @Mutation(() => SuggestPairsResult, { description: 'Подбирает пары для программы из баз наставников и наставляемых; заменяет прежние нерассмотренные предложения' })
  @Journaled({ entity: 'MatchSuggestion', action: 'create', operation: 'suggestPairs', records: (result) => (result as SuggestPairsResult).suggestions })
  suggestPairs(@Args('programmeId', { type: () => ID }, UuidPipe) programmeId: string): Promise<SuggestPairsResult> {
    return this.service.suggest(programmeId);
  }

  @Roles(...EDITORS)
  @Mutation(() => MatchSuggestionEntity, { description: 'Принимает предложение: создаёт черновик пары' })
  @Journaled({ entity: 'MatchSuggestion', action: 'update', operation: 'acceptSuggestion' })
  acceptSuggestion(
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @Args('input', { type: () => AcceptSuggestionInput, nullable: true }) input?: AcceptSuggestionInput,
  ): Promise<MatchSuggestionEntity> {
    return this.service.accept(id, input ?? {});
  }

  @Roles(...EDITORS)
  @Mutation(() => MatchSuggestionEntity, { description: 'Отклоняет предложение' })
  @Journaled({ entity: 'MatchSuggestion', action: 'update', operation: 'rejectSuggestion' })
  rejectSuggestion(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<MatchSuggestionEntity> {
    return this.service.reject(id);
  }
}
