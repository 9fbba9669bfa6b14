import LibraryBooksIcon from '@mui/icons-material/LibraryBooks';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import { TextField as MuiTextField } from '@mui/material';
import { useState } from 'react';
import {
  AutocompleteInput,
  BooleanInput,
  Create,
  DataTable,
  Edit,
  EditButton,
  FormDataConsumer,
  ReferenceField,
  ReferenceInput,
  required,
  SelectInput,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextField,
  TextInput,
  TopToolbar,
  useRecordContext,
} from 'react-admin';
import { List } from '../common/List';
import { EditLoadError, quietLoadError } from '../common/LoadError';
import { RoleModelPicker } from '../common/pickers';
import { RuDateField } from '../common/RuDateField';
import { StatusButton } from '../common/StatusButton';
import { academicYears, currentAcademicYear } from '../common/graphql';
import type { ConsoleResource } from '../registry';
import { LabelField } from './LabelField';
import { CASE_STATUS_CHOICES, caseStatusLabel } from './labels';

type Case = { id: string; status: string };

const FIELDS = {
  title: 'Название кейса',
  schoolName: 'Организация',
  academicYear: 'Учебный год',
  formId: 'Форма наставничества',
  roleModelId: 'Ролевая модель',
  whatWasDone: 'Что было сделано',
  results: 'Результаты',
  status: 'Состояние',
  moderatorComment: 'Комментарий регионального центра',
  submittedAt: 'Отправлен на модерацию',
  publishedAt: 'Опубликован',
  own: 'Только кейсы моей школы',
  createdAt: 'Создан',
  updatedAt: 'Изменён',
};

const paragraphs = { whiteSpace: 'pre-wrap', maxWidth: 900 } as const;

/** The case's fields, as direct children of the show layout (which labels each child it gets). */
const caseFields = () => [
  <TextField key="title" source="title" variant="h6" />,
  <TextField key="schoolName" source="schoolName" />,
  <TextField key="academicYear" source="academicYear" />,
  <ReferenceField key="formId" source="formId" reference="mentoring-forms" link={false} />,
  <ReferenceField key="roleModelId" source="roleModelId" reference="role-models" link={false} emptyText="—" />,
  <TextField key="whatWasDone" source="whatWasDone" sx={paragraphs} />,
  <TextField key="results" source="results" sx={paragraphs} />,
  <LabelField key="status" source="status" labelOf={caseStatusLabel} />,
  <TextField key="moderatorComment" source="moderatorComment" emptyText="—" />,
  <RuDateField key="publishedAt" source="publishedAt" emptyText="—" />,
];

/** The school's own actions on its case: edit and send to moderation while it is a draft or returned. */
const CuratorCaseActions = () => {
  const record = useRecordContext<Case>();
  const editable = record && (record.status === 'DRAFT' || record.status === 'RETURNED');
  return (
    <TopToolbar>
      {editable && <EditButton />}
      {editable && <StatusButton label="Отправить на модерацию" mutation="mutation($id: ID!) { submitPracticeCase(id: $id) { id status } }" variables={() => ({ id: record.id })} />}
    </TopToolbar>
  );
};

/** The region's moderation: publish a submitted case, or return it (a published one too) with a comment. */
const ModerationActions = () => {
  const record = useRecordContext<Case>();
  const [comment, setComment] = useState('');
  if (!record) return <TopToolbar />;
  return (
    <TopToolbar>
      {record.status === 'SUBMITTED' && (
        <StatusButton label="Опубликовать" color="success" mutation="mutation($id: ID!) { publishPracticeCase(id: $id) { id status } }" variables={() => ({ id: record.id })} />
      )}
      {(record.status === 'SUBMITTED' || record.status === 'PUBLISHED') && (
        <StatusButton
          label="Вернуть на доработку"
          color="warning"
          mutation="mutation($id: ID!, $comment: String!) { returnPracticeCase(id: $id, comment: $comment) { id status } }"
          variables={() => ({ id: record.id, comment })}
          dialog={{
            title: 'Вернуть кейс школе',
            canSubmit: comment.trim().length >= 3,
            content: <MuiTextField label="Что доработать" multiline minRows={3} value={comment} onChange={(e) => setComment(e.target.value)} fullWidth />,
          }}
        />
      )}
    </TopToolbar>
  );
};

