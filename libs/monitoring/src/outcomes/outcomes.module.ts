import { Module } from '@nestjs/common';
import { ProgrammesCoreModule } from '@nastavnik/programmes/programmes.module';
import { OutcomeResolver } from './outcome.resolver';
import { OutcomeService } from './outcome.service';

/** Outcomes of the programmes (before/after, response rates): the service, for the api and the reports. */
@Module({ imports: [ProgrammesCoreModule], providers: [OutcomeService], exports: [OutcomeService] })
export class OutcomesCoreModule {}

/** Their GraphQL surface (api only). */
@Module({ imports: [OutcomesCoreModule], providers: [OutcomeResolver] })
export class OutcomesApiModule {}
