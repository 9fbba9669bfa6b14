import MailIcon from '@mui/icons-material/EmailOutlined';
import MarkEmailUnreadIcon from '@mui/icons-material/MarkEmailUnreadOutlined';
import type { ConsoleResource } from '../registry';
import { notificationMessages } from './messages';
import { NotificationList } from './NotificationList';
import { NotificationSettingsPage } from './NotificationSettingsPage';
import { NotificationShow } from './NotificationShow';
import { RegionNotificationSettingsPage } from './RegionNotificationSettingsPage';

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

/** «Уведомления: настройки региона»: the region analyst's page (the schools' defaults, the analysts' address); the page is the resource's list view, so the menu entry follows from `access`. */
export const regionNotificationSettings: ConsoleResource = {
  name: 'region-notification-settings',
  graphqlType: 'RegionNotificationSettings',
  icon: MarkEmailUnreadIcon,
  list: RegionNotificationSettingsPage,
  access: { 'region-analyst': ['list'] },
  messages: { name: 'Уведомления: настройки региона |||| Уведомления: настройки региона', fields: {} },
};
