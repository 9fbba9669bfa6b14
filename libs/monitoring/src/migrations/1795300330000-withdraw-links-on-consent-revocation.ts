import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A consent to questionnaires that is revoked (or edited so that it no longer covers them)
 * withdraws that person's pending one-time links in the same transaction: a link handed out
 * before the revocation must not take answers after it. The respondent cannot read consents
 * under RLS, so the check cannot wait until the link is opened; the trigger runs as the person
 * who revokes (the curator, under the links' own policy). Links are marked, not deleted, so the
 * respondent gets a clear LINK_WITHDRAWN and the curator sees why.
 */
export class WithdrawLinksOnConsentRevocation1795300330000 implements MigrationInterface {
  name = 'WithdrawLinksOnConsentRevocation1795300330000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table questionnaire_links add column withdrawn_at timestamptz`);
    await q.query(`alter table questionnaire_links add constraint questionnaire_links_withdrawn_unused check (withdrawn_at is null or used_at is null)`);
    await q.query(`
      create function app.withdraw_questionnaire_links() returns trigger language plpgsql as $$
      begin
        if not exists (
          select 1 from consents c
           where c.tenant_id = new.tenant_id and c.participant_id = new.participant_id
             and c.revoked_on is null and c.signed_on <= current_date
             and (c.valid_until is null or c.valid_until >= current_date)
             and 'questionnaires' = any (c.purposes)) then
          update questionnaire_links set withdrawn_at = now(), updated_at = now()
           where tenant_id = new.tenant_id and participant_id = new.participant_id
             and used_at is null and withdrawn_at is null and expires_at > now();
        end if;
        return null;
      end $$`);
    await q.query(`
      create trigger consents_withdraw_questionnaire_links after update of revoked_on, purposes, valid_until on consents
        for each row execute function app.withdraw_questionnaire_links()`);
    // A withdrawn link cannot be claimed, whatever the respondent sends.
    await q.query(`drop policy questionnaire_links_respondent_claim on questionnaire_links`);
    await q.query(`
      create policy questionnaire_links_respondent_claim on questionnaire_links for update
        using (app.scope_role() = 'respondent' and token_hash = app.link_hash() and used_at is null and withdrawn_at is null and expires_at > now())
        with check (app.scope_role() = 'respondent' and token_hash = app.link_hash() and used_at is not null and claimed_in = pg_current_xact_id())`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop policy questionnaire_links_respondent_claim on questionnaire_links`);
    await q.query(`
      create policy questionnaire_links_respondent_claim on questionnaire_links for update
        using (app.scope_role() = 'respondent' and token_hash = app.link_hash() and used_at is null and expires_at > now())
        with check (app.scope_role() = 'respondent' and token_hash = app.link_hash() and used_at is not null and claimed_in = pg_current_xact_id())`);
    await q.query(`drop trigger consents_withdraw_questionnaire_links on consents`);
    await q.query(`drop function app.withdraw_questionnaire_links()`);
    await q.query(`alter table questionnaire_links drop constraint questionnaire_links_withdrawn_unused`);
    await q.query(`alter table questionnaire_links drop column withdrawn_at`);
  }
}
