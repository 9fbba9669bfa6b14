import type { SchoolOutcomesType } from '@nastavnik/monitoring/outcomes/outcome.types';

/** The facts a report is drawn from, gathered under the requester's scope (pure data, no I/O). */
export type IndicatorLine = {
  code: string;
  title: string;
  unit: 'percent' | 'count';
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  target: number | null;
  belowTarget: boolean | null;
  /** Where a population denominator came from (docs/adr/0027): the school's contingent or its registered people; absent or null otherwise. */
  denominatorSource?: 'contingent' | 'registered' | null;
};

export type RoadmapLine = { number: string; activity: string; due: string | null; responsible: string | null; status: string; result: string | null };

export type SchoolReportData = {
  organisation: { id: string; fullName: string; shortName: string; municipality: string | null; region: string | null };
  period: string;
  /** 'curator': everything; 'aggregate': a regional reader, who sees no curator-only data. */
  audience: 'curator' | 'aggregate';
  indicators: IndicatorLine[];
  scorecard: { programme: string; total: number; level: string; ratedOn: string } [] | null;
  counts: { mentors: number | null; mentees: number | null };
  meetings: { code: string; title: string; organisational: number; trial: number }[];
  roadmap: { title: string; items: RoadmapLine[]; totals: Record<'total' | 'planned' | 'inProgress' | 'done' | 'notDone', number> } | null;
  /** The reader may not see the roadmap at all (a ministry official); a region analyst sees it without the responsible persons. */
  roadmapHidden?: boolean;
  /** Before/after and response rates (docs/adr/0035); null in a regional reader's copy, absent where not gathered. */
  outcomes?: SchoolOutcomesType | null;
  generatedAt: Date;
};

export type RegionOrganisationLine = {
  tenantId: string;
  name: string;
  municipality: string | null;
  /** Per indicator code: value (percent or count) and raw numbers; null when no snapshot. */
  values: Record<string, { numerator: number; denominator: number | null; value: number | null; belowTarget: boolean | null; rank: number | null } | null>;
};

export type RegionReportData = {
  node: { id: string | null; name: string; kind: string };
  period: string;
  indicators: { code: string; title: string; shortTitle: string; unit: 'percent' | 'count'; target: number | null }[];
  organisations: RegionOrganisationLine[];
  municipalities: { name: string; values: Record<string, { numerator: number; denominator: number | null; value: number | null; organisations: number }> }[];
  totals: Record<string, { numerator: number; denominator: number | null; value: number | null; organisations: number } | null>;
  belowTarget: Record<string, { name: string; value: number | null; target: number | null }[]>;
  /** Per indicator code: the node's value per school year, first to last year with data; null — a year without data (a gap). */
  trends: Record<string, { period: string; value: number | null; numerator: number | null; denominator: number | null }[]>;
  generatedAt: Date;
};
