import type { MigrationInterface, QueryRunner } from 'typeorm';
import { declareRowPolicies, ROW_SCOPE, rowPolicies, type RowPolicy } from '@nastavnik/platform/database/row-policies';

const ROLE = `(select app.scope_role())`;
/** A curator on their own school's rows, or the platform admin (whose role only the admin's database role can have, docs/adr/0010). */
const CURATOR_OR_ADMIN = `(${ROLE} = 'curator' and tenant_id = (select app.scope_tenant_id())) or ${ROLE} = 'platform-admin'`;
/** Every signed-in role of the realm (a respondent of a link is not one). */
const SIGNED_IN = `${ROLE} in ('platform-admin', 'ministry-official', 'region-analyst', 'curator')`;
/** A respondent's link: the one row whose token hash the request set (`app.link_hash`). */
const LINK_OF_REQUEST = `l.token_hash = app.link_hash()`;
/** …claimed (marked used) by the running transaction itself, which only an unused, unexpired link can be. */
const CLAIMED_HERE = `${LINK_OF_REQUEST} and l.claimed_in = pg_current_xact_id()`;
/** A response's template is a default or its own organisation's, and its role and phase are the template's. */
const TEMPLATE_MATCHES = `exists (select 1 from questionnaire_templates t
  where t.id = questionnaire_responses.template_id and (t.tenant_id is null or t.tenant_id = questionnaire_responses.tenant_id)
    and t.respondent_role = questionnaire_responses.respondent_role and t.phase = questionnaire_responses.phase)`;
const RESPONSE_WRITE = `(${CURATOR_OR_ADMIN}) and ${TEMPLATE_MATCHES}`;

/** Templates and questions: the platform's defaults for everyone signed in, a school's own for its curator; a respondent reads those of their link. */
const defaultsOrOwn = (templateColumn: string): RowPolicy => ({
  kind: 'custom',
  name: 'read',
  why: "every signed-in role reads the platform's defaults; a respondent those of their link's template",
  for: 'select',
  using: `(tenant_id is null and ${SIGNED_IN})
    or (${ROLE} = 'respondent' and exists (select 1 from questionnaire_links l where l.template_id = ${templateColumn} and ${LINK_OF_REQUEST}))`,
});
const TEMPLATE_WRITERS = `a curator their own school's templates; the platform admin any, the defaults (no school) included`;

const LINK_RESPONDENT: RowPolicy[] = [
  { kind: 'custom', name: 'respondent_read', why: 'a respondent reads the one link of their token', for: 'select', using: `${ROLE} = 'respondent' and token_hash = app.link_hash()` },
  {
    kind: 'custom',
    name: 'respondent_claim',
    why: 'a respondent marks their link used, once, while it is unused, not withdrawn and unexpired, recording the claiming transaction',
    for: 'update',
    using: `${ROLE} = 'respondent' and token_hash = app.link_hash() and used_at is null and withdrawn_at is null and expires_at > now()`,
    check: `${ROLE} = 'respondent' and token_hash = app.link_hash() and used_at is not null and claimed_in = pg_current_xact_id()`,
  },
];

const RESPONSE_RESPONDENT: RowPolicy[] = [
  {
    kind: 'custom',
    name: 'respondent_insert',
    why: "a respondent inserts one response, for the link claimed in this transaction: its school, person, template, year, programme and pair",
    for: 'insert',
    check: `${ROLE} = 'respondent' and channel = 'link'
      and exists (select 1 from questionnaire_links l
                   where l.id = link_id and l.tenant_id = questionnaire_responses.tenant_id and l.participant_id = questionnaire_responses.participant_id
                     and l.template_id = questionnaire_responses.template_id and l.academic_year = questionnaire_responses.academic_year
                     and l.programme_id is not distinct from questionnaire_responses.programme_id and l.pair_id is not distinct from questionnaire_responses.pair_id
                     and ${CLAIMED_HERE})
      and ${TEMPLATE_MATCHES}`,
  },
  {
    kind: 'custom',
    name: 'respondent_read',
    why: 'a respondent reads back the response of the link claimed in this transaction',
    for: 'select',
    using: `${ROLE} = 'respondent' and exists (select 1 from questionnaire_links l where l.id = link_id and ${CLAIMED_HERE})`,
  },
];

/**
 * Responses: a curator's own school's, the platform admin's beside it. What one may write is
 * also bound to a template of the school (or a default) with the response's role and phase; the
 * write check still names both roles, as the questionnaires migration wrote it.
 */
const responsesOfCuratorOrAdmin = (curatorName: string): RowPolicy[] => [
  {
    kind: 'custom',
    name: curatorName,
    why: "a curator their own school's responses; a write needs a matching template of the school or a default",
    for: 'all',
    using: `tenant_id = ${ROW_SCOPE.curatorTenantId}`,
    check: RESPONSE_WRITE,
  },
  {
    kind: 'custom',
    name: 'platform_admin',
    why: "the platform admin's responses beside the curator's; a write needs a matching template",
    for: 'all',
    to: ['platformAdmin'],
    using: ROW_SCOPE.platformAdmin,
    check: RESPONSE_WRITE,
  },
];

const ANSWER_RESPONDENT: RowPolicy = {
  kind: 'custom',
  name: 'respondent_insert',
  why: "a respondent inserts the answers of a response they can see (the one of their link, claimed in this transaction)",
  for: 'insert',
  check: `${ROLE} = 'respondent' and exists (select 1 from questionnaire_responses r where r.id = response_id and r.tenant_id = questionnaire_answers.tenant_id)`,
};

