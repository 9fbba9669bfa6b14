import { CreateIndicatorTables1795300350000 } from './1795300350000-create-indicator-tables';
import { CreateIndicatorFacts1795300360000 } from './1795300360000-create-indicator-facts';
import { CreateScorecardFacts1795300370000 } from './1795300370000-create-scorecard-facts';
import { MembershipFactsByKey1795300380000 } from './1795300380000-membership-facts-by-key';
import { PublishMonitoringReadModels1795301030000 } from './1795301030000-publish-monitoring-read-models';
import { CreateSchoolContingents1795301700000 } from './1795301700000-create-school-contingents';

/** The indicator engine's migrations (after the questionnaires' ones, by timestamp). */
export const indicatorMigrations = [CreateIndicatorTables1795300350000, CreateIndicatorFacts1795300360000, CreateScorecardFacts1795300370000, MembershipFactsByKey1795300380000, PublishMonitoringReadModels1795301030000, CreateSchoolContingents1795301700000];
