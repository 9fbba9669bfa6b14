import { Module } from '@nestjs/common';

/** Reports and extracts: services and entities (api and worker). */
@Module({})
export class ReportingCoreModule {}

/** GraphQL and the download route (api only). */
@Module({ imports: [ReportingCoreModule] })
export class ReportingApiModule {}

/** Rendering jobs (worker only). */
@Module({ imports: [ReportingCoreModule] })
export class ReportingWorkerModule {}
