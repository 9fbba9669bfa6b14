import { Inject, Injectable, Logger, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The access journal's partitions (docs/adr/0023), kept by the worker: on start and then daily,
 * this month's and the next two months' partitions are created (`app.journal_ensure_partitions`)
 * and whole months older than JOURNAL_RETENTION_MONTHS dropped (`app.journal_drop_expired`, which
 * never keeps fewer than 12). Both are idempotent SECURITY DEFINER functions of the owner — the
 * only DDL the app role can cause — so several workers may run them at once.
 */
@Injectable()
export class JournalMaintenance implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JournalMaintenance.name);
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    void this.run();
    this.timer = setInterval(() => void this.run(), DAY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** One round; returns the partitions created and dropped. */
  async run(): Promise<{ created: number; dropped: number }> {
    try {
      const [{ created }] = await this.dataSource.query(`select app.journal_ensure_partitions(2) as created`);
      const [{ dropped }] = await this.dataSource.query(`select app.journal_drop_expired($1) as dropped`, [this.config.journalRetentionMonths]);
      if (created || dropped) this.logger.log(`access journal: ${created} partition(s) created, ${dropped} dropped`);
      return { created, dropped };
    } catch (error) {
      this.logger.error(`access journal maintenance failed: ${(error as Error).message}`);
      return { created: 0, dropped: 0 };
    }
  }
}

@Module({ providers: [JournalMaintenance], exports: [JournalMaintenance] })
export class JournalMaintenanceModule {}
