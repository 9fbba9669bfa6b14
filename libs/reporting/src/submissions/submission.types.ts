import { ArgsType, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateField, describeEnum, EnumField, IdField, ReportingPeriodField, TextField } from '@nastavnik/platform/graphql/input-fields';
import { ReportStatus } from '../report-file.entity';

/** Состояние отчёта в РНЦ: черновик, на проверке, принят, возвращён. */
export const SubmissionStatus = { DRAFT: 'draft', SUBMITTED: 'submitted', ACCEPTED: 'accepted', RETURNED: 'returned' } as const;
export type SubmissionStatus = (typeof SubmissionStatus)[keyof typeof SubmissionStatus];
describeEnum(SubmissionStatus, 'ReportSubmissionStatus', 'Состояние отчёта школы в региональный наставнический центр', {
  DRAFT: 'Черновик',
  SUBMITTED: 'На проверке',
  ACCEPTED: 'Принят',
  RETURNED: 'Возвращён на доработку',
});

/** What the region's table shows per school: the status, or that nothing was started, or that the due date has passed. */
export const SubmissionState = { NOT_STARTED: 'not_started', DRAFT: 'draft', SUBMITTED: 'submitted', ACCEPTED: 'accepted', RETURNED: 'returned', OVERDUE: 'overdue' } as const;
export type SubmissionState = (typeof SubmissionState)[keyof typeof SubmissionState];
describeEnum(SubmissionState, 'ReportSubmissionState', 'Положение школы со сдачей годового отчёта в РНЦ', {
  NOT_STARTED: 'Не начат',
  DRAFT: 'Черновик',
  SUBMITTED: 'На проверке',
  ACCEPTED: 'Принят',
  RETURNED: 'Возвращён',
  OVERDUE: 'Просрочен',
});

export const SubmissionAction = { CREATED: 'created', SUBMITTED: 'submitted', ACCEPTED: 'accepted', RETURNED: 'returned' } as const;
export type SubmissionAction = (typeof SubmissionAction)[keyof typeof SubmissionAction];
describeEnum(SubmissionAction, 'ReportSubmissionAction', 'Событие в истории отчёта в РНЦ', {
  CREATED: 'Начат черновик',
  SUBMITTED: 'Представлен на проверку',
  ACCEPTED: 'Принят',
  RETURNED: 'Возвращён на доработку',
});

export const ReviewDecision = { ACCEPT: 'accept', RETURN: 'return' } as const;
export type ReviewDecision = (typeof ReviewDecision)[keyof typeof ReviewDecision];
describeEnum(ReviewDecision, 'ReportReviewDecision', 'Решение по представленному отчёту', { ACCEPT: 'Принять', RETURN: 'Вернуть на доработку' });

@ObjectType('ReportSubmissionEvent', { description: 'Запись истории отчёта в РНЦ: кто (роль), когда, что, комментарий' })
export class SubmissionEventType {
  @Field(() => SubmissionAction) action!: SubmissionAction;
  @Field({ description: 'Кто: куратор организации или аналитик региона' }) actorRole!: string;
  @Field(() => Int, { description: 'Номер версии, к которой относится событие (0 — до первой сдачи)' }) version!: number;
  @Field(() => String, { nullable: true, description: 'Комментарий (замечания при возврате)' }) comment!: string | null;
  @Field(() => Date) at!: Date;
}

@ObjectType('ReportSubmissionFile', { description: 'PDF представленной версии: состояние формирования и адрес для скачивания' })
export class SubmissionFileType {
  @Field(() => ID) id!: string;
  @Field(() => ReportStatus) status!: ReportStatus;
  @Field(() => Int, { description: 'Готовность, %' }) progress!: number;
  @Field(() => String, { nullable: true }) error!: string | null;
  @Field(() => String, { nullable: true, description: 'Имя файла' }) fileName!: string | null;
  @Field(() => String, { nullable: true, description: 'Адрес для скачивания (GET с тем же токеном)' }) downloadUrl!: string | null;
}

@ObjectType('ReportSubmissionVersion', { description: 'Представленная версия отчёта: замороженные данные и PDF, сформированный при сдаче' })
export class SubmissionVersionType {
  @Field(() => ID) id!: string;
  @Field(() => Int) version!: number;
  @Field(() => Date) submittedAt!: Date;
  @Field({ description: 'Аналитическая справка, как она была представлена' }) note!: string;
  @Field(() => ID) reportId!: string;
  @Field(() => SubmissionFileType, { nullable: true, description: 'PDF этой версии (состояние формирования, адрес для скачивания)' }) file!: SubmissionFileType | null;
}

