import { Module } from '@nestjs/common';

/** Services and entities of the participants lib (api and worker). */
@Module({})
export class ParticipantsCoreModule {}

/** The GraphQL surface of the participants lib (api only). */
@Module({ imports: [ParticipantsCoreModule] })
export class ParticipantsApiModule {}
