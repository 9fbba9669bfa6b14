import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '@nastavnik/platform/auth/auth.decorators';
import { ImportMappingArgs, ImportParticipantsArgs } from './dtos/participant-import.inputs';
import { ImportColumnMapping, ImportReport } from './import/import-report';
import { mappingOf } from './import/saved-mappings';
import { ParticipantImportService } from './participant-import.service';
import { PERSONAL_DATA_ROLES } from './participant.resolver';
import { Journaled } from '@nastavnik/platform/personal-data/journal';

/**
 * Загрузка участников из XLSX (first sheet) or CSV (UTF-8 with or without BOM, Windows-1251,
 * UTF-16 «Текст Юникод»; «;», «,» or tab), as schools keep their lists: the header row is the
 * first with at least two known headings, title rows above it are skipped (and reported), a
 * heading merged over the table is no column, blank rows are skipped, line numbers in the report
 * are the spreadsheet's. Headings and their synonyms come from one table
 * (`import/import-fields.ts`; case, «ё»/«е», dots, «:» spacing and a trailing «(…)» do not matter):
 * - «Фамилия», «Имя», «Отчество» — or «ФИО» (Ф.И.О., «Фамилия Имя Отчество») in one column,
 *   split into its parts; «Дата рождения» (ДД.ММ.ГГГГ, ГГГГ-ММ-ДД, «12 марта 2011» or an Excel
 *   date); «Пол» (м/ж);
 * - «Категория»: ученик (обучающийся), педагог (учитель), студент (вуза/колледжа), представитель
 *   вуза/СПО, работодатель, выпускник, родитель, ветеран, другое — or a text that names one of
 *   them («учитель математики»); without the column, the category comes from «Должность» when it
 *   is unambiguous, or a class makes a pupil;
 * - «Класс» (1–11 with an optional letter: «7», «7Б», «10-А» — students only); «Должность»;
 *   «Стаж» (whole years 0–60); «Предметы» (list); «Организация»; «Телефон»; «Эл. почта»;
 * - «База» / «Роль»: наставник and/or наставляемый (adds a «потенциальный» entry where missing);
 * - «Запрос» / «Запрос / направление» (list by «;»), «Интересы» (интеллектуальное, спортивное,
 *   волонтёрское, творческое, методическое), «Направления» (D01–D11 or their names),
 *   «Достижения», «Примечание»;
 * - «Согласие: дата», «Согласие: подписал» (сам / законный представитель), «Согласие:
 *   представитель» (ФИО), «Согласие: кем приходится» (мать, отец, опекун, попечитель, иной),
 *   «Согласие: цели» (обработка, подбор пар, анкетирование, отчёты, публикация; default: the
 *   first four), «Согласие: действует до»;
 * - «№», «№ п/п», «Ошибка» (the error file's): never loaded.
 * Other headings are refused unless `mapping` assigns them a field (or IGNORE), or the school's
 * saved mapping does; a committed mapping is saved for the school. A dry run reports every bad
 * row; a commit writes all rows or nothing, or with `commitValid` the valid rows only;
 * re-importing a file updates changed fields and creates no duplicates.
 */
@Resolver()
export class ParticipantImportResolver {
  constructor(private readonly importer: ParticipantImportService) {}

  @Roles(...PERSONAL_DATA_ROLES)
  @Mutation(() => ImportReport, { description: 'Загрузка участников из XLSX или CSV (сначала пробная: dryRun = true)' })
  @Journaled({
    entity: 'Participant',
    action: 'import',
    always: true,
    operation: (args) => `importParticipants (${(args[0] as ImportParticipantsArgs).dryRun ? 'пробная' : 'запись'})`,
    tenant: (_result, args) => (args[0] as ImportParticipantsArgs).tenantId?.toLowerCase(),
  })
  importParticipants(@Args() args: ImportParticipantsArgs): Promise<ImportReport> {
    return this.importer.import(args.file, args.format, args.dryRun, args.tenantId?.toLowerCase() ?? null, { mapping: mappingOf(args.mapping ?? []), commitValid: args.commitValid === true });
  }

  @Roles(...PERSONAL_DATA_ROLES)
  @Query(() => [ImportColumnMapping], { description: 'Запомненные для организации сопоставления столбцов загрузки, новые первыми' })
  participantImportMapping(@Args() args: ImportMappingArgs): Promise<ImportColumnMapping[]> {
    return this.importer.savedMapping(args.tenantId?.toLowerCase() ?? null);
  }
}
