/**
 * The bare baseline of the API bench: Fastify and pg, no framework between them, serving each path
 * of the bench with **the same SQL the product runs** (read off the product's statements for one
 * request of each) in one scoped transaction under forced RLS as the app role, and answering the
 * same JSON the product's GraphQL answers (the bench checks that byte for byte), so the two differ
 * only in what the product does besides SQL: authentication, GraphQL parsing and validation, the
 * input pipe, TypeORM, field resolvers, logging, metrics. The access journal is appended as the
 * product appends it: one statement sent with the COMMIT, in the same round trip. The statements
 * the product runs as named ones (its hot reads: the pages and the readers of entries and
 * consents) are named here too, by the same client.
 *
 * - `ParticipantsPage` (curator): the scope statement, the page with each row's consent flag and
 *   the filter's count, base entries, consents, the journal with the commit;
 * - `PairsPage` (curator): the page of pairs, the count, their mentees, the people's names for the
 *   titles, the journal with the commit;
 * - `Comparison` (region analyst, the console's regional dashboard): the region's node (twice, as
 *   the product asks it for the comparison and for the trend), the organisations' snapshots with
 *   their targets, the region's own target, the trend, the scorecard levels; ranks and aggregates as the product computes
 *   them (the one ranking, ADR 0020);
 * - `Note` (curator, a mutation): updateParticipant's notes — the participant read, eligibility,
 *   the UPDATE of every column as the product sends it, the read back, eligibility, the journal.
 *
 * No authentication: the scopes are the bench users', fixed at start; the operation is chosen by
 * its name.
 */
import Fastify, { type FastifyRequest } from 'fastify';
import { type PoolClient, Pool, types } from 'pg';
import { sqlLiteral } from '@nastavnik/platform/database/sql-literal';
import { PreparingClient, preparedStatement } from '@nastavnik/platform/database/prepared-statements';
import { useFastTypeParsers } from '@nastavnik/platform/database/pg-type-parsers';
import { personalDataFieldsOf } from '@nastavnik/platform/personal-data/personal-data';
import { INDICATORS, type IndicatorDefinition, percentValue } from '@nastavnik/monitoring/indicator-definitions';
import { rankByValue, rankDirection } from '@nastavnik/monitoring/indicator-ranking';
import { shortName } from '@nastavnik/participants/participants.service';
import '@nastavnik/participants/personal-data';
import '@nastavnik/programmes/personal-data';

types.setTypeParser(1082, (value) => value); // date → 'YYYY-MM-DD', as the product's entities read it
useFastTypeParsers(); // timestamptz → Date by the product's parser (the same Date as pg's)

export type BareScope = { role: 'curator' | 'region-analyst'; tenantId: string; tenantPath: string; actor: string; actorName: string };
export type BareScopes = { curator: BareScope; analyst: BareScope };

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- rows as pg returns them
type Work = { client: PoolClient; scope: BareScope; request: FastifyRequest; variables: Row };
/** What a handler answers and the journal events its transaction appends before COMMIT. */
type Done = { data: unknown; events: Row[] };

