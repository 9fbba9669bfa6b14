import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '@nastavnik/platform/auth/auth.decorators';
import { crudResolver } from '@nastavnik/platform/graphql/crud-resolver';
import { RateLimited } from '@nastavnik/platform/http/rate-limited.decorator';
import { StatisticalFormType } from './dtos/statistical-form.type';
import { FORMS } from './forms/form-definitions';
import { RequestExtractArgs, RequestRegionReportArgs, RequestSchoolReportArgs, ReportListArgs } from './dtos/report.inputs';
import { ReportFileEntity } from './report-file.entity';
import { ReportService } from './report.service';
import { Journaled } from '@nastavnik/platform/personal-data/journal';

const READERS = ['platform-admin', 'ministry-official', 'region-analyst', 'curator'] as const;
const REGIONAL = ['platform-admin', 'ministry-official', 'region-analyst'] as const;

/** Reports are requested (below) and made by the worker, never written directly. */
@Resolver(() => ReportFileEntity)
export class ReportResolver extends crudResolver({
  entity: ReportFileEntity,
  names: { many: 'Reports', one: 'Report' },
  listArgs: ReportListArgs,
  roles: { read: READERS },
  descriptions: { list: 'Отчёты и выгрузки, видимые вызывающему' },
  service: ReportService,
}) {
  @RateLimited('reports')
  @Roles(...READERS)
  @Mutation(() => ReportFileEntity, { description: 'Запросить отчёт организации (PDF); одинаковые запросы дают один файл' })
  @Journaled({ entity: 'Report', action: 'create', operation: 'requestSchoolReport' })
  requestSchoolReport(@Args() args: RequestSchoolReportArgs): Promise<ReportFileEntity> {
    return this.service.requestSchoolReport(args);
  }

  @RateLimited('reports')
  @Roles(...REGIONAL)
  @Mutation(() => ReportFileEntity, { description: 'Запросить сравнительный отчёт региона или муниципалитета (PDF)' })
  @Journaled({ entity: 'Report', action: 'create', operation: 'requestRegionReport' })
  requestRegionReport(@Args() args: RequestRegionReportArgs): Promise<ReportFileEntity> {
    return this.service.requestRegionReport(args);
  }

  @Roles(...REGIONAL)
  @Query(() => [StatisticalFormType], { description: 'Статистические формы и их версии, по которым делаются выгрузки' })
  statisticalForms(): StatisticalFormType[] {
    return [...FORMS].sort((a, b) => a.code.localeCompare(b.code) || Number(b.version) - Number(a.version)).map((form) => StatisticalFormType.of(form));
  }

  @RateLimited('reports')
  @Roles(...REGIONAL)
  @Mutation(() => ReportFileEntity, { description: 'Запросить выгрузку по статистической форме (XLSX или CSV), только агрегаты' })
  @Journaled({ entity: 'Report', action: 'create', operation: 'requestExtract' })
  requestExtract(@Args() args: RequestExtractArgs): Promise<ReportFileEntity> {
    return this.service.requestExtract(args);
  }
}
