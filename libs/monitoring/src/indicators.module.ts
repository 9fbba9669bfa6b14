import { Module } from '@nestjs/common';
import { IndicatorEngine } from './indicator-engine';
import { IndicatorQueryService } from './indicator-query.service';
import { IndicatorResolver } from './indicator.resolver';
import { IndicatorTableExportController } from './indicator-table.controller';
import { SchoolCardResolver } from './school-card/school-card.resolver';
import { SchoolCardService } from './school-card/school-card.service';
import { TargetResolver } from './targets/target.resolver';
import { TargetService } from './targets/target.service';
import { NightlyIndicatorsJob } from './nightly-indicators.job';
import { RecomputeIndicatorsJob } from './recompute-indicators.job';
import { RecomputeReconciler } from './recompute-reconciler';
import './personal-data'; // declares this lib's personal-data fields (issue 14)

/**
 * The indicator engine and its jobs: worker (and operator CLI) only — the engine's database role
 * is in the worker's configuration, never the API's.
 */
@Module({
  providers: [IndicatorEngine, RecomputeIndicatorsJob, NightlyIndicatorsJob, RecomputeReconciler],
  exports: [IndicatorEngine, RecomputeReconciler],
})
export class IndicatorsWorkerModule {}

/** Indicator values and comparisons, regional targets and the school card for people, in their scope (api). */
@Module({
  providers: [IndicatorQueryService, IndicatorResolver, TargetService, TargetResolver, SchoolCardService, SchoolCardResolver],
  controllers: [IndicatorTableExportController],
  exports: [IndicatorQueryService, TargetService],
})
export class IndicatorsApiModule {}
