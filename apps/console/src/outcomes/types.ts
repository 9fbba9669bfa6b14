/** What the console reads of `schoolOutcomes` (libs/monitoring/src/outcomes/outcome.types.ts). */
export type OutcomeQuestion = {
  key: string;
  role: 'MENTEE' | 'MENTOR' | 'CURATOR';
  kind: 'RATING' | 'SINGLE_CHOICE' | 'MULTIPLE_CHOICE' | 'OPEN';
  text: string;
  hint: string | null;
  scaleMin: number | null;
  scaleMax: number | null;
  pairs: number;
  meanBefore: number | null;
  meanAfter: number | null;
  meanChange: number | null;
  onlyBefore: number;
  onlyAfter: number;
  options: { label: string; before: number; after: number }[];
};

export type ResponseRate = {
  role: 'MENTEE' | 'MENTOR';
  phase: 'pre' | 'post' | 'none';
  linksIssued: number;
  answeredByLink: number;
  respondents: number;
  participants: number;
  linkRate: number | null;
  participantRate: number | null;
};

export type SchoolOutcomes = {
  tenantId: string;
  period: string;
  programmes: { programmeId: string | null; title: string; questions: OutcomeQuestion[]; responseRates: ResponseRate[] }[];
  responseRates: ResponseRate[];
  satisfactionMentees: ResponseRate | null;
  satisfactionMentors: ResponseRate | null;
};

const RATE_FIELDS = 'role phase linksIssued answeredByLink respondents participants linkRate participantRate';

export const SCHOOL_OUTCOMES_QUERY = `query SchoolOutcomes($period: String!) { schoolOutcomes(period: $period) {
  tenantId period
  programmes { programmeId title
    questions { key role kind text hint scaleMin scaleMax pairs meanBefore meanAfter meanChange onlyBefore onlyAfter options { label before after } }
    responseRates { ${RATE_FIELDS} } }
  responseRates { ${RATE_FIELDS} }
  satisfactionMentees { ${RATE_FIELDS} }
  satisfactionMentors { ${RATE_FIELDS} } } }`;

export const ROLE_TITLES: Record<ResponseRate['role'], string> = { MENTEE: 'наставляемые', MENTOR: 'наставники' };
export const PHASE_TITLES: Record<ResponseRate['phase'], string> = { pre: 'входная анкета («до»)', post: 'итоговая анкета («после»)', none: 'прочие анкеты' };

/** «2,5» — Russian decimals; «—» for nothing. */
export function decimal(value: number | null | undefined, signed = false): string {
  if (value === null || value === undefined) return '—';
  const text = value.toLocaleString('ru-RU', { minimumFractionDigits: 1, maximumFractionDigits: 2 });
  return signed && value > 0 ? `+${text}` : text;
}

export function percent(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${value} %`;
}
