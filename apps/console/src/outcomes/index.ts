import TrendingUpIcon from '@mui/icons-material/TrendingUp';
import type { ConsoleResource } from '../registry';
import { RegionOutcomes } from './RegionOutcomes';

/**
 * «Результаты до/после» for the region (issue 13, item 5): the schools' before/after sums, no
 * person, small groups withheld. The page is the resource's list view, so the menu entry and the
 * access rule follow from `access`. (The curator's comparison is a card on «Моя организация».)
 */
export const regionOutcomes: ConsoleResource = {
  name: 'region-outcomes',
  graphqlType: 'RegionOutcomes',
  icon: TrendingUpIcon,
  list: RegionOutcomes,
  access: {
    'region-analyst': ['list'],
    'ministry-official': ['list'],
    'platform-admin': ['list'],
  },
  messages: {
    name: 'Результаты до/после |||| Результаты до/после',
    fields: {},
  },
};
