import SettingsIcon from '@mui/icons-material/Settings';
import { Button, DataTable, FunctionField, SelectInput, TextInput, TopToolbar, type RaRecord } from 'react-admin';
import { Link } from 'react-router-dom';
import { List } from '../common/List';
import { choicesOf } from '../common/choices';
import { EnumField } from '../common/EnumField';
import { IssueProgrammeLinksButton } from './IssueProgrammeLinksButton';

type Notification = RaRecord & { createdAt: string; sentAt: string | null; recipientEmail: string | null; recipientName: string | null; lastError: string | null };

const FILTERS = [
  <SelectInput key="status" source="status" choices={choicesOf('NotificationStatus')} alwaysOn />,
  <SelectInput key="kind" source="kind" choices={choicesOf('NotificationKind')} alwaysOn />,
  <TextInput key="q" source="q" alwaysOn />,
];

const when = (value: string | null) => (value ? new Date(value).toLocaleString('ru-RU') : '—');

/** «Уведомления»: what the school's outbox sent, to whom, in which state, and why not. */
export const NotificationList = () => (
  <List
    filters={FILTERS}
    perPage={50}
    // The toolbar («Выдать ссылки всей программе», settings) is there before the first message too.
    empty={false}
    sort={{ field: 'createdAt', order: 'DESC' }}
    actions={
      <TopToolbar>
        <IssueProgrammeLinksButton />
        <Button component={Link} to="/notification-settings" label="resources.notifications.settings" startIcon={<SettingsIcon />} />
      </TopToolbar>
    }
  >
    <DataTable bulkActionButtons={false} rowClick="show">
      <DataTable.Col source="createdAt">
        <FunctionField<Notification> source="createdAt" render={(n) => when(n.createdAt)} />
      </DataTable.Col>
      <DataTable.Col source="kind">
        <EnumField source="kind" enumName="NotificationKind" />
      </DataTable.Col>
      <DataTable.Col source="recipientEmail">
        <FunctionField<Notification> source="recipientEmail" render={(n) => (n.recipientEmail === null ? 'куратору (адрес — при отправке)' : n.recipientName ? `${n.recipientName} <${n.recipientEmail}>` : n.recipientEmail)} />
      </DataTable.Col>
      <DataTable.Col source="subject" disableSort />
      <DataTable.Col source="status">
        <EnumField source="status" enumName="NotificationStatus" chip />
      </DataTable.Col>
      <DataTable.Col source="attempts" disableSort />
      <DataTable.Col source="sentAt">
        <FunctionField<Notification> source="sentAt" render={(n) => when(n.sentAt)} />
      </DataTable.Col>
      <DataTable.Col source="lastError" disableSort>
        <FunctionField<Notification> source="lastError" render={(n) => n.lastError ?? '—'} />
      </DataTable.Col>
    </DataTable>
  </List>
);
