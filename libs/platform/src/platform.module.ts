import { type DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig, loadConfig } from './config/app-config';
import { appDataSourceOptions } from './database/data-source-options';
import { ReadReplica } from './database/read-replica';
import { Metrics } from './metrics/metrics';
import { TenantContext } from './tenancy/tenant-context';

/**
 * What every process (api, worker, CLI) needs: configuration, the app-role connection pool and
 * the tenant context, and the process's metrics. The pool connects as the app role, which owns nothing and cannot bypass RLS;
 * so does the read replica's (DATABASE_READ_URL), made on first use.
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(config: AppConfig = loadConfig()): DynamicModule {
    return {
      module: PlatformModule,
      imports: [TypeOrmModule.forRoot({ ...appDataSourceOptions(config), autoLoadEntities: true })],
      providers: [{ provide: APP_CONFIG, useValue: config }, ReadReplica, TenantContext, Metrics],
      exports: [APP_CONFIG, ReadReplica, TenantContext, Metrics],
    };
  }
}
