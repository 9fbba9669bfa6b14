import { ListArgs } from '@nastavnik/platform/graphql/list-args';
import type { QuestionnaireAnswerInput } from '@nastavnik/monitoring/dtos/questionnaire.inputs';
import type { QuestionnaireLinkService } from '@nastavnik/monitoring/questionnaire-link.service';
import type { QuestionnaireResponseService } from '@nastavnik/monitoring/questionnaire-response.service';
import type { QuestionnaireTemplateEntity } from '@nastavnik/monitoring/questionnaire-template.entity';
import type { QuestionnaireTemplateService } from '@nastavnik/monitoring/questionnaire-template.service';
import type { ScorecardService } from '@nastavnik/monitoring/scorecard.service';

export type QuestionnaireServices = {
  templates: QuestionnaireTemplateService;
  responses: QuestionnaireResponseService;
  links: QuestionnaireLinkService;
  scorecards: ScorecardService;
};

/** Who of a school answers, and how many of them are satisfied (T3/T4: «33 из 59», «8 из 12» for Мишкинская СОШ). */
export type DemoRespondents = {
  academicYear: string;
  /** Participant ids (eligible for questionnaires) of the school's mentees and mentors. */
  mentees: string[];
  mentors: string[];
  satisfiedMentees: number;
  satisfiedMentors: number;
  /** Programmes to give an effectiveness scorecard (E1–E9). */
  programmeIds: string[];
  /** How many mentees get a personal link still to be answered (the paths are returned). */
  openLinks?: number;
};

export type DemoQuestionnaireResult = { responses: number; scorecards: number; linkPaths: string[] };

/** Seed 004's published satisfaction of Мишкинская СОШ for 2022–2023 (SEEDS-DOMAIN §8.2). */
export const MISHKINO_SATISFACTION = { mentees: { satisfied: 33, total: 59 }, mentors: { satisfied: 8, total: 12 } } as const;

const COMMENTS = [
  'Встречи помогли разобраться с трудными темами.',
  'Хотелось бы встречаться чаще.',
  'Спасибо наставнику за поддержку и терпение.',
  'Стало легче выступать перед классом.',
  'Было бы удобнее встречаться после уроков.',
  'Понравилась совместная работа над проектом.',
];

/** A tiny deterministic generator (mulberry32), so the demo is the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Synthetic answers (the seeds contain none — F6) to every question of a template: ratings
 * mostly in the upper half, the first option or a random one, a comment for about half of the
 * optional open questions; THE satisfaction question gets a rating at or above its threshold
 * when `satisfied`, below it otherwise.
 */
export function demoAnswers(template: QuestionnaireTemplateEntity, satisfied: boolean, next: () => number): QuestionnaireAnswerInput[] {
  const answers: QuestionnaireAnswerInput[] = [];
  for (const q of template.questions) {
    if (q.kind === 'rating') {
      const min = q.scaleMin ?? 1;
      const max = q.scaleMax ?? 10;
      let value: number;
      if (q.isSatisfaction && q.satisfiedMin !== null) {
        value = satisfied ? q.satisfiedMin + Math.floor(next() * (max - q.satisfiedMin + 1)) : min + Math.floor(next() * Math.max(1, q.satisfiedMin - min));
      } else {
        value = Math.max(min, max - Math.floor(next() * (max - min + 1) * 0.6));
      }
      answers.push({ questionId: q.id, value });
    } else if (q.kind === 'single_choice' || q.kind === 'multiple_choice') {
      const marked = q.options.filter((o) => o.satisfied);
      const pool = q.isSatisfaction ? (satisfied ? marked : q.options.filter((o) => !o.satisfied)) : q.options;
      const pick = pool[Math.floor(next() * pool.length)] ?? q.options[0];
      answers.push({ questionId: q.id, options: [pick.code] });
    } else if (q.required || next() < 0.5) {
      answers.push({ questionId: q.id, text: COMMENTS[Math.floor(next() * COMMENTS.length)] });
    }
  }
  return answers;
}

/**
 * Loads a school's demo questionnaires through the services (so through the same checks and
 * row-level policies as the API): satisfaction questionnaires of every mentee and mentor with
 * exactly the requested number satisfied, PRE and POST growth questionnaires of a few mentees,
 * the curator's quality questionnaire, one effectiveness scorecard per programme, and some open
 * personal links. Run it inside the school curator's (or the platform admin's) scope, after the
 * participants (with consents to questionnaires) and programmes exist. Not idempotent.
 */
export async function loadDemoQuestionnaires(services: QuestionnaireServices, tenantCode: string, who: DemoRespondents): Promise<DemoQuestionnaireResult> {
  const next = random([...tenantCode].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619), 2166136261));
  const byCode = new Map<string, QuestionnaireTemplateEntity>();
  const defaults = await services.templates.list(Object.assign(new ListArgs(), { perPage: 500 }), { isDefault: true });
  for (const template of defaults) byCode.set(template.code, template);
  const template = (code: string) => {
    const found = byCode.get(code);
    if (!found) throw new Error(`default questionnaire ${code} is missing (migrations not applied?)`);
    return found;
  };
  const [startYear] = who.academicYear.split('/').map(Number);
  // Dates of the school year; for the running year, never later than now (the services refuse the future).
  const at = (month: number, day: number) => new Date(Math.min(Date.UTC(month >= 9 ? startYear : startYear + 1, month - 1, day, 9, 0, 0), Date.now() - 3_600_000));
  let responses = 0;
  const respond = async (code: string, participantId: string | null, satisfied: boolean, submittedAt: Date) => {
    const t = template(code);
    await services.responses.create({ templateId: t.id, participantId, academicYear: who.academicYear, submittedAt, answers: demoAnswers(t, satisfied, next) });
    responses += 1;
  };

  for (const [index, id] of who.mentees.entries()) await respond('mentee-satisfaction', id, index < who.satisfiedMentees, at(5, 20 + (index % 8)));
  for (const [index, id] of who.mentors.entries()) await respond('mentor-satisfaction', id, index < who.satisfiedMentors, at(5, 22 + (index % 6)));
  for (const id of who.mentees.slice(0, Math.min(10, who.mentees.length))) {
    await respond('mentee-student-growth-pre', id, false, at(10, 5));
    await respond('mentee-student-growth-post', id, false, at(5, 15));
  }
  for (const id of who.mentors.slice(0, Math.min(5, who.mentors.length))) {
    await respond('mentor-growth-pre', id, false, at(10, 10));
    await respond('mentor-growth-post', id, false, at(5, 18));
  }
  await respond('curator-quality', null, false, at(5, 30));

  let scorecards = 0;
  for (const programmeId of who.programmeIds) {
    const scores = Array.from({ length: 9 }, () => (next() < 0.6 ? 2 : next() < 0.8 ? 1 : 0));
    await services.scorecards.create({ programmeId, academicYear: who.academicYear, scores, ratedOn: at(5, 31).toISOString().slice(0, 10), rater: 'Методический совет школы', comment: 'Демонстрационная оценка по итогам учебного года' });
    scorecards += 1;
  }

  const linkPaths: string[] = [];
  const openLinks = who.openLinks ?? 0;
  for (const id of openLinks > 0 ? who.mentees.slice(-openLinks) : []) {
    const link = await services.links.create({ templateId: template('mentee-quality').id, participantId: id });
    if (link.path) linkPaths.push(link.path);
  }
  return { responses, scorecards, linkPaths };
}