const PAGE_SQL = `SELECT "p"."id" AS "p_id", "p"."tenant_id" AS "p_tenant_id", "p"."kind" AS "p_kind", "p"."last_name" AS "p_last_name", "p"."first_name" AS "p_first_name", "p"."middle_name" AS "p_middle_name", "p"."birth_date" AS "p_birth_date", "p"."sex" AS "p_sex", "p"."grade" AS "p_grade", "p"."class_letter" AS "p_class_letter", "p"."position" AS "p_position", "p"."teaching_experience_years" AS "p_teaching_experience_years", "p"."class_teacher" AS "p_class_teacher", "p"."subjects" AS "p_subjects", "p"."organisation_name" AS "p_organisation_name", "p"."email" AS "p_email", "p"."phone" AS "p_phone", "p"."achievements" AS "p_achievements", "p"."requests" AS "p_requests", "p"."interests" AS "p_interests", "p"."directions" AS "p_directions", "p"."notes" AS "p_notes", "p"."erased_at" AS "p_erased_at", "p"."created_at" AS "p_created_at", "p"."updated_at" AS "p_updated_at", exists (select 1 from participant_eligibility e where e.tenant_id = "p"."tenant_id" and e.participant_id = "p"."id" and e.purpose = 'processing') AS "computed_hasValidConsent", count(*) over () AS "computed_total" FROM "participants" "p" ORDER BY "p"."last_name" ASC NULLS LAST, "p"."first_name" ASC NULLS LAST, "p"."middle_name" ASC NULLS LAST, "p"."id" ASC LIMIT $1 OFFSET $2`;
/** A list's first page of 25: the product passes the bounds as parameters (libs/platform/src/graphql/list-query.ts). */
const PAGE_BOUNDS = [25, 0];
const ELIGIBLE_SQL = `select p.id, exists (select 1 from participant_eligibility e where e.tenant_id = p.tenant_id and e.participant_id = p.id and e.purpose = 'processing') as ok from participants p where p.id = any($1::uuid[])`;
// Read as the product's EntityReader reads them (libs/platform/src/database/entity-reader.ts): dates as text, the keys as one array.
const ENTRIES_SQL = `SELECT "r"."id" AS "c0", "r"."tenant_id" AS "c1", "r"."participant_id" AS "c2", "r"."base" AS "c3", "r"."status" AS "c4", "r"."included_on"::text AS "c5", "r"."surveyed_on"::text AS "c6", "r"."selected_on"::text AS "c7", "r"."trained_on"::text AS "c8", "r"."paired_on"::text AS "c9", "r"."finished_on"::text AS "c10", "r"."withdrawn_on"::text AS "c11", "r"."withdrawal_reason" AS "c12", "r"."categories" AS "c13", "r"."request" AS "c14", "r"."competencies" AS "c15", "r"."motivation" AS "c16", "r"."info_sources" AS "c17", "r"."third_party_notes" AS "c18", "r"."interview_result" AS "c19", "r"."psych_ready" AS "c20", "r"."training_form" AS "c21", "r"."max_mentees" AS "c22", "r"."council_member" AS "c23", "r"."awards" AS "c24", "r"."results" AS "c25", "r"."satisfied" AS "c26", "r"."created_at" AS "c27", "r"."updated_at" AS "c28" FROM "participant_base_entries" "r" WHERE "r"."participant_id" = any($1) ORDER BY "r"."base" ASC, "r"."id" ASC`;
const CONSENTS_SQL = `SELECT "r"."id" AS "c0", "r"."tenant_id" AS "c1", "r"."participant_id" AS "c2", "r"."signed_by" AS "c3", "r"."representative_name" AS "c4", "r"."representative_relation" AS "c5", "r"."signed_on"::text AS "c6", "r"."purposes" AS "c7", "r"."valid_until"::text AS "c8", "r"."document_ref" AS "c9", "r"."revoked_on"::text AS "c10", "r"."revocation_reason" AS "c11", "r"."created_at" AS "c12", "r"."updated_at" AS "c13" FROM "consents" "r" WHERE "r"."participant_id" = any($1) ORDER BY "r"."signed_on" DESC, "r"."id" ASC`;