/** Recompute requests: a school's own edits (a curator's, a link respondent's) and the platform admin's enqueue; docs/adr/0006. */
const REQUEST_RECOMPUTE: RowPolicy = {
  kind: 'custom',
  name: 'request',
  why: "an edit enqueues its school's recompute: a curator's of their school, a respondent's of their link, the platform admin's",
  for: 'insert',
  to: ['app', 'platformAdmin'],
  check: `(${ROLE} = 'curator' and tenant_id = (select app.scope_tenant_id())) or ${ROLE} in ('platform-admin', 'respondent')`,
};

/** Targets: a region's (or municipality's) targets apply to everything below it. */
const TARGETS_READ: RowPolicy = {
  kind: 'custom',
  name: 'read',
  why: "the federal scope all; anyone the targets of the nodes above (and at) their own; regional readers also those below",
  for: 'select',
  to: ['app', 'platformAdmin'],
  using: `(select app.scope_all()) or tenant_path @> (select app.scope_path())
    or (${ROLE} in ('region-analyst', 'ministry-official') and tenant_path <@ (select app.scope_path()))`,
};

const TEMPLATES = rowPolicies('questionnaire_templates', defaultsOrOwn('questionnaire_templates.id'), {
  kind: 'custom',
  name: 'write',
  why: TEMPLATE_WRITERS,
  for: 'all',
  using: CURATOR_OR_ADMIN,
  check: CURATOR_OR_ADMIN,
});
const QUESTIONS = rowPolicies('questionnaire_questions', defaultsOrOwn('questionnaire_questions.template_id'), {
  kind: 'custom',
  name: 'write',
  why: `${TEMPLATE_WRITERS}; a question belongs to its template's school (or, like it, to none)`,
  for: 'all',
  using: CURATOR_OR_ADMIN,
  check: `(${CURATOR_OR_ADMIN})
    and exists (select 1 from questionnaire_templates t where t.id = template_id and t.tenant_id is not distinct from questionnaire_questions.tenant_id)`,
});
const SNAPSHOTS = rowPolicies('indicator_snapshots', { kind: 'reader-subtree', to: ['app', 'platformAdmin'] }, { kind: 'indicator-engine' });

/**
 * The row-level policies of this lib's tables, as they are (docs/adr/0002: the lib that owns a
 * table declares its policies by kind; a later declaration here replaces this one).
 * - Questionnaires: templates and questions are the platform's defaults or a school's own; links,
 *   responses and answers are personal data, a curator's own school's with the platform admin's
 *   policy beside it; a questionnaire link's respondent (role `respondent`, `app.link_hash` set)
 *   reads and claims their link and writes one response with its answers.
 * - Programme scorecards: a curator's own school's, the platform admin's beside it.
 * - Indicator snapshots (aggregates, docs/adr/0006): read over the reader's subtree, written by the
 *   indicator engine's role. Recompute requests: enqueued by a school's edits, read by its curator
 *   and the platform admin, worked off by the engine. Targets: read along the reader's path,
 *   written by the platform admin, read by the engine.
 */
const CURRENT = [
  TEMPLATES,
  QUESTIONS,
  rowPolicies('questionnaire_links', { kind: 'curator-own' }, ...LINK_RESPONDENT),
  rowPolicies('questionnaire_responses', ...responsesOfCuratorOrAdmin('curator'), ...RESPONSE_RESPONDENT),
  rowPolicies('questionnaire_answers', { kind: 'curator-own' }, ANSWER_RESPONDENT),
  rowPolicies('programme_scorecards', { kind: 'curator-own' }),
  SNAPSHOTS,
  rowPolicies('indicator_recompute_requests', REQUEST_RECOMPUTE, { kind: 'curator-own', for: 'select', to: ['app'] }, { kind: 'indicator-engine' }),
  rowPolicies('indicator_targets', TARGETS_READ, { kind: 'admin' }, { kind: 'indicator-engine', for: 'select' }),
];

/**
 * What the migrations up to 1795300930000 left: the same rows for every role. Names from before
 * docs/adr/0010, and the targets' admin policy also applied to the app role, for which
 * `app.scope_role()` never answers 'platform-admin' (platform migration 1795300930000).
 */
const PREVIOUS = [
  TEMPLATES,
  QUESTIONS,
  rowPolicies('questionnaire_links', { kind: 'curator-own', name: 'curator_or_admin' }, ...LINK_RESPONDENT),
  rowPolicies('questionnaire_responses', ...responsesOfCuratorOrAdmin('curator_or_admin'), ...RESPONSE_RESPONDENT),
  rowPolicies('questionnaire_answers', { kind: 'curator-own', name: 'curator_or_admin' }, ANSWER_RESPONDENT),
  rowPolicies('programme_scorecards', { kind: 'curator-own', name: 'curator_or_admin' }),
  SNAPSHOTS,
  rowPolicies('indicator_recompute_requests', REQUEST_RECOMPUTE, { kind: 'curator-own', for: 'select', to: ['app'], name: 'read', adminName: 'read_platform_admin' }, { kind: 'indicator-engine' }),
  rowPolicies(
    'indicator_targets',
    TARGETS_READ,
    { kind: 'custom', name: 'admin', why: 'the platform admin only', for: 'all', to: ['app', 'platformAdmin'], using: ROW_SCOPE.platformAdmin, check: ROW_SCOPE.platformAdmin },
    { kind: 'indicator-engine', for: 'select' },
  ),
];

export class DeclareMonitoringPolicies1795301130000 implements MigrationInterface {
  name = 'DeclareMonitoringPolicies1795301130000';

  async up(q: QueryRunner): Promise<void> {
    await declareRowPolicies(q, ...CURRENT);
  }

  async down(q: QueryRunner): Promise<void> {
    await declareRowPolicies(q, ...PREVIOUS);
  }
}
