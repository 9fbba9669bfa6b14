import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';

export type PersonRow = { id: string; tenant_id: string; first_name: string; last_name: string };
export type TemplateRow = { id: string; code: string; version: number; tenant_id: string | null };
export type QuestionRow = { id: string; position: number; kind: string; option_codes: string[]; is_satisfaction: boolean; satisfied_min: number | null };

let counter = 0;

/** ISO date `years` years before today. */
export function yearsAgo(years: number): string {
  const date = new Date();
  date.setUTCFullYear(date.getUTCFullYear() - years);
  return date.toISOString().slice(0, 10);
}

/**
 * Builders for questionnaire specs, written through the owner role (it bypasses RLS): the
 * participants and programmes the questionnaires refer to (other libs' tables, so plain SQL
 * here), and read-backs of what the API stored. Used by the apps/api questionnaire specs.
 */
export class QuestionnaireBuilders {
  constructor(private readonly owner: Pool) {}

  /** A person with a consent in force for questionnaires (or none, or one without that purpose). */
  async person(tenantId: string, options: { consent?: 'questionnaires' | 'none' | 'other'; kind?: string; birthDate?: string } = {}): Promise<PersonRow> {
    counter += 1;
    const kind = options.kind ?? 'teacher';
    const { rows } = await this.owner.query<PersonRow>(
      `insert into participants (tenant_id, kind, last_name, first_name, middle_name, birth_date, grade)
       values ($1, $2, $3, $4, 'Петрович', $5, $6) returning id, tenant_id, first_name, last_name`,
      [tenantId, kind, `Анкетов${counter}-${randomBytes(3).toString('hex')}`, 'Олег', options.birthDate ?? yearsAgo(30), kind === 'student' ? 10 : null],
    );
    const consent = options.consent ?? 'questionnaires';
    if (consent !== 'none') {
      await this.owner.query(
        `insert into consents (tenant_id, participant_id, signed_by, signed_on, purposes) values ($1, $2, 'self', current_date - 10, $3)`,
        [tenantId, rows[0].id, consent === 'questionnaires' ? ['processing', 'questionnaires'] : ['processing', 'pairing']],
      );
    }
    return rows[0];
  }

  async programme(tenantId: string, academicYear = '2022/2023'): Promise<string> {
    const { rows } = await this.owner.query<{ id: string }>(
      `insert into programmes (tenant_id, title, academic_year, form_id)
       values ($1, $2, $3, (select id from mentoring_forms where code = 'STUDENT_STUDENT')) returning id`,
      [tenantId, `Программа ${randomBytes(4).toString('hex')}`, academicYear],
    );
    return rows[0].id;
  }

  async pair(tenantId: string, programmeId: string, mentorId: string): Promise<string> {
    const { rows } = await this.owner.query<{ id: string }>(
      `insert into mentoring_pairs (tenant_id, programme_id, mentor_id) values ($1, $2, $3) returning id`,
      [tenantId, programmeId, mentorId],
    );
    return rows[0].id;
  }

  /** The current version of a platform default, by code. */
  async defaultTemplate(code: string): Promise<TemplateRow> {
    const { rows } = await this.owner.query<TemplateRow>(
      `select id, code, version, tenant_id from questionnaire_templates where tenant_id is null and code = $1 and is_current`,
      [code],
    );
    if (!rows[0]) throw new Error(`no default questionnaire ${code}`);
    return rows[0];
  }

  async questions(templateId: string): Promise<QuestionRow[]> {
    return (
      await this.owner.query<QuestionRow>(
        `select id, position, kind, option_codes, is_satisfaction, satisfied_min from questionnaire_questions where template_id = $1 order by position`,
        [templateId],
      )
    ).rows;
  }

  /** Answers that satisfy every required question of a template; the satisfaction question gets `rating`. */
  async answersFor(templateId: string, rating = 8): Promise<{ questionId: string; value?: number; text?: string; options?: string[] }[]> {
    const { rows } = await this.owner.query<QuestionRow & { scale_min: number; scale_max: number; required: boolean; satisfied_options: string[] }>(
      `select id, position, kind, option_codes, is_satisfaction, satisfied_min, scale_min, scale_max, required, satisfied_options
         from questionnaire_questions where template_id = $1 order by position`,
      [templateId],
    );
    return rows.map((q) => {
      if (q.kind === 'rating') return { questionId: q.id, value: q.is_satisfaction ? rating : q.scale_max };
      if (q.kind === 'open') return { questionId: q.id, text: 'Всё понравилось, спасибо.' };
      return { questionId: q.id, options: [q.option_codes[0]] };
    });
  }

  /** A snapshot of everything questionnaire-related of an organisation, to prove nothing changed. */
  async snapshot(tenantId: string): Promise<unknown> {
    const tables = ['questionnaire_templates', 'questionnaire_questions', 'questionnaire_links', 'questionnaire_responses', 'questionnaire_answers', 'programme_scorecards'];
    const out: Record<string, unknown[]> = {};
    for (const table of tables) {
      out[table] = (await this.owner.query(`select * from ${table} where tenant_id = $1 order by id`, [tenantId])).rows;
    }
    return out;
  }

  async count(table: string, where = 'true', params: unknown[] = []): Promise<number> {
    return Number((await this.owner.query(`select count(*)::int as n from ${table} where ${where}`, params)).rows[0].n);
  }
}
