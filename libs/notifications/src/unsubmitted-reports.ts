/**
 * What the reminder run needs of the yearly reports (issue 17: «аналитику региона — школы, не
 * сдавшие отчёт к сроку»). The reports belong to the reporting lib, which depends on this lib
 * (a review writes the school's message to the outbox), so this lib cannot call it: it declares
 * the port and the reporting lib provides it under this class as its token (docs/adr/0038, 0039).
 * The reminder run finds the provider in the application; without one it reports no school.
 */
export type UnsubmittedReport = {
  schoolYear: string;
  /** The due date (ГГГГ-ММ-ДД) that has passed. */
  dueOn: string;
  /** The schools whose report for the year is neither on review nor accepted, by name. */
  schools: { tenantId: string; title: string }[];
};

export abstract class UnsubmittedReports {
  /**
   * Under a region analyst's scope: per school year whose due date has passed by `today` (the
   * region's calendar) and is `dueFrom` or later, the schools of the scope's subtree without a
   * report submitted or accepted. Older due dates are left out (the run's window, docs/adr/0039).
   */
  abstract unsubmitted(today: string, dueFrom: string): Promise<UnsubmittedReport[]>;
}
