import { Module } from '@nestjs/common';

/** Services and entities of the programmes lib (api and worker). */
@Module({})
export class ProgrammesCoreModule {}

/** The GraphQL surface of the programmes lib (api only). */
@Module({ imports: [ProgrammesCoreModule] })
export class ProgrammesApiModule {}