const PAIRS_SQL = `SELECT "p"."id" AS "p_id", "p"."tenant_id" AS "p_tenant_id", "p"."created_at" AS "p_created_at", "p"."updated_at" AS "p_updated_at", "p"."programme_id" AS "p_programme_id", "p"."mentor_id" AS "p_mentor_id", "p"."role_model_id" AS "p_role_model_id", "p"."direction_id" AS "p_direction_id", "p"."status" AS "p_status", "p"."formation_method" AS "p_formation_method", "p"."start_date" AS "p_start_date", "p"."end_date" AS "p_end_date", "p"."end_reason" AS "p_end_reason", "p"."end_comment" AS "p_end_comment", "p"."result" AS "p_result", "p"."fixing_order_id" AS "p_fixing_order_id", "p"."warnings" AS "p_warnings" FROM "mentoring_pairs" "p" ORDER BY "p"."created_at" DESC, "p"."id" ASC LIMIT $1 OFFSET $2`;
const PAIRS_COUNT_SQL = `SELECT COUNT(1) AS "cnt" FROM "mentoring_pairs" "p"`;
const MENTEES_SQL = `SELECT "m"."tenant_id" AS "m_tenant_id", "m"."pair_id" AS "m_pair_id", "m"."mentee_id" AS "m_mentee_id", "m"."mentor_id" AS "m_mentor_id", "m"."created_at" AS "m_created_at" FROM "pair_mentees" "m" WHERE "m"."pair_id" = any($1) ORDER BY "m"."created_at" ASC, "m"."mentee_id" ASC`;
const NAMES_SQL = `select p.id, p.last_name, p.first_name, p.middle_name from participants p where p.id = any($1::uuid[])`;
const PARTICIPANT_SQL = `SELECT "ParticipantEntity"."id" AS "ParticipantEntity_id", "ParticipantEntity"."tenant_id" AS "ParticipantEntity_tenant_id", "ParticipantEntity"."kind" AS "ParticipantEntity_kind", "ParticipantEntity"."last_name" AS "ParticipantEntity_last_name", "ParticipantEntity"."first_name" AS "ParticipantEntity_first_name", "ParticipantEntity"."middle_name" AS "ParticipantEntity_middle_name", "ParticipantEntity"."birth_date" AS "ParticipantEntity_birth_date", "ParticipantEntity"."sex" AS "ParticipantEntity_sex", "ParticipantEntity"."grade" AS "ParticipantEntity_grade", "ParticipantEntity"."class_letter" AS "ParticipantEntity_class_letter", "ParticipantEntity"."position" AS "ParticipantEntity_position", "ParticipantEntity"."teaching_experience_years" AS "ParticipantEntity_teaching_experience_years", "ParticipantEntity"."class_teacher" AS "ParticipantEntity_class_teacher", "ParticipantEntity"."subjects" AS "ParticipantEntity_subjects", "ParticipantEntity"."organisation_name" AS "ParticipantEntity_organisation_name", "ParticipantEntity"."email" AS "ParticipantEntity_email", "ParticipantEntity"."phone" AS "ParticipantEntity_phone", "ParticipantEntity"."achievements" AS "ParticipantEntity_achievements", "ParticipantEntity"."requests" AS "ParticipantEntity_requests", "ParticipantEntity"."interests" AS "ParticipantEntity_interests", "ParticipantEntity"."directions" AS "ParticipantEntity_directions", "ParticipantEntity"."notes" AS "ParticipantEntity_notes", "ParticipantEntity"."erased_at" AS "ParticipantEntity_erased_at", "ParticipantEntity"."created_at" AS "ParticipantEntity_created_at", "ParticipantEntity"."updated_at" AS "ParticipantEntity_updated_at" FROM "participants" "ParticipantEntity" WHERE (("ParticipantEntity"."id" = $1)) LIMIT 1`;
const UPDATE_SQL = `UPDATE "participants" SET "kind" = $1, "last_name" = $2, "first_name" = $3, "middle_name" = $4, "birth_date" = $5, "sex" = $6, "grade" = $7, "class_letter" = $8, "position" = $9, "teaching_experience_years" = $10, "class_teacher" = $11, "subjects" = $12, "organisation_name" = $13, "email" = $14, "phone" = $15, "achievements" = $16, "requests" = $17, "interests" = $18, "directions" = $19, "notes" = $20, "updated_at" = CURRENT_TIMESTAMP WHERE "id" = $21`;
const NODE_SQL = `select id, short_name as name, path::text as path from tenant_tree where id = $1`;
const ORGS_SQL = `select o.id as tenant_id, o.short_name as tenant_name, m.id as municipality_id, m.short_name as municipality_name,
              s.numerator, s.denominator, s.computed_at, s.denominator_source,
              (select t.target from indicator_targets t
                where t.period = $1 and t.indicator_code = $2 and t.tenant_path @> o.path
                order by nlevel(t.tenant_path) desc limit 1) as target
         from tenant_tree o
         left join tenant_tree m on m.id = o.parent_id and m.kind = 'municipality'
         left join indicator_snapshots s on s.tenant_id = o.id and s.period = $1 and s.indicator_code = $2
        where o.kind = 'organisation' and ($3::ltree is null or o.path <@ $3::ltree) and ($4::uuid is null or o.id = $4::uuid)
        order by o.path`;
