/**
 * What the programmes lib tells others when a meeting is planned (issue 17: the `.ics`
 * invitation). The programmes lib declares the port and calls it in the meeting's own
 * transaction; a lib that wants to hear it (notifications) provides an implementation under this
 * class as its token — the dependency points from the listener to programmes, never back, so the
 * libs stay acyclic (docs/adr/0004, docs/adr/0038). No listener in the application → nothing happens.
 */
export type MeetingPlanned = {
  tenantId: string;
  meetingId: string;
  programmeId: string;
  programmeTitle: string;
  pairId: string | null;
  /** ГГГГ-ММ-ДД, today or later in the region's calendar. */
  heldOn: string;
  durationMinutes: number | null;
  typeTitle: string;
  topic: string | null;
  /** Who is invited: the meeting's attendees (a pair's mentor and mentees by default). */
  attendeeIds: string[];
  /** The invitation's revision: 0 when created, higher when the date was moved (RFC 5545 SEQUENCE). */
  sequence: number;
};

export abstract class MeetingPlannedListener {
  abstract meetingPlanned(event: MeetingPlanned): Promise<void>;
}