const Columns = () => [
  <DataTable.Col key="title" source="title" />,
  <DataTable.Col key="schoolName" source="schoolName" />,
  <DataTable.Col key="academicYear" source="academicYear" />,
  <DataTable.Col key="formId" source="formId" disableSort>
    <ReferenceField source="formId" reference="mentoring-forms" link={false} />
  </DataTable.Col>,
  <DataTable.Col key="status" source="status">
    <LabelField source="status" labelOf={caseStatusLabel} />
  </DataTable.Col>,
];

const CuratorCaseList = () => (
  <List
    sort={{ field: 'updatedAt', order: 'DESC' }}
    perPage={25}
    filters={[<BooleanInput key="own" source="own" alwaysOn />, <SelectInput key="status" source="status" choices={CASE_STATUS_CHOICES} alwaysOn />, <TextInput key="q" source="q" label="Поиск" alwaysOn />]}
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      {Columns()}
    </DataTable>
  </List>
);

const ModerationList = () => (
  <List sort={{ field: 'submittedAt', order: 'DESC' }} perPage={25} filterDefaultValues={{ status: 'SUBMITTED' }} filters={[<SelectInput key="status" source="status" choices={CASE_STATUS_CHOICES.filter((c) => c.id !== 'DRAFT')} alwaysOn />]}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      {Columns()}
      <DataTable.Col source="submittedAt">
        <RuDateField source="submittedAt" />
      </DataTable.Col>
    </DataTable>
  </List>
);

const Inputs = () => (
  <>
    <TextInput source="title" validate={required('Назовите кейс.')} fullWidth />
    <SelectInput source="academicYear" choices={academicYears().map((y) => ({ id: y, name: y }))} validate={required()} />
    <ReferenceInput source="formId" reference="mentoring-forms" sort={{ field: 'sortOrder', order: 'ASC' }}>
      <AutocompleteInput optionText="title" filterToQuery={(q: string) => ({ q })} validate={required('Выберите форму наставничества.')} sx={{ minWidth: 420 }} />
    </ReferenceInput>
    <FormDataConsumer<{ formId?: string }>>{({ formData }) => <RoleModelPicker formId={formData.formId || undefined} />}</FormDataConsumer>
    <TextInput source="whatWasDone" multiline minRows={4} fullWidth validate={required('Опишите, что было сделано.')} helperText="Без имён обучающихся: кейс читают все школы региона." />
    <TextInput source="results" multiline minRows={3} fullWidth validate={required('Опишите результаты.')} />
  </>
);

/** Банк практик (the curator's): own cases and the region's published ones. */
export const practiceCases: ConsoleResource = {
  name: 'practice-cases',
  graphqlType: 'PracticeCase',
  icon: LibraryBooksIcon,
  recordRepresentation: 'title',
  list: CuratorCaseList,
  show: () => (
    <Show actions={<CuratorCaseActions />} error={<EditLoadError />} queryOptions={quietLoadError}>
      <SimpleShowLayout>{caseFields()}</SimpleShowLayout>
    </Show>
  ),
  create: () => (
    <Create redirect="show" title="Новый кейс">
      <SimpleForm defaultValues={{ academicYear: currentAcademicYear() }}>
        <Inputs />
      </SimpleForm>
    </Create>
  ),
  edit: () => (
    <Edit redirect="show" mutationMode="pessimistic" error={<EditLoadError />} queryOptions={quietLoadError}>
      <SimpleForm>
        <Inputs />
      </SimpleForm>
    </Edit>
  ),
  access: { curator: ['list', 'show', 'create', 'edit', 'delete'] },
  messages: { name: 'Кейс |||| Банк практик', fields: FIELDS },
};

/** Модерация практик (the region analyst's): the cases its schools submitted, to publish or return. */
export const practiceModeration: ConsoleResource = {
  name: 'practice-moderation',
  graphqlType: 'PracticeCase',
  icon: FactCheckIcon,
  recordRepresentation: 'title',
  list: ModerationList,
  show: () => (
    <Show actions={<ModerationActions />} error={<EditLoadError />} queryOptions={quietLoadError}>
      <SimpleShowLayout>{caseFields()}</SimpleShowLayout>
    </Show>
  ),
  access: { 'region-analyst': ['list', 'show'] },
  messages: { name: 'Кейс на модерации |||| Модерация практик', fields: FIELDS },
};
