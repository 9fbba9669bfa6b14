import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Scope } from '@nastavnik/platform/tenancy/scope';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import type { EntityManager } from 'typeorm';
import { LinkExpiredException, LinkInvalidException, LinkUsedException, LinkWithdrawnException } from './link.exceptions';
import { isLinkToken, linkTokenHash } from './link-token';
import type { RespondentRole } from './questionnaire.codes';
import { templateLockKey } from './questionnaire-common';
import { QuestionnaireQuestionEntity } from './questionnaire-question.entity';
import { insertAnswers } from './questionnaire-response.service';
import { type AnswerDraft, checkAnswers } from './questionnaire-rules';
import { QuestionnaireTemplateEntity } from './questionnaire-template.entity';
import { journal } from '@nastavnik/platform/personal-data/journal';
import { personalDataFieldsOf } from '@nastavnik/platform/personal-data/personal-data';

/**
 * The scope of a person answering through a personal link: no account, no organisation — the
 * policies let role `respondent` reach exactly the link whose token hash the transaction set in
 * `app.link_hash`, its template, and the one response it may insert. No token carries this role.
 */
function respondentScope(): Scope {
  return { role: 'respondent', tenantId: null, tenantPath: null, allTenants: false, actor: 'respondent-link' };
}

type LinkRow = {
  id: string;
  tenant_id: string;
  template_id: string;
  participant_id: string;
  programme_id: string | null;
  pair_id: string | null;
  academic_year: string;
  expires_at: Date;
  used_at: Date | null;
  withdrawn_at: Date | null;
  expired: boolean;
};

/** What the person behind a link sees: the questionnaire, nothing personal. */
export type RespondentQuestion = {
  id: string;
  position: number;
  kind: string;
  text: string;
  hint: string | null;
  required: boolean;
  scaleMin: number | null;
  scaleMax: number | null;
  minLabel: string | null;
  maxLabel: string | null;
  options: { code: string; label: string }[];
};

export type RespondentQuestionnaire = {
  title: string;
  description: string | null;
  respondentRole: RespondentRole;
  expiresAt: string;
  questions: RespondentQuestion[];
};

export type RespondentReceipt = { status: 'accepted'; message: string };

/**
 * The public side of one-time links (`GET /q/:token`, `POST /q/:token`). A forged token, an
 * expired link and a used one each get their own clear error. Submitting claims the link with
 * `update … where used_at is null and expires_at > now()` in the same transaction that inserts
 * the response, so of two concurrent submissions exactly one gets through; the other waits for
 * the first to commit and then finds the link used.
 */
@Injectable()
export class RespondentService {
  constructor(private readonly context: TenantContext) {}

  async open(token: string): Promise<RespondentQuestionnaire> {
    return this.asRespondent(token, async (em) => {
      const link = await usableLink(em);
      const template = await em.findOneBy(QuestionnaireTemplateEntity, { id: link.template_id });
      if (!template) throw new LinkInvalidException();
      const questions = await questionsOf(em, template.id);
      // Opening a link shows the person nothing of theirs, but it is their link: journaled (issue 14).
      journal.record({ tenantId: link.tenant_id, operation: 'GET /q/:token', action: 'read', entity: 'QuestionnaireLink', ids: [link.id], fields: [] });
      return {
        title: template.title,
        description: template.description,
        respondentRole: template.respondentRole,
        expiresAt: new Date(link.expires_at).toISOString(),
        questions: questions.map((q) => ({
          id: q.id,
          position: q.position,
          kind: q.kind.toUpperCase(),
          text: q.text,
          hint: q.hint,
          required: q.required,
          scaleMin: q.scaleMin,
          scaleMax: q.scaleMax,
          minLabel: q.minLabel,
          maxLabel: q.maxLabel,
          options: q.options.map(({ code, label }) => ({ code, label })),
        })),
      };
    });
  }

  async submit(token: string, answers: AnswerDraft[]): Promise<RespondentReceipt> {
    return this.asRespondent(token, async (em, hash) => {
      const link = await usableLink(em);
      await em.query(`select pg_advisory_xact_lock_shared(hashtextextended($1, 0))`, [templateLockKey(link.template_id)]);
      const template = await em.findOneBy(QuestionnaireTemplateEntity, { id: link.template_id });
      if (!template) throw new LinkInvalidException();
      const checked = checkAnswers(await questionsOf(em, template.id), answers);
      const claimed: { id: string }[] = await em.query(
        `with claimed as (
           update questionnaire_links set used_at = now(), claimed_in = pg_current_xact_id(), updated_at = now()
            where token_hash = $1 and used_at is null and withdrawn_at is null and expires_at > now()
            returning id)
         select id from claimed`,
        [hash],
      );
      if (claimed.length !== 1) {
        await usableLink(em); // throws the reason: used meanwhile (or expired, or withdrawn)
        throw new LinkUsedException();
      }
      const responseId = randomUUID();
      await em.query(
        `insert into questionnaire_responses
           (id, tenant_id, template_id, participant_id, programme_id, pair_id, respondent_role, academic_year, phase, channel, link_id, satisfied)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'link', $10, $11)`,
        [
          responseId, link.tenant_id, template.id, link.participant_id, link.programme_id, link.pair_id,
          template.respondentRole, link.academic_year, template.phase, link.id, checked.satisfied,
        ],
      );
      await insertAnswers(em, link.tenant_id, responseId, template.id, checked.answers);
      journal.record({ tenantId: link.tenant_id, operation: 'POST /q/:token', action: 'create', entity: 'QuestionnaireResponse', ids: [responseId], fields: [...personalDataFieldsOf('QuestionnaireResponse')] });
      return { status: 'accepted', message: 'Спасибо! Ваши ответы приняты.' };
    });
  }

  /** Runs `work` in its own transaction as role `respondent`, with `app.link_hash` set for the token. */
  private async asRespondent<T>(token: string, work: (em: EntityManager, hash: string) => Promise<T>): Promise<T> {
    if (!isLinkToken(token)) throw new LinkInvalidException();
    const hash = linkTokenHash(token);
    return this.context.runInScope(respondentScope(), async () => {
      const em = await this.context.manager();
      await em.query(`select set_config('app.link_hash', $1, true)`, [hash]);
      return work(em, hash);
    });
  }
}

/** The link of the request's token, or why it cannot be used. */
async function usableLink(em: EntityManager): Promise<LinkRow> {
  const [link]: LinkRow[] = await em.query(
    `select id, tenant_id, template_id, participant_id, programme_id, pair_id, academic_year, expires_at, used_at, withdrawn_at, expires_at <= now() as expired
       from questionnaire_links where token_hash = app.link_hash()`,
  );
  if (!link) throw new LinkInvalidException();
  if (link.used_at) throw new LinkUsedException();
  if (link.withdrawn_at) throw new LinkWithdrawnException();
  if (link.expired) throw new LinkExpiredException();
  return link;
}

function questionsOf(em: EntityManager, templateId: string): Promise<QuestionnaireQuestionEntity[]> {
  return em
    .createQueryBuilder(QuestionnaireQuestionEntity, 'q')
    .where('q.template_id = :templateId', { templateId })
    .orderBy('q.position', 'ASC')
    .addOrderBy('q.id', 'ASC')
    .getMany();
}
