import { PlatformScope1795300000000 } from './1795300000000-platform-scope';
import { IndexFriendlyTenantPolicies1795300900000 } from './1795300900000-index-friendly-tenant-policies';

/** The second one runs last (by timestamp): it rewrites the other libs' tenant policies. */
export const platformMigrations = [PlatformScope1795300000000, IndexFriendlyTenantPolicies1795300900000];
