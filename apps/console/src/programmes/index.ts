import AssignmentIcon from '@mui/icons-material/Assignment';
import type { ConsoleResource } from '../registry';
import { programmeMessages } from './messages';
import { ProgrammeCreate, ProgrammeEdit, ProgrammeList, ProgrammeShow } from './ProgrammeViews';

/** Программы наставничества организации. */
export const programmes: ConsoleResource = {
  name: 'programmes',
  graphqlType: 'Programme',
  icon: AssignmentIcon,
  recordRepresentation: 'title',
  list: ProgrammeList,
  show: ProgrammeShow,
  edit: ProgrammeEdit,
  create: ProgrammeCreate,
  access: {
    curator: ['list', 'show', 'create', 'edit', 'delete'],
    'platform-admin': ['list', 'show'],
  },
  messages: programmeMessages,
};
