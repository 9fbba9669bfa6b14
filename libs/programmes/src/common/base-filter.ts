import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

/** What every list of an organisation's records can be filtered by (react-admin `q` and `ids`). */
@InputType({ isAbstract: true })
export abstract class BaseFilter {
  @Field({ nullable: true, description: 'Поиск по тексту' })
  @IsOptional()
  @IsString({ message: 'Строка поиска — текст.' })
  @MaxLength(200, { message: 'Строка поиска — не длиннее 200 символов.' })
  q?: string;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsUUID('all', { each: true, message: 'Некорректный идентификатор в списке ids.' })
  ids?: string[];
}
