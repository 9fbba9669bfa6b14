import MailIcon from '@mui/icons-material/EmailOutlined';
import type { ConsoleResource } from '../registry';
import { notificationMessages } from './messages';
import { NotificationList } from './NotificationList';
import { NotificationSettingsPage } from './NotificationSettingsPage';
import { NotificationShow } from './NotificationShow';

/** «Уведомления»: the school's e-mails (sent, failed with reasons, resend), its settings and template previews. */
export const notifications: ConsoleResource = {
  name: 'notifications',
  graphqlType: 'Notification',
  icon: MailIcon,
  list: NotificationList,
  show: NotificationShow,
  access: { curator: ['list', 'show'], 'platform-admin': ['list', 'show'] },
  routes: [{ path: '/notification-settings', component: NotificationSettingsPage, roles: ['curator'] }],
  messages: notificationMessages,
};
