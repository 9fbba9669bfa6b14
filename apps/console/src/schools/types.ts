import type { IndicatorValue } from '../indicators/types';

export type SurveyResponseRate = { code: string; roleTitle: string; respondents: number; participants: number; rate: number | null };
export type StageExecution = { stageCode: string | null; stageTitle: string; total: number; done: number; inProgress: number; planned: number; notDone: number; overdue: number };
export type RoadmapExecution = Omit<StageExecution, 'stageCode' | 'stageTitle'> & { stages: StageExecution[] };
export type DataFreshness = { area: string; title: string; changedOn: string | null; daysAgo: number | null };
export type SchoolCard = {
  tenantId: string;
  shortName: string;
  fullName: string;
  municipalityName: string | null;
  period: string;
  indicators: (IndicatorValue & { denominator: number | null })[];
  responseRates: SurveyResponseRate[];
  scorecardLevels: { level: string; title: string; programmes: number }[];
  roadmap: RoadmapExecution | null;
  freshness: DataFreshness[];
  indicatorsComputedAt: string | null;
};

const EXECUTION = 'total done inProgress planned notDone overdue';
export const SCHOOL_CARD_QUERY = `query SchoolCard($id: ID!, $period: String!) {
  schoolCard(tenantId: $id, period: $period) {
    tenantId shortName fullName municipalityName period indicatorsComputedAt
    indicators { code tenantId tenantName municipalityName numerator denominator value target belowTarget rank computedAt denominatorSource }
    responseRates { code roleTitle respondents participants rate }
    scorecardLevels { level title programmes }
    roadmap { ${EXECUTION} stages { stageCode stageTitle ${EXECUTION} } }
    freshness { area title changedOn daysAgo }
  }
}`;

/** Data older than this many days is marked stale on the card. */
export const STALE_AFTER_DAYS = 60;

/** «2025-03-14» → «14.03.2025». */
export function ruDay(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

/** The card of a school for a school year: `#/schools/<id>/card?period=2024%2F2025`. */
export function schoolCardLink(tenantId: string, period?: string): string {
  return `/schools/${tenantId}/card${period ? `?period=${encodeURIComponent(period)}` : ''}`;
}
