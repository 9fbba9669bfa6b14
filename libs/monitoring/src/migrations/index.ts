import type { MigrationInterface } from 'typeorm';
import { CreateQuestionnaires1795300300000 } from './1795300300000-create-questionnaires';
import { SeedDefaultQuestionnaires1795300310000 } from './1795300310000-seed-default-questionnaires';
import { CreateProgrammeScorecards1795300320000 } from './1795300320000-create-programme-scorecards';
import { WithdrawLinksOnConsentRevocation1795300330000 } from './1795300330000-withdraw-links-on-consent-revocation';
import { DeclareMonitoringPolicies1795301130000 } from './1795301130000-declare-monitoring-policies';
import { KeyMonitoringByTenant1795301230000 } from './1795301230000-key-monitoring-by-tenant';
import { RegionalTargets1795302000000 } from './1795302000000-regional-targets';
import { CreateSchoolDataChanges1795302020000 } from './1795302020000-create-school-data-changes';
import { CreateOutcomeFacts1795302200000 } from './1795302200000-create-outcome-facts';

export const monitoringMigrations: (new () => MigrationInterface)[] = [
  // Questionnaires, links and the effectiveness scorecard (1795300300000–1795300349999) come first.
  CreateQuestionnaires1795300300000,
  SeedDefaultQuestionnaires1795300310000,
  CreateProgrammeScorecards1795300320000,
  WithdrawLinksOnConsentRevocation1795300330000,
  DeclareMonitoringPolicies1795301130000,
  // Keys by tenant of the questionnaires' and the indicator engine's school tables (issue 18).
  KeyMonitoringByTenant1795301230000,
  // A region analyst sets the region's targets for any indicator (issue 13, docs/adr/0033).
  RegionalTargets1795302000000,
  // When each area of a school's records last changed, for the region's school card (issue 13).
  CreateSchoolDataChanges1795302020000,
  // The schools' before/after aggregates for the region's outcome snapshots (issue 13, docs/adr/0035).
  CreateOutcomeFacts1795302200000,
];
