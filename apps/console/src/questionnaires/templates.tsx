import QuizIcon from '@mui/icons-material/Quiz';
import {
  ArrayField,
  BooleanField,
  BooleanInput,
  DataTable,
  SearchInput,
  SelectInput,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useNotify,
  useRecordContext,
  useRedirect,
} from 'react-admin';
import { List } from '../common/List';
import { Button } from '@mui/material';
import { choicesOf } from '../common/choices';
import { EnumField } from '../common/EnumField';
import { useGraphqlAction } from '../common/graphql';
import { quietLoadError, ShowLoadError } from '../common/LoadError';
import type { ConsoleResource } from '../registry';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="respondentRole" source="respondentRole" choices={choicesOf('RespondentRole')} alwaysOn />,
  <SelectInput key="phase" source="phase" choices={choicesOf('QuestionnairePhase')} />,
  <BooleanInput key="isDefault" source="isDefault" />,
];

const TemplateList = () => (
  <List filters={filters} perPage={25}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="title" />
      <DataTable.Col source="respondentRole">
        <EnumField source="respondentRole" enumName="RespondentRole" />
      </DataTable.Col>
      <DataTable.Col source="phase">
        <EnumField source="phase" enumName="QuestionnairePhase" />
      </DataTable.Col>
      <DataTable.Col source="isDefault" disableSort>
        <BooleanField source="isDefault" />
      </DataTable.Col>
      <DataTable.Col source="version" />
    </DataTable>
  </List>
);

/** «Скопировать себе»: a default questionnaire becomes the school's own, editable copy. */
const CopyButton = () => {
  const template = useRecordContext<{ id: string; isDefault: boolean }>();
  const { run, pending } = useGraphqlAction<{ copyQuestionnaireTemplate: { id: string } }>();
  const redirect = useRedirect();
  const notify = useNotify();
  if (!template?.isDefault) return null;
  const copy = async () => {
    const result = await run('mutation Copy($id: ID!) { copyQuestionnaireTemplate(id: $id) { id } }', { id: template.id });
    if (result) {
      notify('Анкета скопирована в вашу организацию', { type: 'success' });
      redirect('show', 'questionnaire-templates', result.copyQuestionnaireTemplate.id);
    }
  };
  return (
    <Button size="small" onClick={copy} disabled={pending}>
      Скопировать себе
    </Button>
  );
};

const TemplateShow = () => (
  <Show actions={<TopToolbar><CopyButton /></TopToolbar>} error={<ShowLoadError />} queryOptions={quietLoadError}>
    <SimpleShowLayout>
      <TextField source="title" />
      <TextField source="description" emptyText="—" />
      <EnumField source="respondentRole" enumName="RespondentRole" label="resources.questionnaire-templates.fields.respondentRole" />
      <EnumField source="phase" enumName="QuestionnairePhase" label="resources.questionnaire-templates.fields.phase" />
      <EnumField source="instrument" enumName="QuestionnaireInstrument" label="resources.questionnaire-templates.fields.instrument" />
      <BooleanField source="isDefault" />
      <TextField source="version" />
      <ArrayField source="questions">
        <DataTable bulkActionButtons={false}>
          <DataTable.Col source="position" label="№" />
          <DataTable.Col source="text" label="Вопрос" />
          <DataTable.Col source="kind" label="Тип">
            <EnumField source="kind" enumName="QuestionKind" />
          </DataTable.Col>
          <DataTable.Col source="required" label="Обязательный">
            <BooleanField source="required" />
          </DataTable.Col>
        </DataTable>
      </ArrayField>
    </SimpleShowLayout>
  </Show>
);

/** Анкеты: the platform's defaults and the school's own. */
export const questionnaireTemplates: ConsoleResource = {
  name: 'questionnaire-templates',
  graphqlType: 'QuestionnaireTemplate',
  icon: QuizIcon,
  recordRepresentation: 'title',
  list: TemplateList,
  show: TemplateShow,
  access: { curator: ['list', 'show'], 'platform-admin': ['list', 'show'] },
  messages: {
    name: 'Анкета |||| Анкеты',
    fields: {
      title: 'Наименование',
      description: 'Описание',
      respondentRole: 'Кто заполняет',
      phase: 'Этап',
      instrument: 'Инструмент',
      isDefault: 'По умолчанию',
      isActive: 'Используется',
      version: 'Версия',
      questions: 'Вопросы',
      formCodes: 'Формы наставничества',
      isCurrent: 'Действующая версия',
      code: 'Код анкеты',
      createdAt: 'Создана',
      updatedAt: 'Изменена',
      q: 'Поиск',
    },
  },
};
