import { ArgsType, InputType } from '@nestjs/graphql';
import { EnumField, FilterField, IdField } from '@nastavnik/platform/graphql/input-fields';
import { ListArgs } from '@nastavnik/platform/graphql/list-args';
import { SuggestionStatus } from '../suggestions/match-suggestion.entity';
import { BaseFilter } from './base-filter.input';

@InputType({ description: 'Уточнения при принятии предложения' })
export class AcceptSuggestionInput {
  @IdField('Ролевая модель', { nullable: true, description: 'По умолчанию — единственная ролевая модель программы' }) roleModelId?: string | null;
  @IdField('Направление', { nullable: true, description: 'По умолчанию — общее направление наставника и наставляемого' }) directionId?: string | null;
}

@InputType({ description: 'Отбор предложений подбора' })
export class MatchSuggestionFilter extends BaseFilter {
  @IdField('Программа', { optional: true }) programmeId?: string;
  @IdField('Запуск подбора', { optional: true }) runId?: string;
  @IdField('Участник', { optional: true, description: 'Участник — наставник или наставляемый' }) participantId?: string;
  @EnumField(SuggestionStatus, 'Неизвестное состояние предложения.', { optional: true }) status?: SuggestionStatus;
}

@ArgsType()
export class MatchSuggestionListArgs extends ListArgs {
  @FilterField(() => MatchSuggestionFilter) filter?: MatchSuggestionFilter;
}