@ObjectType('ReportSubmission', { description: 'Годовой отчёт школы в региональный наставнический центр (исполнение дорожной карты, показатели, аналитическая справка)' })
export class SubmissionType {
  @Field(() => ID) id!: string;
  @Field(() => ID) tenantId!: string;
  @Field({ description: 'Организация' }) tenantName!: string;
  @Field({ description: 'Учебный год' }) schoolYear!: string;
  @Field(() => SubmissionStatus) status!: SubmissionStatus;
  @Field(() => String, { nullable: true, description: 'Текущая аналитическая справка (черновик); только куратору организации' }) note!: string | null;
  @Field(() => Int, { description: 'Номер последней представленной версии (0 — ещё не представлялся)' }) version!: number;
  @Field(() => String, { nullable: true, description: 'Срок сдачи, установленный регионом (ГГГГ-ММ-ДД)' }) dueOn!: string | null;
  @Field({ description: 'Срок сдачи прошёл, а отчёт не представлен и не принят' }) overdue!: boolean;
  @Field(() => Date) updatedAt!: Date;
  @Field(() => [SubmissionVersionType], { description: 'Представленные версии, последняя первой' }) versions!: SubmissionVersionType[];
  @Field(() => [SubmissionEventType], { description: 'История, по времени' }) history!: SubmissionEventType[];
}

@ObjectType('SchoolReportSubmissionRow', { description: 'Школа региона и её годовой отчёт в РНЦ: кто сдал, кто нет' })
export class SchoolSubmissionRowType {
  @Field(() => ID, { description: 'Организация' }) tenantId!: string;
  @Field() tenantName!: string;
  @Field() tenantCode!: string;
  @Field(() => String, { nullable: true }) municipality!: string | null;
  @Field(() => ID, { nullable: true, description: 'Отчёт (нет — школа ещё не начинала)' }) submissionId!: string | null;
  @Field(() => SubmissionState) state!: SubmissionState;
  @Field(() => SubmissionStatus, { nullable: true }) status!: SubmissionStatus | null;
  @Field() overdue!: boolean;
  @Field(() => String, { nullable: true }) dueOn!: string | null;
  @Field(() => Int) version!: number;
  @Field(() => Date, { nullable: true, description: 'Когда представлена последняя версия' }) submittedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'Когда принят или возвращён в последний раз' }) reviewedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Комментарий последнего возврата' }) lastComment!: string | null;
  @Field(() => ID, { nullable: true, description: 'PDF последней представленной версии' }) reportId!: string | null;
}

@ObjectType('ReportSubmissionDueDate', { description: 'Срок сдачи годовых отчётов школ в РНЦ, установленный регионом' })
export class SubmissionDueDateType {
  @Field({ description: 'Учебный год' }) schoolYear!: string;
  @Field(() => String, { nullable: true, description: 'Срок (ГГГГ-ММ-ДД); нет — не установлен' }) dueOn!: string | null;
}

@ArgsType()
export class SchoolYearArgs {
  @ReportingPeriodField({ description: 'Учебный год, например 2022/2023' }) schoolYear!: string;
}

@ArgsType()
export class SaveSubmissionArgs {
  @ReportingPeriodField({ description: 'Учебный год, например 2022/2023' }) schoolYear!: string;
  @TextField('Аналитическая справка', 0, 8000, { description: 'Краткая аналитическая справка: итоги года, трудности, планы' }) note!: string;
}

@ArgsType()
export class ReviewSubmissionArgs {
  @IdField('Отчёт') id!: string;
  @EnumField(ReviewDecision, 'Решение: принять или вернуть.') decision!: ReviewDecision;
  @TextField('Комментарий', 0, 4000, { optional: true, description: 'Замечания; при возврате обязательны' }) comment?: string;
}

@ArgsType()
export class SetDueDateArgs {
  @ReportingPeriodField({ description: 'Учебный год' }) schoolYear!: string;
  @DateField('Срок сдачи') dueOn!: string;
}

@ArgsType()
export class SubmissionIdArgs {
  @IdField('Отчёт') id!: string;
}