const TARGET_SQL = `select target from indicator_targets where period = $1 and indicator_code = $2 and tenant_path @> $3::ltree order by nlevel(tenant_path) desc limit 1`;
const TREND_SQL = `select s.period, sum(s.numerator) as numerator, sum(s.denominator) as denominator, count(*) as organisations
         from indicator_snapshots s
        where s.indicator_code = $1 and ($2::ltree is null or s.tenant_path <@ $2::ltree) and ($3::text is null or s.period <= $3)
        group by s.period order by s.period`;
const LEVELS_SQL = `select indicator_code, sum(numerator) as programmes from indicator_snapshots
        where period = $1 and indicator_code = any($2) and ($3::ltree is null or tenant_path <@ $3::ltree)
        group by indicator_code`;

/** The scorecard levels' snapshot codes, in the product's order (indicator-definitions SCORECARD_LEVELS). */
const LEVEL_CODES = ['EFF.OPTIMAL', 'EFF.ACCEPTABLE', 'EFF.UNACCEPTABLE'];

const upper = (value: unknown) => (value === null || value === undefined ? null : String(value).toUpperCase());
const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : value === null || value === undefined ? null : new Date(String(value)).toISOString());
const event = (work: Work, operation: string, action: string, entity: string, ids: string[], fields: readonly string[]) => ({
  tenant_id: work.scope.tenantId, actor: work.scope.actor, actor_name: work.scope.actorName, role: work.scope.role, operation, action, entity,
  ids, fields, request_id: work.request.id, source_address: work.request.ip,
});
const eligibility = async (client: PoolClient, ids: string[]) => new Map((await client.query(ELIGIBLE_SQL, [ids])).rows.map((row) => [row.id as string, row.ok as boolean]));
function byKey<T extends Row>(rows: T[], key: string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const group = map.get(row[key]);
    if (group) group.push(row);
    else map.set(row[key], [row]);
  }
  return map;
}

async function participantsPage(work: Work): Promise<Done> {
  const { client } = work;
  const page = (await client.query(PAGE_SQL, PAGE_BOUNDS)).rows;
  // The product's count comes with its page (count(*) over ()); it counts apart only for an empty page, not this one.
  if (!page.length) throw new Error('the bare server pages a school with participants');
  const count = Number(page[0].computed_total);
  const ids: string[] = page.map((row) => row.p_id);
  const entries = ids.length ? (await client.query(ENTRIES_SQL, [ids])).rows : [];
  const consents = ids.length ? (await client.query(CONSENTS_SQL, [ids])).rows : [];
  const entriesOf = byKey(entries, 'c2');
  const consentsOf = byKey(consents, 'c2');
  return {
    events: [
      event(work, 'allParticipants', 'read', 'Participant', ids, personalDataFieldsOf('Participant')),
      event(work, 'Participant.baseEntries', 'read', 'ParticipantBaseEntry', entries.map((row) => row.c0), personalDataFieldsOf('ParticipantBaseEntry')),
      event(work, 'Participant.consents', 'read', 'Consent', consents.map((row) => row.c0), personalDataFieldsOf('Consent')),
    ],
    data: {
      allParticipants: page.map((p) => ({
        id: p.p_id,
        kind: upper(p.p_kind),
        lastName: p.p_last_name,
        firstName: p.p_first_name,
        middleName: p.p_middle_name,
        birthDate: p.p_birth_date,
        grade: p.p_grade,
        classLetter: p.p_class_letter,
        hasValidConsent: p.computed_hasValidConsent as boolean,
        baseEntries: (entriesOf.get(p.p_id) ?? []).map((e) => ({ id: e.c0, base: upper(e.c3), status: upper(e.c4) })),
        consents: (consentsOf.get(p.p_id) ?? []).map((c) => ({ id: c.c0, purposes: (c.c7 as string[]).map((x) => x.toUpperCase()), signedOn: c.c6, revokedOn: c.c10 })),
      })),
      _allParticipantsMeta: { count },
    },
  };
}

