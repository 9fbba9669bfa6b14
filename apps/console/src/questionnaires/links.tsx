import LinkIcon from '@mui/icons-material/Link';
import { DataTable, ReferenceField, SelectInput } from 'react-admin';
import { List } from '../common/List';
import { choicesOf } from '../common/choices';
import { EnumField } from '../common/EnumField';
import type { ConsoleResource } from '../registry';
import { LinkCreate } from './LinkCreate';
import { RuDateField } from '../common/RuDateField';

const LinkList = () => (
  <List filters={[<SelectInput key="status" source="status" choices={choicesOf('QuestionnaireLinkStatus')} alwaysOn />]} perPage={25}>
    <DataTable bulkActionButtons={false}>
      <DataTable.Col source="participantId" disableSort>
        <ReferenceField source="participantId" reference="participants" link="show" />
      </DataTable.Col>
      <DataTable.Col source="templateId" disableSort>
        <ReferenceField source="templateId" reference="questionnaire-templates" link="show" />
      </DataTable.Col>
      <DataTable.Col source="status" disableSort>
        <EnumField source="status" enumName="QuestionnaireLinkStatus" chip />
      </DataTable.Col>
      <DataTable.Col source="expiresAt">
        <RuDateField source="expiresAt" />
      </DataTable.Col>
      <DataTable.Col source="usedAt">
        <RuDateField source="usedAt" emptyText="—" />
      </DataTable.Col>
    </DataTable>
  </List>
);

/** Персональные одноразовые ссылки на анкеты. */
export const questionnaireLinks: ConsoleResource = {
  name: 'questionnaire-links',
  graphqlType: 'QuestionnaireLink',
  icon: LinkIcon,
  list: LinkList,
  create: LinkCreate,
  access: { curator: ['list', 'create', 'delete'] },
  messages: {
    name: 'Ссылка на анкету |||| Ссылки на анкеты',
    fields: {
      participantId: 'Участник',
      templateId: 'Анкета',
      status: 'Состояние',
      expiresAt: 'Действует до',
      usedAt: 'Заполнена',
      createdBy: 'Кто выдал',
      path: 'Адрес ссылки',
      withdrawnAt: 'Отозвана',
      createdAt: 'Выдана',
      updatedAt: 'Изменена',
    },
  },
};
