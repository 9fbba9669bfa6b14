import SchoolIcon from '@mui/icons-material/AccountBalance';
import type { ConsoleResource } from '../registry';
import { SchoolCardPage } from './SchoolCardPage';
import { SchoolsPage } from './SchoolsPage';

/**
 * «Школы региона» (issue 13): the region's schools by municipality with a search, each opening its
 * card for the region (`#/schools/<id>/card`) — aggregates only. The league table's rows open the
 * same card.
 */
export const schools: ConsoleResource = {
  name: 'schools',
  graphqlType: 'SchoolCard',
  icon: SchoolIcon,
  list: SchoolsPage,
  access: {
    'region-analyst': ['list'],
    'platform-admin': ['list'],
  },
  routes: [{ path: '/schools/:id/card', component: SchoolCardPage, roles: ['region-analyst', 'platform-admin'] }],
  messages: {
    name: 'Школа региона |||| Школы региона',
    fields: {},
  },
};
