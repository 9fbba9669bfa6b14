import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IndicatorsApiModule } from '@nastavnik/monitoring/indicators.module';
import { OutcomesCoreModule } from '@nastavnik/monitoring/outcomes/outcomes.module';
import { ProduceExtractJob } from './jobs/produce-extract.job';
import { RenderReportJob } from './jobs/render-report.job';
import { ReportDataService } from './report-data.service';
import { ReportFileController } from './report-file.controller';
import { ReportFileEntity } from './report-file.entity';
import { ReportRenderer } from './report-renderer';
import { ReportResolver } from './report.resolver';
import { ReportService } from './report.service';
import './personal-data'; // declares this lib's personal-data fields (issue 14)
import { ParticipantsCoreModule } from '@nastavnik/participants/participants.module';
import { SubjectAccessResolver } from './subject-access/subject-access.resolver';
import { RegionComparisonResolver } from './ministry/region-comparison.resolver';
import { RegionComparisonService } from './ministry/region-comparison.service';
import { SubmissionResolver } from './submissions/submission.resolver';
import { SubmissionService } from './submissions/submission.service';
import { NotificationsCoreModule } from '@nastavnik/notifications/notifications.module';
import { UnsubmittedReports } from '@nastavnik/notifications/unsubmitted-reports';

/**
 * Reports and extracts: services and entities (api and worker). Loading it validates the form
 * definitions (`forms/form-definitions.ts`): a bad definition stops the process with its file name.
 */
@Module({
  imports: [TypeOrmModule.forFeature([ReportFileEntity]), IndicatorsApiModule, OutcomesCoreModule, NotificationsCoreModule],
  providers: [
    ReportService, ReportDataService, ReportRenderer, SubmissionService,
    // The notifications lib's reminder run reads the reports not submitted by their due date through its port (docs/adr/0039).
    { provide: UnsubmittedReports, useExisting: SubmissionService },
  ],
  exports: [ReportService, ReportDataService, ReportRenderer, SubmissionService],
})
export class ReportingCoreModule {}

/** GraphQL and the download route (api only). */
@Module({ imports: [ReportingCoreModule, ParticipantsCoreModule], providers: [ReportResolver, SubjectAccessResolver, SubmissionResolver, RegionComparisonService, RegionComparisonResolver], controllers: [ReportFileController] })
export class ReportingApiModule {}

/** Rendering jobs (worker only): PDFs on the `reports` queue, form extracts on `extracts`. */
@Module({ imports: [ReportingCoreModule], providers: [RenderReportJob, ProduceExtractJob] })
export class ReportingWorkerModule {}
