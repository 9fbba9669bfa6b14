import { randomBytes } from 'node:crypto';
import { todayIso } from '@nastavnik/platform/calendar';
import type { TenantRow } from '@nastavnik/testing/test-context';
import { tokenFor } from '@nastavnik/testing/test-context';
import type { DeliveredMail } from '@nastavnik/notifications/local-mail-server';
import { meetingIcs } from '@nastavnik/notifications/meeting-invitation';
import { yearsAgo } from './questionnaires-builders';
import { NotificationsWorld } from './notifications-world';

const addDays = (day: string, days: number) => {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

/**
 * A meeting planned in the console comes with an `.ics` invitation (issue 17): the programmes
 * lib announces it through its port in the meeting's transaction (docs/adr/0038), the
 * notifications lib writes one message per attendee who can be written to (a minor's to the legal
 * representative; none without consent), the worker sends them to a real SMTP server with a
 * `text/calendar; method=REQUEST` part; a meeting recorded after it happened invites nobody; a
 * moved date sends the same UID with a higher SEQUENCE.
 */
describe('notifications: the meeting invitation with .ics', () => {
  let world: NotificationsWorld;
  let school: TenantRow;
  let curator: string;

  const gql = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const response = await world.api.gql<T>(curator, query, variables);
    if (response.errors) throw new Error(response.errors.map((e) => `${e.extensions?.code}: ${e.message}`).join('; '));
    return response.data!;
  };
  const person = async (options: { minor?: boolean; email?: string | null; consent?: boolean }) => {
    const minor = options.minor ?? false;
    const { rows: [row] } = await world.db.owner.query<{ id: string }>(
      `insert into participants (tenant_id, kind, last_name, first_name, birth_date, grade, email) values ($1, $2, 'Встречин-' || $3, 'Иван', $4, $5, $6) returning id`,
      [school.id, minor ? 'student' : 'teacher', randomBytes(3).toString('hex'), yearsAgo(minor ? 12 : 30), minor ? 6 : null, options.email ?? null],
    );
    if (options.consent ?? true) {
      await world.db.owner.query(
        `insert into consents (tenant_id, participant_id, signed_by, representative_name, representative_relation, signed_on, purposes)
         values ($1, $2, $3, $4, $5, current_date - 5, '{processing,questionnaires}')`,
        minor ? [school.id, row.id, 'legal_representative', 'Встречина Анна', 'mother'] : [school.id, row.id, 'self', null, null],
      );
    }
    return row.id;
  };
  const mailTo = (address: string, all: DeliveredMail[]) => all.filter((m) => m.to.some((to) => to.address === address));
  /** The text/calendar part of a delivered message, decoded from the raw message the server stored. */
  const calendarOf = async (mail: DeliveredMail): Promise<string> => {
    const response = await fetch(`${world.mail.webUrl}/email/${mail.id}/source`);
    expect(response.ok).toBe(true);
    const source = await response.text();
    const part = /Content-Type: text\/calendar;[^\r\n]*(?:\r?\n[ \t][^\r\n]*)*\r?\n((?:[^\r\n]+\r?\n)*)\r?\n([\s\S]*?)\r?\n--/i.exec(source);
    expect(part?.[0]).toMatch(/method=REQUEST/i);
    const headers = part![1];
    const body = part![2];
    if (/Content-Transfer-Encoding: base64/i.test(headers)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    if (/Content-Transfer-Encoding: quoted-printable/i.test(headers)) {
      const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      return Buffer.from(bytes, 'latin1').toString('utf8');
    }
    return body;
  };

  beforeAll(async () => {
    world = await NotificationsWorld.start('notifmeet');
    ({ school } = await world.db.newSchoolWorld());
    curator = tokenFor('curator', school.code);
  }, 120_000);
  afterAll(async () => {
    await world?.close();
  });

  it('renders RFC 5545: CRLF lines, escaped text, long lines folded at 75 octets without splitting a character', () => {
    const ics = meetingIcs({
      uid: 'meeting-1@example.test',
      sequence: 2,
      day: '2026-12-31',
      summary: 'Регулярная встреча; тема: «планы, цели»\nи итоги — '.repeat(3),
      description: 'Программа',
      organizer: 'Наставник <noreply@example.test>',
      attendee: { email: 'a@example.test', name: 'Анна "Мама"' },
      now: new Date('2026-12-05T10:00:00Z'),
    });
    const lines = ics.split('\r\n');
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(lines.every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain('DTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101\r\n');
    expect(unfolded).toContain('SEQUENCE:2\r\nDTSTAMP:20261205T100000Z\r\n');
    expect(unfolded).toContain('SUMMARY:Регулярная встреча\\; тема: «планы\\, цели»\\nи итоги — ');
    expect(unfolded).toContain('ATTENDEE;CN="Анна Мама";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:a@example.test');
    expect(unfolded).toContain('ORGANIZER;CN="Наставник":mailto:noreply@example.test');
    expect(Buffer.from(unfolded).toString('utf8')).not.toContain('\uFFFD');
  });

  it('a planned pair meeting: invitations with .ics to the mentor and the minor’s representative, none without consent; a past one invites nobody; a moved date re-sends the same UID', async () => {
    const programmeId = await world.build.programme(school.id);
    await world.db.owner.query(`update programmes set status = 'active' where id = $1`, [programmeId]).catch(() => undefined);
    const mentorEmail = `mentor-${randomBytes(3).toString('hex')}@example.test`;
    const parentEmail = `parent-${randomBytes(3).toString('hex')}@example.test`;
    const mentor = await person({ email: mentorEmail });
    const child = await person({ minor: true, email: `kid-${randomBytes(3).toString('hex')}@example.test` });
    const refusing = await person({ email: `nc-${randomBytes(3).toString('hex')}@example.test`, consent: false });
    const { rows: [pair] } = await world.db.owner.query<{ id: string }>(
      `insert into mentoring_pairs (tenant_id, programme_id, mentor_id, status, start_date) values ($1, $2, $3, 'active', current_date - 30) returning id`,
      [school.id, programmeId, mentor],
    );
    for (const mentee of [child, refusing]) {
      await world.db.owner.query(`insert into pair_mentees (tenant_id, pair_id, mentor_id, mentee_id) values ($1, $2, $3, $4)`, [school.id, pair.id, mentor, mentee]);
    }
    await gql(`mutation($input: NotificationContactInput!) { setNotificationContact(input: $input) { email } }`, {
      input: { participantId: child, email: parentEmail, name: 'Анна Встречина', representative: true },
    });
    const { rows: [type] } = await world.db.owner.query<{ id: string; title: string }>(`select id, title from meeting_types where code = 'REGULAR'`);
    const create = (heldOn: string) =>
      gql<{ createMeeting: { id: string } }>(`mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }`, {
        input: { pairId: pair.id, meetingTypeId: type.id, heldOn, durationMinutes: 45, topic: 'Планы на четверть' },
      });

    // Recorded after it was held: nobody is invited.
    await create(addDays(todayIso(), -3));
    expect(await world.build.count('notifications')).toBe(0);

    const planned = addDays(todayIso(), 7);
    const { createMeeting: meeting } = await create(planned);
    const { rows: written } = await world.db.owner.query<{ recipient_email: string; ics: string; status: string }>(
      `select recipient_email, ics, status from notifications where kind = 'meeting_invitation' order by recipient_email`,
    );
    // In the meeting's own transaction: written before any worker runs.
    expect(written.map((w) => w.recipient_email).sort()).toEqual([mentorEmail, parentEmail].sort());
    expect(written.every((w) => w.status === 'pending' && w.ics.includes(`UID:meeting-${meeting.id}@`))).toBe(true);

    await world.startWorker();
    await world.waitFor('two invitations delivered', async () => (await world.mail.messages()).length >= 2);
    const all = await world.mail.messages();
    expect(all).toHaveLength(2);
    const [toParent] = mailTo(parentEmail, all);
    expect(toParent.subject).toBe(`Встреча: ${type.title}: Планы на четверть, ${new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${planned}T12:00:00Z`))}, 45 мин`);
    const ics = (await calendarOf(toParent)).replace(/\r\n /g, '');
    expect(ics).toContain('METHOD:REQUEST');
    expect(ics).toContain(`UID:meeting-${meeting.id}@`);
    expect(ics).toContain(`DTSTART;VALUE=DATE:${planned.replaceAll('-', '')}`);
    expect(ics).toContain('SEQUENCE:0');
    expect(ics).toContain(`mailto:${parentEmail}`);
    expect(mailTo(mentorEmail, all)).toHaveLength(1);

    // The date moves: the same event (UID), a higher SEQUENCE, to the same people.
    const moved = addDays(todayIso(), 9);
    await gql(`mutation($id: ID!, $input: UpdateMeetingInput!) { updateMeeting(id: $id, input: $input) { id } }`, { id: meeting.id, input: { heldOn: moved } });
    await world.waitFor('two updated invitations', async () => (await world.mail.messages()).length >= 4);
    const updated = mailTo(parentEmail, await world.mail.messages()).find((m) => m.id !== toParent.id)!;
    const next = (await calendarOf(updated)).replace(/\r\n /g, '');
    expect(next).toContain(`UID:meeting-${meeting.id}@`);
    expect(next).toContain(`DTSTART;VALUE=DATE:${moved.replaceAll('-', '')}`);
    expect(Number(/SEQUENCE:(\d+)/.exec(next)![1])).toBeGreaterThan(0);
    // Saving the meeting again without moving it sends nothing more.
    await gql(`mutation($id: ID!, $input: UpdateMeetingInput!) { updateMeeting(id: $id, input: $input) { id } }`, { id: meeting.id, input: { topic: 'Планы' } });
    expect(await world.build.count('notifications', `kind = 'meeting_invitation'`)).toBe(4);
  }, 120_000);
});
