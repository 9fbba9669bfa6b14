import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@nastavnik/platform/config/app-config';
import { type MeetingPlanned, MeetingPlannedListener } from '@nastavnik/programmes/meetings/meeting-events';
import { CONTACT_PURPOSE } from './notification.codes';
import { NotificationOutbox } from './notification-outbox.service';
import { ruDay } from './notification-templates';

/**
 * The meeting invitation (issue 17): the programmes lib announces a planned meeting through its
 * port `MeetingPlannedListener` (docs/adr/0038), in the meeting's transaction; each attendee who
 * can be written to — consent for contact in force, an address (a minor's legal representative's)
 * — gets a message with an `.ics` attachment (RFC 5545, METHOD:REQUEST, one all-day event: a
 * meeting has a date, not a time). A moved date sends the same UID with a higher SEQUENCE, so a
 * calendar updates the event instead of adding a second one.
 */
@Injectable()
export class MeetingInvitations extends MeetingPlannedListener {
  constructor(
    private readonly outbox: NotificationOutbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async meetingPlanned(event: MeetingPlanned): Promise<void> {
    const title = event.topic ? `${event.typeTitle}: ${event.topic}` : event.typeTitle;
    for (const participantId of event.attendeeIds) {
      const recipient = await this.outbox.participantRecipient(participantId);
      if (typeof recipient === 'string') continue;
      await this.outbox.enqueue({
        tenantId: event.tenantId,
        kind: 'meeting_invitation',
        to: { email: recipient.email, name: recipient.name },
        participantId,
        consentPurpose: CONTACT_PURPOSE,
        data: {
          title,
          when: ruDay(event.heldOn) + (event.durationMinutes ? `, ${event.durationMinutes} мин` : ''),
          place: `программа «${event.programmeTitle}»`,
        },
        dedupeKey: `meeting:${event.meetingId}:${participantId}:${event.heldOn}`,
        ics: meetingIcs({
          uid: `meeting-${event.meetingId}@${domainOf(this.config.notifications.from)}`,
          sequence: event.sequence,
          day: event.heldOn,
          summary: title,
          description: `Программа наставничества «${event.programmeTitle}»${recipient.representative ? ` — встреча с участием: ${recipient.participantName}` : ''}`,
          organizer: this.config.notifications.from,
          attendee: { email: recipient.email, name: recipient.name },
        }),
      });
    }
  }
}

export type IcsEvent = {
  uid: string;
  sequence: number;
  /** ГГГГ-ММ-ДД: an all-day event. */
  day: string;
  summary: string;
  description: string;
  organizer: string;
  attendee: { email: string; name: string | null };
  now?: Date;
};

/** A one-event iCalendar invitation (RFC 5545: CRLF, TEXT escaped, lines folded at 75 octets). */
export function meetingIcs(event: IcsEvent): string {
  const next = new Date(`${event.day}T12:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  const date = (iso: string) => iso.replaceAll('-', '');
  const stamp = (event.now ?? new Date()).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const organizer = addressOf(event.organizer);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Nastavnik//Notifications//RU',
    'CALSCALE:GREGORIAN',
    'METHOD:REQUEST',
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${stamp}`,
    `DTSTART;VALUE=DATE:${date(event.day)}`,
    `DTEND;VALUE=DATE:${date(next.toISOString().slice(0, 10))}`,
    `SUMMARY:${text(event.summary)}`,
    `DESCRIPTION:${text(event.description)}`,
    `ORGANIZER;CN=${param('Наставник')}:mailto:${organizer}`,
    `ATTENDEE;CN=${param(event.attendee.name ?? event.attendee.email)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:${event.attendee.email}`,
    'STATUS:CONFIRMED',
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}

/** TEXT value: backslash, semicolon, comma and newlines escaped. */
function text(value: string): string {
  return value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');
}

/** A parameter value: quoted, without the characters a quoted parameter may not hold. */
function param(value: string): string {
  return `"${value.replace(/["\r\n]/g, '')}"`;
}

/** Lines longer than 75 octets continue on the next line after a space, never inside a UTF-8 character. */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    if (octets + size > (out.length === 0 ? 75 : 74)) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

function addressOf(from: string): string {
  return /<([^<>]+)>\s*$/.exec(from)?.[1] ?? from.trim();
}

function domainOf(from: string): string {
  return /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1] ?? 'nastavnik.local';
}
