import { type DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '@nastavnik/platform/config/app-config';
import { JournalMaintenanceModule } from '@nastavnik/platform/personal-data/journal-maintenance';
import { PlatformModule } from '@nastavnik/platform/platform.module';
import { QueueModule, QueueWorkersModule } from '@nastavnik/platform/queue/queue.module';
import { IndicatorsWorkerModule } from '@nastavnik/monitoring/indicators.module';
import { QuestionnairesCoreModule } from '@nastavnik/monitoring/questionnaires.module';
import { OutcomesWorkerModule } from '@nastavnik/monitoring/outcomes/outcomes.module';
import { ReportingWorkerModule } from '@nastavnik/reporting/reporting.module';
import { NotificationsWorkerModule } from '@nastavnik/notifications/notifications.module';
import { TenantsJobsModule } from '@nastavnik/tenants/tenants.module';
import { ParticipantsWorkerModule } from '@nastavnik/participants/participants.module';
// Erasure (docs/adr/0025) runs every lib's handler: those whose modules the worker does not load register here.
import '@nastavnik/monitoring/personal-data';
import '@nastavnik/programmes/personal-data';

/** The worker: BullMQ consumers of the domain modules' jobs; no business HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [PlatformModule.forRoot(config), QueueModule, TenantsJobsModule, IndicatorsWorkerModule, OutcomesWorkerModule, ReportingWorkerModule, JournalMaintenanceModule, NotificationsWorkerModule, QuestionnairesCoreModule, ParticipantsWorkerModule, QueueWorkersModule],
    };
  }
}
