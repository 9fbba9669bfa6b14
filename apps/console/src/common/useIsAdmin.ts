import { usePermissions } from 'react-admin';
import type { AppRole } from '@nastavnik/contracts/roles';

/**
 * Whether the signed-in person is the platform admin: only they see the platform's internal codes
 * (a tenant's `mish`, a reference entry's `PEER_TO_PEER`) — everyone else reads names.
 */
export function useIsAdmin(): boolean {
  const { permissions } = usePermissions<AppRole>();
  return permissions === 'platform-admin';
}
