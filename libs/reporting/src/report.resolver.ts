import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '@nastavnik/platform/auth/auth.decorators';
import { ListMetadata } from '@nastavnik/platform/graphql/list-args';
import { UuidPipe } from '@nastavnik/platform/graphql/uuid.pipe';
import { RateLimited } from '@nastavnik/platform/http/rate-limited.decorator';
import { StatisticalFormType } from './dtos/statistical-form.type';
import { FORMS } from './forms/form-definitions';
import { RequestExtractArgs, RequestRegionReportArgs, RequestSchoolReportArgs, ReportListArgs } from './dtos/report.inputs';
import { ReportFileEntity } from './report-file.entity';
import { ReportService } from './report.service';

const READERS = ['platform-admin', 'ministry-official', 'region-analyst', 'curator'] as const;
const REGIONAL = ['platform-admin', 'ministry-official', 'region-analyst'] as const;

@Resolver(() => ReportFileEntity)
export class ReportResolver {
  constructor(private readonly reports: ReportService) {}

  @Roles(...READERS)
  @Query(() => [ReportFileEntity], { description: 'Отчёты и выгрузки, видимые вызывающему' })
  async allReports(@Args() args: ReportListArgs): Promise<ReportFileEntity[]> {
    return (await this.reports.list(args, args.filter)).items;
  }

  @Roles(...READERS)
  @Query(() => ListMetadata)
  async _allReportsMeta(@Args() args: ReportListArgs): Promise<ListMetadata> {
    return { count: await this.reports.count(args.filter) };
  }

  @Roles(...READERS)
  @Query(() => ReportFileEntity, { name: 'Report' })
  report(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<ReportFileEntity> {
    return this.reports.get(id);
  }

  @RateLimited('reports')
  @Roles(...READERS)
  @Mutation(() => ReportFileEntity, { description: 'Запросить отчёт организации (PDF); одинаковые запросы дают один файл' })
  requestSchoolReport(@Args() args: RequestSchoolReportArgs): Promise<ReportFileEntity> {
    return this.reports.requestSchoolReport(args);
  }

  @RateLimited('reports')
  @Roles(...REGIONAL)
  @Mutation(() => ReportFileEntity, { description: 'Запросить сравнительный отчёт региона или муниципалитета (PDF)' })
  requestRegionReport(@Args() args: RequestRegionReportArgs): Promise<ReportFileEntity> {
    return this.reports.requestRegionReport(args);
  }

  @Roles(...REGIONAL)
  @Query(() => [StatisticalFormType], { description: 'Статистические формы и их версии, по которым делаются выгрузки' })
  statisticalForms(): StatisticalFormType[] {
    return [...FORMS].sort((a, b) => a.code.localeCompare(b.code) || Number(b.version) - Number(a.version)).map((form) => StatisticalFormType.of(form));
  }

  @RateLimited('reports')
  @Roles(...REGIONAL)
  @Mutation(() => ReportFileEntity, { description: 'Запросить выгрузку по статистической форме (XLSX или CSV), только агрегаты' })
  requestExtract(@Args() args: RequestExtractArgs): Promise<ReportFileEntity> {
    return this.reports.requestExtract(args);
  }
}
