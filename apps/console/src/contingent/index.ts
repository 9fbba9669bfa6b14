import GroupsIcon from '@mui/icons-material/Groups';
import type { ConsoleResource } from '../registry';
import { ContingentImport } from './ContingentImport';
import { ContingentCreate, ContingentEdit, ContingentList } from './ContingentViews';
import { contingentMessages } from './messages';

/**
 * Контингент: the school's pupils by age on 1 September and its teachers per school year —
 * counts, no person (docs/adr/0027). The curator enters or imports the school's; a region analyst
 * imports the region's schools in one file; officials and the platform admin read.
 */
export const contingents: ConsoleResource = {
  name: 'contingents',
  graphqlType: 'SchoolContingent',
  icon: GroupsIcon,
  recordRepresentation: 'schoolYear',
  list: ContingentList,
  edit: ContingentEdit,
  create: ContingentCreate,
  access: {
    curator: ['list', 'create', 'edit', 'delete'],
    'region-analyst': ['list', 'create', 'edit', 'delete'],
    'ministry-official': ['list'],
    'platform-admin': ['list'],
  },
  routes: [{ path: '/contingent-import', component: ContingentImport, roles: ['curator', 'region-analyst'] }],
  messages: contingentMessages,
};
