import type { MigrationInterface } from 'typeorm';
import { CreateNotifications1795301900000 } from './1795301900000-create-notifications';
import { ReportNotifications1795302800000 } from './1795302800000-report-notifications';
import { RegionNotificationSettings1795302917000 } from './1795302917000-region-notification-settings';
import { RegionAnalystsAddress1795303100000 } from './1795303100000-region-analysts-address';

export const notificationsMigrations: (new () => MigrationInterface)[] = [CreateNotifications1795301900000, ReportNotifications1795302800000, RegionNotificationSettings1795302917000, RegionAnalystsAddress1795303100000];
