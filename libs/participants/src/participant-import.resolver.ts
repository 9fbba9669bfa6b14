import { Args, ArgsType, Field, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Roles } from '@nastavnik/platform/auth/auth.decorators';
import { IsBoolean, IsEnum, IsString, IsUUID } from 'class-validator';
import { ImportFormat, ImportReport } from './import/import-report';
import { ParticipantImportService } from './participant-import.service';
import { PERSONAL_DATA_ROLES } from './participant.resolver';
import { Nullable } from '@nastavnik/platform/graphql/validators';

@ArgsType()
export class ImportParticipantsArgs {
  @Field({ description: 'Содержимое файла в base64 (не больше 1,5 МБ и 5000 строк)' })
  @IsString({ message: 'Передайте содержимое файла в base64.' })
  file!: string;

  @Field(() => ImportFormat)
  @IsEnum(ImportFormat, { message: 'Формат файла: XLSX или CSV.' })
  format!: ImportFormat;

  @Field({ description: 'Пробная загрузка: проверить и показать итог, ничего не записывая' })
  @IsBoolean({ message: 'dryRun: true или false.' })
  dryRun!: boolean;

  @Field(() => ID, { nullable: true, description: 'Организация — только для администратора платформы' })
  @Nullable()
  @IsUUID('all', { message: 'Некорректный идентификатор организации.' })
  tenantId?: string | null;
}

/**
 * Загрузка участников из XLSX (first sheet) or CSV (UTF-8; «;», «,» or tab). Row 1 holds the
 * headings (case, «ё»/«е» and «:» spacing do not matter); empty rows are skipped; line numbers in
 * the report are the file's. Columns (required: Фамилия, Имя, Категория; any others optional, in
 * any order, unknown headings refused):
 * - «Фамилия», «Имя», «Отчество»; «Дата рождения» (ДД.ММ.ГГГГ, ГГГГ-ММ-ДД or an Excel date);
 *   «Пол» (м/ж);
 * - «Категория»: ученик (обучающийся), педагог (учитель), студент (вуза/колледжа), представитель
 *   вуза/СПО, работодатель (представитель работодателя), выпускник, родитель, ветеран, другое;
 * - «Класс» (1–11 with an optional letter: «7», «7Б», «10-А» — students only); «Должность»;
 *   «Стаж» (whole years 0–60); «Предметы» (list); «Организация»; «Телефон»; «Эл. почта»;
 * - «База»: наставник and/or наставляемый (adds a «потенциальный» entry where missing);
 * - «Запрос» (list by «;»), «Интересы» (интеллектуальное, спортивное, волонтёрское, творческое,
 *   методическое), «Направления» (D01–D11), «Достижения», «Примечание»;
 * - «Согласие: дата», «Согласие: подписал» (сам / законный представитель), «Согласие:
 *   представитель» (ФИО), «Согласие: кем приходится» (мать, отец, опекун, попечитель, иной),
 *   «Согласие: цели» (обработка, подбор пар, анкетирование, отчёты, публикация; default: the
 *   first four), «Согласие: действует до».
 * Lists are separated by «;» (or «,»). A dry run reports every bad row; a commit with any error
 * writes nothing; re-importing a file updates changed fields and creates no duplicates.
 */
@Resolver()
export class ParticipantImportResolver {
  constructor(private readonly importer: ParticipantImportService) {}

  @Roles(...PERSONAL_DATA_ROLES)
  @Mutation(() => ImportReport, { description: 'Загрузка участников из XLSX или CSV (сначала пробная: dryRun = true)' })
  importParticipants(@Args() args: ImportParticipantsArgs): Promise<ImportReport> {
    return this.importer.import(args.file, args.format, args.dryRun, args.tenantId?.toLowerCase() ?? null);
  }
}
