import AccountTreeIcon from '@mui/icons-material/AccountTree';
import type { ConsoleResource } from '../registry';
import { tenantMessages } from './messages';
import { TenantCreate } from './TenantCreate';
import { TenantEdit } from './TenantEdit';
import { TenantList } from './TenantList';
import { TenantShow } from './TenantShow';

/** Регионы, муниципалитеты и образовательные организации: the tenant tree. */
export const tenants: ConsoleResource = {
  name: 'tenants',
  graphqlType: 'Tenant',
  icon: AccountTreeIcon,
  recordRepresentation: 'shortName',
  list: TenantList,
  show: TenantShow,
  edit: TenantEdit,
  create: TenantCreate,
  access: {
    'platform-admin': ['list', 'show', 'create', 'edit', 'delete'],
    'ministry-official': ['list', 'show'],
    'region-analyst': ['list', 'show'],
    // Their own organisation only (row-level security); it is their home page.
    curator: ['show'],
  },
  messages: tenantMessages,
};
