import FlagIcon from '@mui/icons-material/Flag';
import GridOnIcon from '@mui/icons-material/GridOn';
import type { ConsoleResource } from '../registry';
import { IndicatorTablePage } from './IndicatorTablePage';
import { TargetsPage } from './TargetsPage';

/** «Цели региона» (issue 13): the region's targets per indicator and school year, and who is below them. */
export const indicatorTargets: ConsoleResource = {
  name: 'targets',
  graphqlType: 'IndicatorTarget',
  icon: FlagIcon,
  list: TargetsPage,
  access: {
    'region-analyst': ['list'],
    'platform-admin': ['list'],
  },
  messages: { name: 'Цель региона |||| Цели региона', fields: {} },
};

/** «Таблица показателей» (issue 13): schools × chosen indicators, sortable, with its XLSX. */
export const indicatorTable: ConsoleResource = {
  name: 'indicator-table',
  graphqlType: 'IndicatorTable',
  icon: GridOnIcon,
  list: IndicatorTablePage,
  access: {
    'region-analyst': ['list'],
    'platform-admin': ['list'],
  },
  messages: { name: 'Таблица показателей |||| Таблица показателей', fields: {} },
};
