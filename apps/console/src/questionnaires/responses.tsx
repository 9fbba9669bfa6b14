import FactCheckIcon from '@mui/icons-material/FactCheck';
import { AutocompleteInput, BooleanField, DataTable, ReferenceField, ReferenceInput, SelectInput } from 'react-admin';
import { List } from '../common/List';
import { choicesOf } from '../common/choices';
import { EnumField } from '../common/EnumField';
import type { ConsoleResource } from '../registry';
import { ResponseCreate } from './ResponseCreate';
import { RuDateField } from '../common/RuDateField';

const filters = [
  <ReferenceInput key="templateId" source="templateId" reference="questionnaire-templates" alwaysOn>
    <AutocompleteInput optionText="title" filterToQuery={(q: string) => ({ q })} sx={{ minWidth: 320 }} />
  </ReferenceInput>,
  <SelectInput key="channel" source="channel" choices={choicesOf('ResponseChannel')} />,
];

const ResponseList = () => (
  <List filters={filters} perPage={25} sort={{ field: 'submittedAt', order: 'DESC' }}>
    <DataTable bulkActionButtons={false}>
      <DataTable.Col source="submittedAt">
        <RuDateField source="submittedAt" />
      </DataTable.Col>
      <DataTable.Col source="participantId" disableSort>
        <ReferenceField source="participantId" reference="participants" link="show" emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="templateId" disableSort>
        <ReferenceField source="templateId" reference="questionnaire-templates" link="show" />
      </DataTable.Col>
      <DataTable.Col source="channel">
        <EnumField source="channel" enumName="ResponseChannel" />
      </DataTable.Col>
      <DataTable.Col source="satisfied" disableSort>
        <BooleanField source="satisfied" emptyText="—" />
      </DataTable.Col>
    </DataTable>
  </List>
);

/** Ответы на анкеты: entered by the curator or filled in through a personal link. */
export const questionnaireResponses: ConsoleResource = {
  name: 'questionnaire-responses',
  graphqlType: 'QuestionnaireResponse',
  icon: FactCheckIcon,
  list: ResponseList,
  create: ResponseCreate,
  access: { curator: ['list', 'create', 'delete'] },
  messages: {
    name: 'Ответ на анкету |||| Ответы на анкеты',
    fields: {
      submittedAt: 'Дата',
      participantId: 'Участник',
      templateId: 'Анкета',
      channel: 'Как получены',
      satisfied: 'Удовлетворён',
      academicYear: 'Учебный год',
      answers: 'Ответы',
      enteredBy: 'Кто внёс',
      phase: 'Когда проводится',
      respondentRole: 'Кто отвечает',
      pairId: 'Пара или группа',
      programmeId: 'Программа',
      createdAt: 'Внесено',
      updatedAt: 'Изменено',
    },
  },
};
