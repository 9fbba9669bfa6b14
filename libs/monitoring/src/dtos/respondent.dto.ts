import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { IsCleanText, Nullable } from '@nastavnik/platform/graphql/validators';

/** One answer sent through a personal link: a rating, a text or the codes of the chosen options. */
export class RespondentAnswerDto {
  @IsUUID('all', { message: 'Некорректный идентификатор вопроса.' })
  questionId!: string;

  @Nullable()
  @IsInt({ message: 'Оценка — целое число.' })
  value?: number | null;

  @Nullable()
  @IsString({ message: 'Ответ должен быть строкой.' })
  @MaxLength(4000, { message: 'Ответ — не длиннее 4000 символов.' })
  @IsCleanText()
  text?: string | null;

  @Nullable()
  @IsArray({ message: 'Выбранные варианты — список.' })
  @ArrayMaxSize(50, { message: 'Выбрано слишком много вариантов.' })
  @IsString({ each: true, message: 'Код варианта должен быть строкой.' })
  @IsCleanText({ each: true })
  options?: string[] | null;
}

/** `POST /q/:token` body: `{ answers: [{ questionId, value | text | options }] }`. */
export class RespondentSubmissionDto {
  @IsArray({ message: 'Ответы — список.' })
  @ArrayMaxSize(500, { message: 'Слишком много ответов.' })
  @ValidateNested({ each: true })
  @Type(() => RespondentAnswerDto)
  answers!: RespondentAnswerDto[];
}
