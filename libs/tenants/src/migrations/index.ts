import { CreateTenants1795300001000 } from './1795300001000-create-tenants';
import { PublishTenantTree1795301000000 } from './1795301000000-publish-tenant-tree';
import { DeclareTenantPolicies1795301100000 } from './1795301100000-declare-tenant-policies';

export const tenantsMigrations = [CreateTenants1795300001000, PublishTenantTree1795301000000, DeclareTenantPolicies1795301100000];
