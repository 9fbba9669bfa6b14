/**
 * The bare baseline of the API bench: Fastify and pg, no framework between them, serving the
 * curator's participants page with **the same SQL the product runs** (read off Postgres' statement
 * log of one request) in one scoped transaction under forced RLS as the app role: the scope
 * statement, the page, the count, consent eligibility, base entries, consents, the access-journal
 * append, commit. It answers the same JSON the product's GraphQL answers (the bench checks that
 * byte for byte), so the two differ only in what the product does besides SQL: authentication,
 * GraphQL parsing and validation, the input pipe, TypeORM, field resolvers, logging, metrics.
 * No authentication: the scope is the bench curator's, fixed at start.
 */
import Fastify from 'fastify';
import { escapeLiteral, Pool, types } from 'pg';
import { personalDataFieldsOf } from '@nastavnik/platform/personal-data/personal-data';
import '@nastavnik/participants/personal-data';

types.setTypeParser(1082, (value) => value); // date → 'YYYY-MM-DD', as the product's entities read it

export type BareScope = { tenantId: string; tenantPath: string; actor: string; actorName: string };

const PAGE_SQL = `SELECT "p"."id" AS "p_id", "p"."tenant_id" AS "p_tenant_id", "p"."kind" AS "p_kind", "p"."last_name" AS "p_last_name", "p"."first_name" AS "p_first_name", "p"."middle_name" AS "p_middle_name", "p"."birth_date" AS "p_birth_date", "p"."sex" AS "p_sex", "p"."grade" AS "p_grade", "p"."class_letter" AS "p_class_letter", "p"."position" AS "p_position", "p"."teaching_experience_years" AS "p_teaching_experience_years", "p"."class_teacher" AS "p_class_teacher", "p"."subjects" AS "p_subjects", "p"."organisation_name" AS "p_organisation_name", "p"."email" AS "p_email", "p"."phone" AS "p_phone", "p"."achievements" AS "p_achievements", "p"."requests" AS "p_requests", "p"."interests" AS "p_interests", "p"."directions" AS "p_directions", "p"."notes" AS "p_notes", "p"."erased_at" AS "p_erased_at", "p"."created_at" AS "p_created_at", "p"."updated_at" AS "p_updated_at" FROM "participants" "p" ORDER BY "p"."last_name" ASC NULLS LAST, "p"."first_name" ASC NULLS LAST, "p"."middle_name" ASC NULLS LAST, "p"."id" ASC LIMIT 25 OFFSET 0`;
const COUNT_SQL = `SELECT COUNT(1) AS "cnt" FROM "participants" "p"`;
const ELIGIBLE_SQL = `select p.id, exists (select 1 from participant_eligibility e where e.tenant_id = p.tenant_id and e.participant_id = p.id and e.purpose = 'processing') as ok from participants p where p.id = any($1::uuid[])`;
const placeholders = (n: number) => Array.from({ length: n }, (_, i) => `$${i + 1}`).join(', ');
const entriesSql = (n: number) =>
  `SELECT "ParticipantBaseEntryEntity"."id" AS "ParticipantBaseEntryEntity_id", "ParticipantBaseEntryEntity"."tenant_id" AS "ParticipantBaseEntryEntity_tenant_id", "ParticipantBaseEntryEntity"."participant_id" AS "ParticipantBaseEntryEntity_participant_id", "ParticipantBaseEntryEntity"."base" AS "ParticipantBaseEntryEntity_base", "ParticipantBaseEntryEntity"."status" AS "ParticipantBaseEntryEntity_status", "ParticipantBaseEntryEntity"."included_on" AS "ParticipantBaseEntryEntity_included_on", "ParticipantBaseEntryEntity"."surveyed_on" AS "ParticipantBaseEntryEntity_surveyed_on", "ParticipantBaseEntryEntity"."selected_on" AS "ParticipantBaseEntryEntity_selected_on", "ParticipantBaseEntryEntity"."trained_on" AS "ParticipantBaseEntryEntity_trained_on", "ParticipantBaseEntryEntity"."paired_on" AS "ParticipantBaseEntryEntity_paired_on", "ParticipantBaseEntryEntity"."finished_on" AS "ParticipantBaseEntryEntity_finished_on", "ParticipantBaseEntryEntity"."withdrawn_on" AS "ParticipantBaseEntryEntity_withdrawn_on", "ParticipantBaseEntryEntity"."withdrawal_reason" AS "ParticipantBaseEntryEntity_withdrawal_reason", "ParticipantBaseEntryEntity"."categories" AS "ParticipantBaseEntryEntity_categories", "ParticipantBaseEntryEntity"."request" AS "ParticipantBaseEntryEntity_request", "ParticipantBaseEntryEntity"."competencies" AS "ParticipantBaseEntryEntity_competencies", "ParticipantBaseEntryEntity"."motivation" AS "ParticipantBaseEntryEntity_motivation", "ParticipantBaseEntryEntity"."info_sources" AS "ParticipantBaseEntryEntity_info_sources", "ParticipantBaseEntryEntity"."third_party_notes" AS "ParticipantBaseEntryEntity_third_party_notes", "ParticipantBaseEntryEntity"."interview_result" AS "ParticipantBaseEntryEntity_interview_result", "ParticipantBaseEntryEntity"."psych_ready" AS "ParticipantBaseEntryEntity_psych_ready", "ParticipantBaseEntryEntity"."training_form" AS "ParticipantBaseEntryEntity_training_form", "ParticipantBaseEntryEntity"."max_mentees" AS "ParticipantBaseEntryEntity_max_mentees", "ParticipantBaseEntryEntity"."council_member" AS "ParticipantBaseEntryEntity_council_member", "ParticipantBaseEntryEntity"."awards" AS "ParticipantBaseEntryEntity_awards", "ParticipantBaseEntryEntity"."results" AS "ParticipantBaseEntryEntity_results", "ParticipantBaseEntryEntity"."satisfied" AS "ParticipantBaseEntryEntity_satisfied", "ParticipantBaseEntryEntity"."created_at" AS "ParticipantBaseEntryEntity_created_at", "ParticipantBaseEntryEntity"."updated_at" AS "ParticipantBaseEntryEntity_updated_at" FROM "participant_base_entries" "ParticipantBaseEntryEntity" WHERE (("ParticipantBaseEntryEntity"."participant_id" IN (${placeholders(n)}))) ORDER BY "ParticipantBaseEntryEntity"."base" ASC, "ParticipantBaseEntryEntity"."id" ASC`;
