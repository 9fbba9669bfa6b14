import { type DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '@nastavnik/platform/config/app-config';
import { JournalMaintenanceModule } from '@nastavnik/platform/personal-data/journal-maintenance';
import { PlatformModule } from '@nastavnik/platform/platform.module';
import { QueueModule, QueueWorkersModule } from '@nastavnik/platform/queue/queue.module';
import { IndicatorsWorkerModule } from '@nastavnik/monitoring/indicators.module';
import { ReportingWorkerModule } from '@nastavnik/reporting/reporting.module';
import { TenantsJobsModule } from '@nastavnik/tenants/tenants.module';

/** The worker: BullMQ consumers of the domain modules' jobs; no business HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [PlatformModule.forRoot(config), QueueModule, TenantsJobsModule, IndicatorsWorkerModule, ReportingWorkerModule, JournalMaintenanceModule, QueueWorkersModule],
    };
  }
}
