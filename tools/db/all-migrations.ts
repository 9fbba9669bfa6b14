import { platformMigrations } from '@nastavnik/platform/migrations/index';
import { indicatorMigrations } from '@nastavnik/monitoring/migrations/indicator-migrations';
import { monitoringMigrations } from '@nastavnik/monitoring/migrations/index';
import { participantsMigrations } from '@nastavnik/participants/migrations/index';
import { reportingMigrations } from '@nastavnik/reporting/migrations/index';
import { programmesMigrations } from '@nastavnik/programmes/migrations/index';
import { tenantsMigrations } from '@nastavnik/tenants/migrations/index';
import { notificationsMigrations } from '@nastavnik/notifications/migrations/index';

/** Every lib's migrations, in the order they were written (TypeORM sorts by timestamp too). */
export const allMigrations = [...platformMigrations, ...tenantsMigrations, ...participantsMigrations, ...programmesMigrations, ...monitoringMigrations, ...indicatorMigrations, ...reportingMigrations, ...notificationsMigrations];
