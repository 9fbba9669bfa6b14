/**
 * One event of the access journal (docs/adr/0023), before it is written: who is taken from the
 * operation's scope and request when it is flushed, so an event names only what was touched.
 */
export const JOURNAL_ACTIONS = ['read', 'create', 'update', 'delete', 'import', 'export', 'erase'] as const;
export type JournalAction = (typeof JOURNAL_ACTIONS)[number];

export type JournalEvent = {
  /** The school whose person's data was touched. */
  tenantId: string;
  /** The GraphQL field (`allParticipants`, `Participant.consents`) or the HTTP route (`POST /participants/import`). */
  operation: string;
  action: JournalAction;
  /** The declared entity (`Participant`, personal-data.ts). */
  entity: string;
  /** The ids of the records touched: one event per page of a list, with the page's ids. */
  ids: string[];
  /** The personal-data properties touched (names from the declaration, never values). */
  fields: string[];
};
