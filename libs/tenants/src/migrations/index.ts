import { CreateTenants1795300001000 } from './1795300001000-create-tenants';

export const tenantsMigrations = [CreateTenants1795300001000];