const consentsSql = (n: number) =>
  `SELECT "ConsentEntity"."id" AS "ConsentEntity_id", "ConsentEntity"."tenant_id" AS "ConsentEntity_tenant_id", "ConsentEntity"."participant_id" AS "ConsentEntity_participant_id", "ConsentEntity"."signed_by" AS "ConsentEntity_signed_by", "ConsentEntity"."representative_name" AS "ConsentEntity_representative_name", "ConsentEntity"."representative_relation" AS "ConsentEntity_representative_relation", "ConsentEntity"."signed_on" AS "ConsentEntity_signed_on", "ConsentEntity"."purposes" AS "ConsentEntity_purposes", "ConsentEntity"."valid_until" AS "ConsentEntity_valid_until", "ConsentEntity"."document_ref" AS "ConsentEntity_document_ref", "ConsentEntity"."revoked_on" AS "ConsentEntity_revoked_on", "ConsentEntity"."revocation_reason" AS "ConsentEntity_revocation_reason", "ConsentEntity"."created_at" AS "ConsentEntity_created_at", "ConsentEntity"."updated_at" AS "ConsentEntity_updated_at" FROM "consents" "ConsentEntity" WHERE (("ConsentEntity"."participant_id" IN (${placeholders(n)}))) ORDER BY "ConsentEntity"."signed_on" DESC, "ConsentEntity"."id" ASC`;

