import TableViewIcon from '@mui/icons-material/TableView';
import type { ConsoleResource } from '../registry';
import { ExtractsPage } from './ExtractsPage';

/**
 * «Выгрузки» по статистическим формам (aggregates only): the ministry for any region or all of
 * them, a region analyst for their region. The page is the resource's list view, so the menu
 * entry and the access rule follow from `access`.
 */
export const extracts: ConsoleResource = {
  name: 'extracts',
  graphqlType: 'Report',
  icon: TableViewIcon,
  list: ExtractsPage,
  access: {
    'ministry-official': ['list'],
    'region-analyst': ['list'],
    'platform-admin': ['list'],
  },
  messages: {
    name: 'Выгрузка |||| Выгрузки',
    fields: {},
  },
};
