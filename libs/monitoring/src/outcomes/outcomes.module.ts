import { Module } from '@nestjs/common';
import { ProgrammesCoreModule } from '@nastavnik/programmes/programmes.module';
import { OutcomeResolver } from './outcome.resolver';
import { OutcomeService } from './outcome.service';
import { RecomputeOutcomesJob } from './recompute-outcomes.job';
import { RegionOutcomeService } from './region-outcome.service';
import { IndicatorsWorkerModule } from '../indicators.module';

/** Outcomes of the programmes (before/after, response rates): the service, for the api and the reports. */
@Module({ imports: [ProgrammesCoreModule], providers: [OutcomeService], exports: [OutcomeService] })
export class OutcomesCoreModule {}

/** Their GraphQL surface (api only). */
@Module({ imports: [OutcomesCoreModule], providers: [OutcomeResolver, RegionOutcomeService] })
export class OutcomesApiModule {}

/** The region's outcome snapshots, on the indicator engine's connection (worker only). */
@Module({ imports: [IndicatorsWorkerModule], providers: [RecomputeOutcomesJob] })
export class OutcomesWorkerModule {}
