import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, type MercuriusDriverConfig } from '@nestjs/mercurius';
import { AuthModule } from '@nastavnik/platform/auth/auth.module';
import { AuthService } from '@nastavnik/platform/auth/auth.service';
import { DevIdentityController } from '@nastavnik/platform/auth/dev-identity.controller';
import { type AppConfig, loadConfig } from '@nastavnik/platform/config/app-config';
import { AppExceptionFilter } from '@nastavnik/platform/http/app-exception.filter';
import { TenantTransactionInterceptor } from '@nastavnik/platform/http/tenant-transaction.interceptor';
import { graphqlOptions } from '@nastavnik/platform/graphql/graphql-options';
import { Metrics } from '@nastavnik/platform/metrics/metrics';
import { TerminusModule } from '@nestjs/terminus';
import { createValidationPipe } from '@nastavnik/platform/graphql/validation.pipe';
import { AccessJournalModule } from '@nastavnik/platform/personal-data/journal-query';
import { PlatformModule } from '@nastavnik/platform/platform.module';
import { QueueModule } from '@nastavnik/platform/queue/queue.module';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import { TenantScopeResolver } from '@nastavnik/tenants/tenant-scope.resolver';
import { IndicatorsApiModule } from '@nastavnik/monitoring/indicators.module';
import { ContingentApiModule } from '@nastavnik/monitoring/contingent/contingent.module';
import { QuestionnairesApiModule } from '@nastavnik/monitoring/questionnaires.module';
import { ReportingApiModule } from '@nastavnik/reporting/reporting.module';
import { NotificationsApiModule } from '@nastavnik/notifications/notifications.module';
import { ParticipantsApiModule } from '@nastavnik/participants/participants.module';
import { ProgrammesApiModule } from '@nastavnik/programmes/programmes.module';
import { TenantsApiModule, TenantsCoreModule } from '@nastavnik/tenants/tenants.module';
import { HealthController } from './health.controller';
import { Lifecycle } from './lifecycle';

/** The API: a shell over the domain modules. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig = loadConfig()): DynamicModule {
    const auth = AuthModule.forRoot({ imports: [TenantsCoreModule], scopeResolver: TenantScopeResolver });
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot(config),
        QueueModule,
        auth,
        GraphQLModule.forRootAsync<MercuriusDriverConfig>({
          driver: MercuriusDriver,
          imports: [auth],
          inject: [AuthService, TenantContext, Metrics],
          useFactory: (authService: AuthService, context: TenantContext, metrics: Metrics) => graphqlOptions(authService, context, metrics),
        }),
        TenantsApiModule,
        AccessJournalModule,
        ParticipantsApiModule,
        ProgrammesApiModule,
        QuestionnairesApiModule,
        IndicatorsApiModule,
        ContingentApiModule,
        ReportingApiModule,
        NotificationsApiModule,
        TerminusModule.forRoot({ logger: false }),
      ],
      controllers: [HealthController, ...(config.auth.mode === 'dev' ? [DevIdentityController] : [])],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: AppExceptionFilter },
        { provide: APP_INTERCEPTOR, useClass: TenantTransactionInterceptor },
        Lifecycle,
      ],
    };
  }
}