export async function startBareServer(databaseUrl: string, scope: BareScope, poolSize: number): Promise<{ url: string; close: () => Promise<void> }> {
  const pool = new Pool({ connectionString: databaseUrl, max: poolSize });
  const scopeSql = `START TRANSACTION; select set_config('app.role', 'curator', true), set_config('app.tenant_id', ${escapeLiteral(scope.tenantId)}, true), set_config('app.tenant_path', ${escapeLiteral(scope.tenantPath)}, true), set_config('app.all_tenants', '', true), set_config('app.actor', ${escapeLiteral(scope.actor)}, true), set_config('timezone', 'Europe/Moscow', true), set_config('role', 'none', true)`;
  const app = Fastify({ logger: false });
  app.post('/graphql', async (request, reply) => {
    const client = await pool.connect();
    try {
      await client.query(scopeSql);
      const page = (await client.query(PAGE_SQL)).rows;
      const count = Number((await client.query(COUNT_SQL)).rows[0].cnt);
      const ids: string[] = page.map((row) => row.p_id);
      const eligible = new Map((await client.query(ELIGIBLE_SQL, [ids])).rows.map((row) => [row.id as string, row.ok as boolean]));
      const entries = ids.length ? (await client.query(entriesSql(ids.length), ids)).rows : [];
      const consents = ids.length ? (await client.query(consentsSql(ids.length), ids)).rows : [];
      // The access journal's three events of the page, as the product writes them (names of the declared fields, never values).
      const event = (operation: string, entity: string, eventIds: string[]) => ({
        tenant_id: scope.tenantId, actor: scope.actor, actor_name: scope.actorName, role: 'curator', operation, action: 'read', entity,
        ids: eventIds, fields: personalDataFieldsOf(entity), request_id: request.id, source_address: request.ip,
      });
      const events = [
        event('allParticipants', 'Participant', ids),
        event('Participant.baseEntries', 'ParticipantBaseEntry', entries.map((row) => row.ParticipantBaseEntryEntity_id)),
        event('Participant.consents', 'Consent', consents.map((row) => row.ConsentEntity_id)),
      ];
      await client.query(`select app.journal_append(${escapeLiteral(JSON.stringify(events))})`);
      await client.query('COMMIT');
      const byParticipant = <T extends { participant_id: string }>(rows: T[]) => {
        const map = new Map<string, T[]>();
        for (const row of rows) map.set(row.participant_id, [...(map.get(row.participant_id) ?? []), row]);
        return map;
      };
      const entriesOf = byParticipant(entries.map((row) => ({ ...row, participant_id: row.ParticipantBaseEntryEntity_participant_id })));
      const consentsOf = byParticipant(consents.map((row) => ({ ...row, participant_id: row.ConsentEntity_participant_id })));
      const body = {
        data: {
          allParticipants: page.map((p) => ({
            id: p.p_id,
            kind: String(p.p_kind).toUpperCase(),
            lastName: p.p_last_name,
            firstName: p.p_first_name,
            middleName: p.p_middle_name,
            birthDate: p.p_birth_date,
            grade: p.p_grade,
            classLetter: p.p_class_letter,
            hasValidConsent: eligible.get(p.p_id) ?? false,
            baseEntries: (entriesOf.get(p.p_id) ?? []).map((e) => ({ id: e.ParticipantBaseEntryEntity_id, base: String(e.ParticipantBaseEntryEntity_base).toUpperCase(), status: String(e.ParticipantBaseEntryEntity_status).toUpperCase() })),
            consents: (consentsOf.get(p.p_id) ?? []).map((c) => ({ id: c.ConsentEntity_id, purposes: (c.ConsentEntity_purposes as string[]).map((x) => x.toUpperCase()), signedOn: c.ConsentEntity_signed_on, revokedOn: c.ConsentEntity_revoked_on })),
          })),
          _allParticipantsMeta: { count },
        },
      };
      return reply.header('content-type', 'application/json; charset=utf-8').send(JSON.stringify(body));
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
