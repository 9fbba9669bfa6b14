import PeopleIcon from '@mui/icons-material/People';
import type { ConsoleResource } from '../registry';
import { participantMessages } from './messages';
import { ParticipantCreate, ParticipantEdit } from './ParticipantCreate';
import { ParticipantImport } from './ParticipantImport';
import { ParticipantList } from './ParticipantList';
import { ParticipantShow } from './ParticipantShow';

/** Наставники и наставляемые организации (personal data: curators of the school only). */
export const participants: ConsoleResource = {
  name: 'participants',
  graphqlType: 'Participant',
  icon: PeopleIcon,
  recordRepresentation: 'fullName',
  list: ParticipantList,
  show: ParticipantShow,
  edit: ParticipantEdit,
  create: ParticipantCreate,
  access: {
    curator: ['list', 'show', 'create', 'edit', 'delete'],
    'platform-admin': ['list', 'show', 'create', 'edit', 'delete'],
  },
  routes: [{ path: '/participants-import', component: ParticipantImport, roles: ['curator'] }],
  messages: participantMessages,
};
