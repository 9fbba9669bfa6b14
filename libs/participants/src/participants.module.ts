import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { FastifyInstance } from 'fastify';
import { TenantsCoreModule } from '@nastavnik/tenants/tenants.module';
import { BaseEntriesService } from './base-entries.service';
import { BaseEntryResolver } from './base-entry.resolver';
import { ConsentEntity } from './consent.entity';
import { ConsentResolver } from './consent.resolver';
import { ConsentsService } from './consents.service';
import { acceptRawUploads } from './import/read-upload';
import { ParticipantBaseEntryEntity } from './participant-base-entry.entity';
import { PARTICIPANT_IMPORT_PATHS, ParticipantImportController } from './participant-import.controller';
import { ParticipantImportResolver } from './participant-import.resolver';
import { ParticipantImportService } from './participant-import.service';
import { ParticipantRecordsService } from './participant-records.service';
import { ParticipantEntity } from './participant.entity';
import { ParticipantResolver } from './participant.resolver';
import { ParticipantsService } from './participants.service';
import './personal-data'; // declares this lib's personal-data fields (issue 14)
import { ErasePersonalDataJob } from './erasure/erase-personal-data.job';
import { SweepErasuresJob } from './erasure/sweep-erasures.job';
import { ErasureResolver, ParticipantErasuresResolver } from './erasure/erasure.resolver';
import { ErasureService } from './erasure/erasure.service';
import { PersonalDataErasureEntity } from './erasure/erasure.types';
import { SubjectAccessService } from './subject-access/subject-access.service';

const SERVICES = [ParticipantsService, ParticipantRecordsService, BaseEntriesService, ConsentsService, ParticipantImportService, ErasureService, SubjectAccessService];

/** Services and entities of the participants lib (api and worker). Other libs use `ParticipantsService`. */
@Module({
  imports: [TypeOrmModule.forFeature([ParticipantEntity, ParticipantBaseEntryEntity, ConsentEntity, PersonalDataErasureEntity]), TenantsCoreModule],
  providers: SERVICES,
  exports: SERVICES,
})
export class ParticipantsCoreModule {}

/** The GraphQL surface of the participants lib and its file upload route (api only). */
@Module({
  imports: [ParticipantsCoreModule],
  providers: [ParticipantResolver, BaseEntryResolver, ConsentResolver, ParticipantImportResolver, ErasureResolver, ParticipantErasuresResolver],
  controllers: [ParticipantImportController],
})
export class ParticipantsApiModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  /** Before the server is ready: the import route takes the file as a raw body (read-upload.ts). */
  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (fastify) acceptRawUploads(fastify, PARTICIPANT_IMPORT_PATHS);
  }
}

/** The participants lib's jobs (worker only): erasure by de-identification and its hourly sweep (docs/adr/0025). */
@Module({ imports: [ParticipantsCoreModule], providers: [ErasePersonalDataJob, SweepErasuresJob] })
export class ParticipantsWorkerModule {}