async function pairsPage(work: Work): Promise<Done> {
  const { client } = work;
  const page = (await client.query(PAIRS_SQL, PAGE_BOUNDS)).rows;
  const count = Number((await client.query(PAIRS_COUNT_SQL)).rows[0].cnt);
  const ids: string[] = page.map((row) => row.p_id);
  const mentees = ids.length ? (await client.query(MENTEES_SQL, [ids])).rows : [];
  const menteesOf = byKey(mentees, 'm_pair_id');
  const menteeIds = new Map(ids.map((id) => [id, (menteesOf.get(id) ?? []).map((m) => m.m_mentee_id as string)]));
  const people = [...new Set(page.flatMap((p) => [p.p_mentor_id as string, ...(menteeIds.get(p.p_id) ?? [])]).map((id) => id.toLowerCase()))];
  const names = new Map<string, string>(people.length ? (await client.query(NAMES_SQL, [people])).rows.map((r) => [r.id, shortName(r.last_name, r.first_name, r.middle_name)]) : []);
  const nameOf = (id: string) => names.get(id) ?? '—';
  return {
    events: [event(work, 'allMentoringPairs', 'read', 'MentoringPair', ids, personalDataFieldsOf('MentoringPair'))],
    data: {
      allMentoringPairs: page.map((p) => {
        const mine = menteeIds.get(p.p_id) ?? [];
        return {
          id: p.p_id,
          createdAt: iso(p.p_created_at),
          directionId: p.p_direction_id,
          endComment: p.p_end_comment,
          endDate: p.p_end_date,
          endReason: upper(p.p_end_reason),
          fixingOrderId: p.p_fixing_order_id,
          formationMethod: upper(p.p_formation_method),
          kind: mine.length >= 2 ? 'GROUP' : 'PAIR',
          menteeIds: mine,
          mentorId: p.p_mentor_id,
          programmeId: p.p_programme_id,
          result: p.p_result,
          roleModelId: p.p_role_model_id,
          startDate: p.p_start_date,
          status: upper(p.p_status),
          tenantId: p.p_tenant_id,
          title: `${nameOf(p.p_mentor_id)} — ${mine.map(nameOf).sort((a, b) => a.localeCompare(b, 'ru')).join(', ') || '—'}`,
          updatedAt: iso(p.p_updated_at),
          warnings: p.p_warnings,
        };
      }),
      _allMentoringPairsMeta: { count },
    },
  };
}

const valueOf = (d: IndicatorDefinition, numerator: number, denominator: number | null) => (d.unit === 'percent' ? percentValue(numerator, denominator) : numerator);

