import { StructureOverview } from '../dashboard/StructureOverview';
import { RegionComparison } from './RegionComparison';

/**
 * The ministry official's home page: the regions compared on the target-model indicators (a table
 * of regions × indicators with the all-Russia total, and a plot of one indicator), above the
 * structure counts and the organisations per region.
 */
export const MinistryHome = () => <StructureOverview showOrganisations indicators={<RegionComparison />} />;
