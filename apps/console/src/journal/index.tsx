import HistoryIcon from '@mui/icons-material/History';
import type { ConsoleResource } from '../registry';
import { JournalList } from './JournalList';
import { journalMessages } from './messages';

/** «Журнал доступа»: who read or changed which person's data (a curator their school's, the platform admin every school's). */
export const accessJournal: ConsoleResource = {
  name: 'access-journal',
  graphqlType: 'AccessJournalEntry',
  plural: 'AccessJournalEntries',
  icon: HistoryIcon,
  list: JournalList,
  access: { curator: ['list'], 'platform-admin': ['list'] },
  messages: journalMessages,
};
