import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { describeEnum } from '@nastavnik/platform/graphql/input-fields';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** What is produced: годовой отчёт школы, сравнительный отчёт региона, выгрузка по форме (XLSX/CSV). */
export const ReportKind = { SCHOOL_REPORT: 'school_report', REGION_REPORT: 'region_report', EXTRACT_XLSX: 'extract_xlsx', EXTRACT_CSV: 'extract_csv', SUBMISSION_REPORT: 'submission_report' } as const;
export type ReportKind = (typeof ReportKind)[keyof typeof ReportKind];
describeEnum(ReportKind, 'ReportKind', 'Вид отчёта', {
  SCHOOL_REPORT: 'Отчёт организации (PDF)',
  REGION_REPORT: 'Сравнительный отчёт региона или муниципалитета (PDF)',
  EXTRACT_XLSX: 'Выгрузка по статистической форме (XLSX)',
  EXTRACT_CSV: 'Выгрузка по статистической форме (CSV)',
  SUBMISSION_REPORT: 'Отчёт в региональный наставнический центр, представленная версия (PDF)',
});

export const ReportStatus = { QUEUED: 'queued', RUNNING: 'running', DONE: 'done', FAILED: 'failed' } as const;
export type ReportStatus = (typeof ReportStatus)[keyof typeof ReportStatus];
describeEnum(ReportStatus, 'ReportStatus', 'Состояние формирования', { QUEUED: 'В очереди', RUNNING: 'Формируется', DONE: 'Готов', FAILED: 'Ошибка' });

export const ExtractFormat = { XLSX: 'xlsx', CSV: 'csv' } as const;
export type ExtractFormat = (typeof ExtractFormat)[keyof typeof ExtractFormat];
registerEnumType(ExtractFormat, { name: 'ExtractFormat', description: 'Формат выгрузки' });

/**
 * Отчёт / выгрузка: one distinct request (kind, parameters, requester scope) and, when done, its
 * file. Rows live under forced RLS (`report_files`), so the file is protected by the same
 * policies as the data it was made from. The bytes are never selected by GraphQL.
 */
@ObjectType('Report', { description: 'Отчёт или выгрузка' })
@Entity('report_files')
export class ReportFileEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID, { nullable: true, description: 'Организация, регион или муниципалитет; пусто — федеральный уровень' })
  @Column({ name: 'tenant_id', type: 'uuid', nullable: true })
  tenantId!: string | null;

  @Column({ name: 'tenant_path', type: 'ltree' as 'text' })
  tenantPath!: string;

  @Field(() => ReportKind)
  @Column({ type: 'text' })
  kind!: ReportKind;

  @Field(() => String, { description: 'Параметры запроса (JSON)' })
  @Column({ type: 'jsonb', transformer: { to: (v: unknown) => v, from: (v: unknown) => JSON.stringify(v) } })
  parameters!: string;

  @Column({ name: 'params_hash', type: 'text' })
  paramsHash!: string;

  @Field(() => ReportStatus)
  @Column({ type: 'text' })
  status!: ReportStatus;

  @Field(() => Int, { description: 'Готовность, %' })
  @Column({ type: 'smallint' })
  progress!: number;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Field(() => String, { nullable: true, description: 'Имя файла' })
  @Column({ name: 'file_name', type: 'text', nullable: true })
  fileName!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'content_type', type: 'text', nullable: true })
  contentType!: string | null;

  @Field(() => String, { nullable: true, description: 'Код статистической формы' })
  @Column({ name: 'form_code', type: 'text', nullable: true })
  formCode!: string | null;

  @Field(() => String, { nullable: true, description: 'Версия формы, по которой сделана выгрузка' })
  @Column({ name: 'form_version', type: 'text', nullable: true })
  formVersion!: string | null;

  @Column({ name: 'requested_by', type: 'text' })
  requestedBy!: string;

  /** An extract's compiler (name, position, phone) for its title block; personal data, never a GraphQL field (docs/adr/0037). */
  @Column({ type: 'jsonb', nullable: true, select: false })
  compiler!: { name: string; position: string; phone: string } | null;

  @Field({ description: 'Роль запросившего' })
  @Column({ name: 'requested_role', type: 'text' })
  requestedRole!: string;

  @Field(() => Date)
  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt!: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Адрес для скачивания (GET с тем же токеном)' })
  get downloadUrl(): string | null {
    return this.status === 'done' ? `/reports/${this.id}/file` : null;
  }
}
