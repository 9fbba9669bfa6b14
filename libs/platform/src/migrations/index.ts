import { PlatformScope1795300000000 } from './1795300000000-platform-scope';
import { IndexFriendlyTenantPolicies1795300900000 } from './1795300900000-index-friendly-tenant-policies';
import { ScopeOncePerStatement1795300910000 } from './1795300910000-scope-once-per-statement';
import { PlatformAdminRole1795300920000 } from './1795300920000-platform-admin-role';
import { PlatformAdminScopeNeedsItsRole1795300930000 } from './1795300930000-platform-admin-scope-needs-its-role';
import { CreateAccessJournal1795301500000 } from './1795301500000-create-access-journal';
import { JournalAppendInOneCall1795301510000 } from './1795301510000-journal-append-in-one-call';
import { JournalOfReadsCommitsAsync1795301520000 } from './1795301520000-journal-of-reads-commits-async';
import { JournalRegionAnalysts1795302700000 } from './1795302700000-journal-region-analysts';
import { JournalHeadOncePerSchool1795302810000 } from './1795302810000-journal-head-once-per-school';
import { JournalHashInlined1795303000000 } from './1795303000000-journal-hash-inlined';

/** The last four run last (by timestamp): they rewrite the other libs' tenant policies and the scope they read. */
export const platformMigrations = [PlatformScope1795300000000, IndexFriendlyTenantPolicies1795300900000, ScopeOncePerStatement1795300910000, PlatformAdminRole1795300920000, PlatformAdminScopeNeedsItsRole1795300930000, CreateAccessJournal1795301500000, JournalAppendInOneCall1795301510000, JournalOfReadsCommitsAsync1795301520000, JournalRegionAnalysts1795302700000, JournalHeadOncePerSchool1795302810000, JournalHashInlined1795303000000];
