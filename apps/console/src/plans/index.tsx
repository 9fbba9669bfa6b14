import AssignmentIcon from '@mui/icons-material/Assignment';
import { Alert } from '@mui/material';
import {
  AutocompleteInput,
  Create,
  CreateButton,
  DataTable,
  Edit,
  EditButton,
  ReferenceField,
  ReferenceInput,
  ReferenceManyField,
  type RedirectionSideEffect,
  required,
  SelectInput,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextField,
  TextInput,
  TopToolbar,
  useGetList,
  useRecordContext,
} from 'react-admin';
import { List } from '../common/List';
import { choicesOf } from '../common/choices';
import { createLinkTo } from '../common/createLink';
import { EnumField } from '../common/EnumField';
import { EditLoadError, quietLoadError, ShowLoadError } from '../common/LoadError';
import { RuDateInput } from '../common/RuDateInput';
import type { ConsoleResource } from '../registry';
import { RuDateField } from '../common/RuDateField';

/*
 * Personalised programmes (персонализированные программы наставничества) of a pair or group and
 * the tasks of their individual plans: what the mentor and mentee agreed to do, by when, and what
 * came of it.
 */

/** A pair as people know it: by its mentor (a pair has no title of its own). */
const PairByMentor = () => (
  <ReferenceField source="mentorId" reference="participants" link={false}>
    <TextField source="fullName" />
  </ReferenceField>
);

/** «Добавить план» on a pair that has none (a pair has one personalised programme; it is then edited). */
export const AddPlanButton = () => {
  const pair = useRecordContext<{ id: string }>();
  const { total, isPending } = useGetList('plans', { filter: { pairId: pair?.id }, pagination: { page: 1, perPage: 1 } }, { enabled: !!pair });
  if (!pair || isPending || (total ?? 0) > 0) return null;
  return <CreateButton resource="plans" label="Добавить план" to={createLinkTo('plans', { pairId: pair.id })} />;
};

/** The plans of the pair being shown. */
export const PairPlans = () => (
  <ReferenceManyField reference="plans" target="pairId" perPage={50} label="Персонализированные программы">
    <DataTable rowClick="show" bulkActionButtons={false} empty={<span>— планов пока нет</span>}>
      <DataTable.Col source="title" label="resources.plans.fields.title" />
      <DataTable.Col source="startDate" label="resources.plans.fields.startDate">
        <RuDateField source="startDate" emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="endDate" label="resources.plans.fields.endDate">
        <RuDateField source="endDate" emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="status" label="resources.plans.fields.status">
        <EnumField source="status" enumName="PlanStatus" chip />
      </DataTable.Col>
    </DataTable>
  </ReferenceManyField>
);

const AddTask = () => {
  const plan = useRecordContext<{ id: string }>();
  if (!plan) return null;
  return <CreateButton resource="plan-tasks" label="Добавить мероприятие" to={createLinkTo('plan-tasks', { personalisedProgrammeId: plan.id })} />;
};

/** The API's warning when a plan is shorter than 3 or longer than 12 months. */
const DurationWarning = () => {
  const plan = useRecordContext<{ durationWarning?: string | null }>();
  return plan?.durationWarning ? <Alert severity="warning">{plan.durationWarning}</Alert> : null;
};

const PlanList = () => (
  <List perPage={25} filters={[<SelectInput key="status" source="status" choices={choicesOf('PlanStatus')} alwaysOn />]}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="title" disableSort />
      <DataTable.Col source="pairId" disableSort>
        <ReferenceField source="pairId" reference="pairs" link={false}>
          <PairByMentor />
        </ReferenceField>
      </DataTable.Col>
      <DataTable.Col source="endDate">
        <RuDateField source="endDate" emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="status">
        <EnumField source="status" enumName="PlanStatus" chip />
      </DataTable.Col>
    </DataTable>
  </List>
);

const PlanShow = () => (
  <Show actions={<TopToolbar><AddTask /><EditButton /></TopToolbar>} error={<ShowLoadError />} queryOptions={quietLoadError}>
    <SimpleShowLayout>
      <DurationWarning />
      <TextField source="title" />
      <ReferenceField source="pairId" reference="pairs" link="show">
        <PairByMentor />
      </ReferenceField>
      <EnumField source="status" enumName="PlanStatus" label="resources.plans.fields.status" />
      <RuDateField source="startDate" emptyText="—" />
      <RuDateField source="endDate" emptyText="—" />
      <TextField source="goal" emptyText="—" />
      <TextField source="difficulties" emptyText="—" />
      <TextField source="strengths" emptyText="—" />
      <TextField source="expectedResults" emptyText="—" />
      <ReferenceManyField reference="plan-tasks" target="personalisedProgrammeId" perPage={200} sort={{ field: 'position', order: 'ASC' }} label="Индивидуальный план">
        <DataTable rowClick="edit" bulkActionButtons={false} empty={<span>— мероприятий пока нет</span>}>
          <DataTable.Col source="title" label="resources.plan-tasks.fields.title" />
          <DataTable.Col source="deadline" label="resources.plan-tasks.fields.deadline">
            <RuDateField source="deadline" emptyText="—" />
          </DataTable.Col>
          <DataTable.Col source="responsible" label="resources.plan-tasks.fields.responsible" />
          <DataTable.Col source="status" label="resources.plan-tasks.fields.status">
            <EnumField source="status" enumName="PlanTaskStatus" chip />
          </DataTable.Col>
          <DataTable.Col source="result" label="resources.plan-tasks.fields.result" />
        </DataTable>
      </ReferenceManyField>
    </SimpleShowLayout>
  </Show>
);

