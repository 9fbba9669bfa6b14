import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '@nastavnik/platform/auth/auth.decorators';
import { RateLimited } from '@nastavnik/platform/http/rate-limited.decorator';
import { SubmissionService } from './submission.service';
import {
  ReviewSubmissionArgs,
  SaveSubmissionArgs,
  SchoolSubmissionRowType,
  SchoolYearArgs,
  SetDueDateArgs,
  SubmissionDueDateType,
  SubmissionIdArgs,
  SubmissionType,
} from './submission.types';

/**
 * The yearly report to the regional mentoring centre: the curator assembles and submits, the
 * region analyst reviews and sees who has not reported. The ministry has no part in it.
 */
@Resolver(() => SubmissionType)
export class SubmissionResolver {
  constructor(private readonly service: SubmissionService) {}

  @Roles('curator')
  @Query(() => SubmissionType, { nullable: true, description: 'Годовой отчёт своей организации в РНЦ за учебный год (нет — ещё не начат)' })
  myReportSubmission(@Args() args: SchoolYearArgs): Promise<SubmissionType | null> {
    return this.service.mine(args.schoolYear);
  }

  @Roles('curator', 'region-analyst')
  @Query(() => SubmissionType, { description: 'Годовой отчёт в РНЦ: состояние, представленные версии, история' })
  reportSubmission(@Args() args: SubmissionIdArgs): Promise<SubmissionType> {
    return this.service.get(args.id);
  }

  @Roles('region-analyst')
  @Query(() => [SchoolSubmissionRowType], { description: 'Школы региона и их годовые отчёты в РНЦ: кто сдал, кто нет, кто просрочил' })
  schoolReportSubmissions(@Args() args: SchoolYearArgs): Promise<SchoolSubmissionRowType[]> {
    return this.service.regionTable(args.schoolYear);
  }

  @Roles('curator', 'region-analyst')
  @Query(() => SubmissionDueDateType, { description: 'Срок сдачи годовых отчётов в РНЦ, установленный регионом' })
  reportSubmissionDueDate(@Args() args: SchoolYearArgs): Promise<SubmissionDueDateType> {
    return this.service.dueDate(args.schoolYear);
  }

  @Roles('curator')
  @Mutation(() => SubmissionType, { description: 'Сохранить аналитическую справку в черновике отчёта в РНЦ' })
  saveReportSubmissionNote(@Args() args: SaveSubmissionArgs): Promise<SubmissionType> {
    return this.service.saveNote(args.schoolYear, args.note);
  }

  @RateLimited('reports')
  @Roles('curator')
  @Mutation(() => SubmissionType, { description: 'Представить отчёт в РНЦ: данные замораживаются, PDF формируется и хранится с версией' })
  submitReportSubmission(@Args() args: SaveSubmissionArgs): Promise<SubmissionType> {
    return this.service.submit(args.schoolYear, args.note);
  }

  @Roles('region-analyst')
  @Mutation(() => SubmissionType, { description: 'Принять представленный отчёт или вернуть его на доработку с комментарием' })
  reviewReportSubmission(@Args() args: ReviewSubmissionArgs): Promise<SubmissionType> {
    return this.service.review(args.id, args.decision, args.comment);
  }

  @Roles('region-analyst')
  @Mutation(() => SubmissionDueDateType, { description: 'Установить срок сдачи годовых отчётов школ региона в РНЦ' })
  setReportSubmissionDueDate(@Args() args: SetDueDateArgs): Promise<SubmissionDueDateType> {
    return this.service.setDueDate(args.schoolYear, args.dueOn);
  }
}