async function comparison(work: Work): Promise<Done> {
  const { client, scope } = work;
  const period = String(work.variables.period);
  const d = INDICATORS.find((x) => x.code === work.variables.code);
  if (!d) throw new Error(`no indicator ${String(work.variables.code)}`);
  // The product reads its node for the comparison and again for the trend.
  const parent = (await client.query(NODE_SQL, [scope.tenantId])).rows[0] as { id: string; name: string; path: string };
  await client.query(NODE_SQL, [scope.tenantId]);
  const rows = (await client.query(ORGS_SQL, [period, d.code, parent.path, null])).rows;
  // The compared node's own target: the most specific set at or above it, else the default.
  const [own] = (await client.query(TARGET_SQL, [period, d.code, parent.path])).rows;
  const nodeTarget = own ? Number(own.target) : (d.target?.value ?? null);
  const trendRows = (await client.query(TREND_SQL, [d.code, parent.path, null])).rows;
  await client.query(LEVELS_SQL, [period, LEVEL_CODES, parent.path]);
  const orgs = rows.map((row) => {
    const computed = row.numerator !== null;
    const numerator = Number(row.numerator ?? 0);
    const denominator = d.denominator ? Number(row.denominator ?? 0) : null;
    const value = computed ? valueOf(d, numerator, denominator) : null;
    const target = row.target !== null ? Number(row.target) : (d.target?.value ?? null);
    return {
      municipalityId: row.municipality_id as string | null,
      code: d.code,
      tenantId: row.tenant_id as string,
      tenantName: row.tenant_name as string,
      municipalityName: row.municipality_name as string | null,
      numerator,
      denominator,
      value,
      target,
      belowTarget: target === null || value === null ? null : d.target?.direction === 'at_most' ? value > target : value < target,
      computedAt: row.computed_at as Date | null,
      denominatorSource: computed ? upper(row.denominator_source) : null,
    };
  });
  type Org = (typeof orgs)[number];
  const aggregate = (id: string, name: string, list: Org[]) => {
    const computed = list.filter((o) => o.computedAt !== null);
    const numerator = computed.reduce((sum, o) => sum + o.numerator, 0);
    const denominator = d.denominator ? computed.reduce((sum, o) => sum + (o.denominator ?? 0), 0) : null;
    return { tenantId: id, name, numerator, denominator, value: valueOf(d, numerator, denominator), organisations: computed.length };
  };
  const ranked = rankByValue(orgs, (o) => o.value, (o) => o.tenantName, rankDirection(d.target));
  const byMunicipality = new Map<string, Org[]>();
  for (const o of orgs) if (o.municipalityId) byMunicipality.set(o.municipalityId, [...(byMunicipality.get(o.municipalityId) ?? []), o]);
  const municipalities = [...byMunicipality].map(([id, list]) => aggregate(id, list[0].municipalityName ?? '', list));
  const points = new Map(trendRows.map((r) => {
    const numerator = Number(r.numerator);
    const denominator = d.denominator ? Number(r.denominator ?? 0) : null;
    return [r.period as string, { period: r.period as string, numerator, denominator, value: valueOf(d, numerator, denominator), organisations: Number(r.organisations) }];
  }));
  const first = Number(trendRows[0]?.period.slice(0, 4));
  const last = Number(trendRows.at(-1)?.period.slice(0, 4));
  const years = Number.isInteger(first) && Number.isInteger(last) && last >= first ? Array.from({ length: last - first + 1 }, (_, i) => `${first + i}/${first + i + 1}`) : [];
  return {
    events: [],
    data: {
      indicatorComparison: {
        indicator: { code: d.code, shortTitle: d.shortTitle, title: d.title, unit: d.unit, defaultTarget: d.target?.value ?? null },
        target: nodeTarget ?? ranked.find((o) => o.item.target !== null)?.item.target ?? d.target?.value ?? null,
        total: aggregate(parent.id, parent.name, orgs),
        municipalities: rankByValue(municipalities, (m) => m.value, (m) => m.name, rankDirection(d.target)).map(({ item }) => item),
        organisations: ranked.map(({ item: o, rank }) => ({
          code: o.code, tenantId: o.tenantId, tenantName: o.tenantName, municipalityName: o.municipalityName, numerator: o.numerator, denominator: o.denominator,
          value: o.value, target: o.target, belowTarget: o.belowTarget, rank, computedAt: iso(o.computedAt), denominatorSource: o.denominatorSource,
        })),
      },
      indicatorTrend: years.map((period) => points.get(period) ?? { period, numerator: null, denominator: null, value: null, organisations: 0 }),
    },
  };
}

