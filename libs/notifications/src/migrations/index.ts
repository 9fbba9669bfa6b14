import type { MigrationInterface } from 'typeorm';
import { CreateNotifications1795301900000 } from './1795301900000-create-notifications';

export const notificationsMigrations: (new () => MigrationInterface)[] = [CreateNotifications1795301900000];
