import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { Public } from '@nastavnik/platform/auth/auth.decorators';
import { ValidationFailedException } from '@nastavnik/platform/errors/app.exceptions';
import { RespondentSubmissionInput } from './dtos/respondent-submission.input';
import { type RespondentQuestionnaire, type RespondentReceipt, RespondentService } from './respondent.service';

/**
 * Personal one-time links (`/q/<token>`), answered without an account: the questionnaire to
 * render, and the submission of its answers. Errors: LINK_INVALID (404), LINK_EXPIRED (410),
 * LINK_USED (409), VALIDATION_FAILED (400), each as `{ code, message }`.
 */
@Controller('q')
export class RespondentController {
  constructor(private readonly respondents: RespondentService) {}

  @Public()
  @Get(':token')
  open(@Param('token') token: string): Promise<RespondentQuestionnaire> {
    return this.respondents.open(token);
  }

  @Public()
  @Post(':token')
  @HttpCode(201)
  submit(@Param('token') token: string, @Body() body: RespondentSubmissionInput): Promise<RespondentReceipt> {
    // A `null` body reaches here as absent: the input pipe treats a null input object so (validation.pipe.ts).
    if (body === undefined) throw new ValidationFailedException('Ответы не получены: ожидается { answers: [...] }.');
    return this.respondents.submit(token, body.answers);
  }
}