/** The columns updateParticipant writes, in its UPDATE's order (every column, as the product sends them). */
const UPDATED = ['kind', 'last_name', 'first_name', 'middle_name', 'birth_date', 'sex', 'grade', 'class_letter', 'position', 'teaching_experience_years', 'class_teacher', 'subjects', 'organisation_name', 'email', 'phone', 'achievements', 'requests', 'interests', 'directions'];

async function updateNotes(work: Work): Promise<Done> {
  const { client } = work;
  const id = String(work.variables.id);
  const notes = String((work.variables.i as Row).notes);
  const [before] = (await client.query(PARTICIPANT_SQL, [id])).rows;
  if (!before) throw new Error(`no participant ${id}`);
  await eligibility(client, [id]);
  await client.query(UPDATE_SQL, [...UPDATED.map((column) => before[`ParticipantEntity_${column}`]), notes, id]);
  const [after] = (await client.query(PARTICIPANT_SQL, [id])).rows;
  await eligibility(client, [id]);
  return {
    events: [event(work, 'updateParticipant', 'update', 'Participant', [id], ['notes'])],
    data: { updateParticipant: { id: after.ParticipantEntity_id, notes: after.ParticipantEntity_notes } },
  };
}

const OPERATIONS: Record<string, { scope: keyof BareScopes; run: (work: Work) => Promise<Done> }> = {
  ParticipantsPage: { scope: 'curator', run: participantsPage },
  PairsPage: { scope: 'curator', run: pairsPage },
  Comparison: { scope: 'analyst', run: comparison },
  Note: { scope: 'curator', run: updateNotes },
};

const scopeSql = (scope: BareScope) =>
  `START TRANSACTION; select set_config('app.role', ${sqlLiteral(scope.role)}, true), set_config('app.tenant_id', ${sqlLiteral(scope.tenantId)}, true), set_config('app.tenant_path', ${sqlLiteral(scope.tenantPath)}, true), set_config('app.all_tenants', '', true), set_config('app.actor', ${sqlLiteral(scope.actor)}, true), set_config('timezone', 'Europe/Moscow', true), set_config('role', 'none', true)`;

export async function startBareServer(databaseUrl: string, scopes: BareScopes, poolSize: number): Promise<{ url: string; close: () => Promise<void> }> {
  // Named statements where the product's are (its PreparingClient, the texts it marks): planned once per connection.
  for (const text of [PAGE_SQL, ENTRIES_SQL, CONSENTS_SQL, PAIRS_SQL]) preparedStatement(text);
  const pool = new Pool({ connectionString: databaseUrl, max: poolSize, Client: PreparingClient });
  const begin = { curator: scopeSql(scopes.curator), analyst: scopeSql(scopes.analyst) };
  const app = Fastify({ logger: false });
  app.post('/graphql', async (request, reply) => {
    const body = request.body as { query?: string; variables?: Row };
    const name = /^\s*(?:query|mutation)\s+(\w+)/.exec(body.query ?? '')?.[1] ?? '';
    const operation = OPERATIONS[name];
    if (!operation) return reply.code(400).send({ errors: [{ message: `the bare server does not serve «${name}»` }] });
    const client = await pool.connect();
    try {
      await client.query(begin[operation.scope]);
      const done = await operation.run({ client, scope: scopes[operation.scope], request, variables: body.variables ?? {} });
      // The journal rides with the COMMIT, one round trip, as the product sends it.
      await client.query(done.events.length ? `select app.journal_append(${sqlLiteral(JSON.stringify(done.events))}::jsonb); COMMIT` : 'COMMIT');
      return reply.header('content-type', 'application/json; charset=utf-8').send(JSON.stringify({ data: done.data }));
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/graphql`, close: async () => { await app.close(); await pool.end(); } };
}
