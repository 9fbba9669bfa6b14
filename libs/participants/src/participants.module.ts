import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TenantsCoreModule } from '@nastavnik/tenants/tenants.module';
import { BaseEntriesService } from './base-entries.service';
import { BaseEntryResolver } from './base-entry.resolver';
import { ConsentEntity } from './consent.entity';
import { ConsentResolver } from './consent.resolver';
import { ConsentsService } from './consents.service';
import { ParticipantBaseEntryEntity } from './participant-base-entry.entity';
import { ParticipantImportResolver } from './participant-import.resolver';
import { ParticipantImportService } from './participant-import.service';
import { ParticipantRecordsService } from './participant-records.service';
import { ParticipantEntity } from './participant.entity';
import { ParticipantResolver } from './participant.resolver';
import { ParticipantsService } from './participants.service';

const SERVICES = [ParticipantsService, ParticipantRecordsService, BaseEntriesService, ConsentsService, ParticipantImportService];

/** Services and entities of the participants lib (api and worker). Other libs use `ParticipantsService`. */
@Module({
  imports: [TypeOrmModule.forFeature([ParticipantEntity, ParticipantBaseEntryEntity, ConsentEntity]), TenantsCoreModule],
  providers: SERVICES,
  exports: SERVICES,
})
export class ParticipantsCoreModule {}

/** The GraphQL surface of the participants lib (api only). */
@Module({
  imports: [ParticipantsCoreModule],
  providers: [ParticipantResolver, BaseEntryResolver, ConsentResolver, ParticipantImportResolver],
})
export class ParticipantsApiModule {}
