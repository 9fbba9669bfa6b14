import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '@nastavnik/platform/auth/auth.decorators';
import { crudResolver } from '@nastavnik/platform/graphql/crud-resolver';
import { ContingentTemplateArgs, CreateSchoolContingentInput, ImportSchoolContingentsArgs, SchoolContingentListArgs, UpdateSchoolContingentInput } from './contingent.inputs';
import { ContingentService } from './contingent.service';
import { ContingentImportReport, SchoolContingentType } from './contingent.types';

/** Counts, no person: every reader of aggregates reads; the school's curator, a region analyst and the platform admin write. */
const READERS = ['platform-admin', 'ministry-official', 'region-analyst', 'curator'] as const;
const WRITERS = ['curator', 'region-analyst', 'platform-admin'] as const;
const IMPORTERS = ['curator', 'region-analyst'] as const;

@Resolver(() => SchoolContingentType)
export class ContingentResolver extends crudResolver({
  entity: SchoolContingentType,
  names: { many: 'SchoolContingents', one: 'SchoolContingent' },
  listArgs: SchoolContingentListArgs,
  create: CreateSchoolContingentInput,
  update: UpdateSchoolContingentInput,
  delete: true,
  roles: { read: READERS, write: WRITERS },
  service: ContingentService,
  descriptions: {
    list: 'Контингент организаций по учебным годам (куратору — своей, аналитику — школ региона)',
    create: 'Внести контингент организации за учебный год',
    update: 'Изменить контингент',
    delete: 'Удалить контингент (показатели снова считаются по зарегистрированным участникам)',
  },
}) {
  @Roles(...IMPORTERS)
  @Mutation(() => ContingentImportReport, { description: 'Загрузка контингента из XLSX или CSV: школа — свой, регион — строка на организацию по коду (сначала пробная: dryRun = true)' })
  importSchoolContingents(@Args() args: ImportSchoolContingentsArgs): Promise<ContingentImportReport> {
    return this.service.import(args.file, args.format, args.dryRun, args.schoolYear ?? null);
  }

  @Roles(...IMPORTERS)
  @Query(() => String, { description: 'Шаблон файла контингента (XLSX в base64): школы или региона' })
  schoolContingentTemplate(@Args() args: ContingentTemplateArgs): Promise<string> {
    return this.service.template(args.region);
  }
}
