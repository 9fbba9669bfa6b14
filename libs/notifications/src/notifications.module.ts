import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { FastifyInstance } from 'fastify';
import { ParticipantsCoreModule } from '@nastavnik/participants/participants.module';
import { MeetingPlannedListener } from '@nastavnik/programmes/meetings/meeting-events';
import { MeetingInvitations } from './meeting-invitation';
import { NotificationEntity } from './notification.entity';
import { NotificationOutbox } from './notification-outbox.service';
import { NotificationResolver } from './notification.resolver';
import { NotificationsService } from './notifications.service';
import { RelayNotificationsJob } from './relay-notifications.job';
import { RunRemindersJob } from './run-reminders.job';
import { ProgrammesCoreModule } from '@nastavnik/programmes/programmes.module';
import { SendNotificationsJob } from './send-notifications.job';
import { SmtpSender } from './smtp-sender';
import { UNSUBSCRIBE_PATH, UnsubscribeController, UnsubscribeService } from './unsubscribe.controller';
import './personal-data'; // declares this lib's personal-data fields and its erasure handler (issue 14)

/**
 * The outbox other libs write to in their own transaction (api and worker), and the listener the
 * programmes lib's meetings call through their port (the `.ics` invitation, docs/adr/0038).
 */
@Module({
  imports: [TypeOrmModule.forFeature([NotificationEntity]), ParticipantsCoreModule],
  providers: [NotificationOutbox, NotificationsService, { provide: MeetingPlannedListener, useClass: MeetingInvitations }],
  exports: [NotificationOutbox, NotificationsService],
})
export class NotificationsCoreModule {}

/** «Уведомления» in GraphQL and the public one-click unsubscribe route (api only). */
@Module({
  imports: [NotificationsCoreModule],
  providers: [NotificationResolver, UnsubscribeService],
  controllers: [UnsubscribeController],
})
export class NotificationsApiModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  /**
   * RFC 8058's one-click POST is `application/x-www-form-urlencoded` (`List-Unsubscribe=One-Click`),
   * which Fastify does not parse: accept it, bounded, on the unsubscribe route only (the body is not read).
   */
  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify || fastify.hasContentTypeParser('application/x-www-form-urlencoded')) return;
    fastify.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (request, _body, done) => {
      if (request.is404 || request.routeOptions.url === UNSUBSCRIBE_PATH) done(null, {});
      else done(Object.assign(new Error('Unsupported Media Type'), { statusCode: 415 }), undefined);
    });
  }
}

/** The worker's side: the relay and the sender (and the reminder run). */
@Module({
  imports: [NotificationsCoreModule, ProgrammesCoreModule],
  providers: [SmtpSender, SendNotificationsJob, RelayNotificationsJob, RunRemindersJob],
})
export class NotificationsWorkerModule {}
