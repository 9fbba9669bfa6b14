import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { Public } from '@nastavnik/platform/auth/auth.decorators';
import { RespondentSubmissionDto } from './dtos/respondent.dto';
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
  submit(@Param('token') token: string, @Body() body: RespondentSubmissionDto): Promise<RespondentReceipt> {
    return this.respondents.submit(token, body.answers);
  }
}
