import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, ValidateNested } from 'class-validator';
import { QuestionnaireAnswerInput } from './questionnaire.inputs';

/** `POST /q/:token` body: `{ answers: [{ questionId, value | text | options }] }`, each answer as a curator enters it. */
export class RespondentSubmissionInput {
  @IsArray({ message: 'Ответы: ожидается список.' })
  @ArrayMaxSize(500, { message: 'Ответы — не больше 500.' })
  @ValidateNested({ each: true })
  @Type(() => QuestionnaireAnswerInput)
  answers!: QuestionnaireAnswerInput[];
}
