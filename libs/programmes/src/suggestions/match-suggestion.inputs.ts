import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { ListArgs } from '@nastavnik/platform/graphql/list-args';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { BaseFilter } from '../common/base-filter';
import { IdField } from '../common/input-decorators';
import { SuggestionStatus } from './match-suggestion.entity';

@InputType({ description: 'Уточнения при принятии предложения' })
export class AcceptSuggestionInput {
  @IdField('Ролевая модель', { optional: true, description: 'По умолчанию — единственная ролевая модель программы' }) roleModelId?: string | null;
  @IdField('Направление', { optional: true, description: 'По умолчанию — общее направление наставника и наставляемого' }) directionId?: string | null;
}

@InputType({ description: 'Отбор предложений подбора' })
export class MatchSuggestionFilter extends BaseFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Некорректный идентификатор программы.' })
  programmeId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Некорректный идентификатор запуска подбора.' })
  runId?: string;

  @Field(() => ID, { nullable: true, description: 'Участник — наставник или наставляемый' })
  @IsOptional()
  @IsUUID('all', { message: 'Некорректный идентификатор участника.' })
  participantId?: string;

  @Field(() => SuggestionStatus, { nullable: true })
  @IsOptional()
  @IsEnum(SuggestionStatus, { message: 'Неизвестное состояние предложения.' })
  status?: SuggestionStatus;
}

@ArgsType()
export class MatchSuggestionListArgs extends ListArgs {
  @Field(() => MatchSuggestionFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => MatchSuggestionFilter)
  filter?: MatchSuggestionFilter;
}
