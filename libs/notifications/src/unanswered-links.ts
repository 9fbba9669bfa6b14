/**
 * What the reminder run needs of the questionnaire links (issue 17: «напомнить о незаполненной
 * анкете через N дней»). The links belong to the monitoring lib, which depends on this lib (it
 * writes the link's message to the outbox), so this lib cannot call it: it declares the port and
 * the monitoring lib provides it under this class as its token (docs/adr/0038). The reminder run
 * finds the provider in the application; without one it reminds of no links.
 */
export type UnansweredLink = {
  linkId: string;
  tenantId: string;
  participantId: string;
  templateTitle: string;
  issuedAt: Date;
  expiresAt: Date;
};

export abstract class UnansweredLinks {
  /** The running scope's links not answered, not withdrawn and not expired, issued at or before `issuedBefore`. */
  abstract unanswered(issuedBefore: Date): Promise<UnansweredLink[]>;
}