const PlanInputs = ({ creating }: { creating?: boolean }) => (
  <>
    {creating && (
      <ReferenceInput source="pairId" reference="pairs" filter={{ status: 'ACTIVE' }} sort={{ field: 'createdAt', order: 'DESC' }}>
        <AutocompleteInput optionText="title" filterToQuery={(q: string) => ({ q })} validate={required()} sx={{ minWidth: 420 }} helperText="Начните вводить фамилию наставника или наставляемого" />
      </ReferenceInput>
    )}
    <TextInput source="title" validate={required()} fullWidth />
    {!creating && <SelectInput source="status" choices={choicesOf('PlanStatus')} validate={required()} />}
    <RuDateInput source="startDate" />
    <RuDateInput source="endDate" />
    <TextInput source="goal" fullWidth multiline />
    <TextInput source="difficulties" fullWidth multiline />
    <TextInput source="strengths" fullWidth multiline />
    <TextInput source="expectedResults" fullWidth multiline />
  </>
);

/** Персонализированные программы наставничества (планы пар и групп). */
export const plans: ConsoleResource = {
  name: 'plans',
  graphqlType: 'PersonalisedProgramme',
  icon: AssignmentIcon,
  recordRepresentation: 'title',
  list: PlanList,
  show: PlanShow,
  edit: () => (
    <Edit redirect="show" mutationMode="pessimistic" error={<EditLoadError />} queryOptions={quietLoadError}>
      <SimpleForm>
        <PlanInputs />
      </SimpleForm>
    </Edit>
  ),
  create: () => (
    <Create redirect="show" title="Новая персонализированная программа">
      <SimpleForm>
        <PlanInputs creating />
      </SimpleForm>
    </Create>
  ),
  access: { curator: ['list', 'show', 'create', 'edit', 'delete'] },
  messages: {
    name: 'Персонализированная программа |||| Персонализированные программы',
    fields: {
      pairId: 'Пара или группа (наставник)',
      title: 'Наименование',
      status: 'Состояние',
      startDate: 'Начало',
      endDate: 'Окончание',
      goal: 'Цель',
      difficulties: 'Выявленные затруднения наставляемого',
      strengths: 'Сильные стороны наставляемого',
      expectedResults: 'Ожидаемые результаты',
      durationMonths: 'Продолжительность, мес.',
      durationWarning: 'Предупреждение о сроке',
      formatIds: 'Виды наставничества',
      createdAt: 'Создана',
      updatedAt: 'Изменена',
    },
  },
};

const TaskInputs = ({ creating }: { creating?: boolean }) => (
  <>
    {creating && (
      <ReferenceInput source="personalisedProgrammeId" reference="plans">
        <AutocompleteInput optionText="title" filterToQuery={(q: string) => ({ q })} validate={required()} sx={{ minWidth: 420 }} />
      </ReferenceInput>
    )}
    <TextInput source="title" validate={required()} fullWidth />
    <TextInput source="description" fullWidth multiline />
    <RuDateInput source="deadline" />
    <TextInput source="responsible" fullWidth />
    <SelectInput source="status" choices={choicesOf('PlanTaskStatus')} />
    <RuDateInput source="completedOn" />
    <TextInput source="result" fullWidth multiline />
  </>
);

/** Where a task's form goes back to: its plan. */
const toPlan: RedirectionSideEffect = (_resource, _id, data) =>
  data?.personalisedProgrammeId ? `plans/${String(data.personalisedProgrammeId)}/show` : 'plans';

/** Мероприятия индивидуальных планов. */
export const planTasks: ConsoleResource = {
  name: 'plan-tasks',
  graphqlType: 'PlanTask',
  icon: AssignmentIcon,
  recordRepresentation: 'title',
  edit: () => (
    <Edit redirect={toPlan} mutationMode="pessimistic" error={<EditLoadError />} queryOptions={quietLoadError}>
      <SimpleForm>
        <TaskInputs />
      </SimpleForm>
    </Edit>
  ),
  create: () => (
    <Create redirect={toPlan} title="Новое мероприятие плана">
      <SimpleForm>
        <TaskInputs creating />
      </SimpleForm>
    </Create>
  ),
  access: { curator: ['create', 'edit', 'delete'] },
  messages: {
    name: 'Мероприятие плана |||| Мероприятия планов',
    fields: {
      personalisedProgrammeId: 'Персонализированная программа',
      title: 'Мероприятие',
      description: 'Описание',
      deadline: 'Срок',
      responsible: 'Ответственный',
      status: 'Выполнение',
      completedOn: 'Дата выполнения',
      result: 'Результат',
    },
  },
};
