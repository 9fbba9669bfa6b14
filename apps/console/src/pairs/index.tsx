import GroupsIcon from '@mui/icons-material/Groups';
import { MenuItem, TextField as MuiTextField } from '@mui/material';
import { useState } from 'react';
import {
  ChipField,
  Create,
  DataTable,
  ReferenceArrayField,
  ReferenceArrayInput,
  ReferenceField,
  ReferenceInput,
  required,
  AutocompleteArrayInput,
  AutocompleteInput,
  SearchInput,
  SelectInput,
  Show,
  SimpleForm,
  SimpleShowLayout,
  SingleFieldList,
  TextField,
  TopToolbar,
  useRecordContext,
} from 'react-admin';
import { List } from '../common/List';
import { PairDirectionPicker, PairRoleModelPicker, ProgrammePicker } from '../common/pickers';
import { choicesOf } from '../common/choices';
import { EnumField } from '../common/EnumField';
import { quietLoadError, ShowLoadError } from '../common/LoadError';
import { StatusButton } from '../common/StatusButton';
import { AddPlanButton, PairPlans } from '../plans';
import type { ConsoleResource } from '../registry';
import { RuDateField } from '../common/RuDateField';

type Pair = { id: string; status: 'DRAFT' | 'ACTIVE' | 'COMPLETED' | 'ENDED_EARLY' };

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Фамилия наставника или наставляемого" sx={{ minWidth: 320 }} />,
  <SelectInput key="status" source="status" choices={choicesOf('PairStatus')} alwaysOn />,
  <ReferenceInput key="programmeId" source="programmeId" reference="programmes" alwaysOn>
    <AutocompleteInput optionText="title" filterToQuery={(q: string) => ({ q })} sx={{ minWidth: 280 }} />
  </ReferenceInput>,
];

/** Newest first: a pair just created (by hand or from a suggestion) is at the top of its list. */
const PairList = () => (
  <List filters={filters} perPage={25} sort={{ field: 'createdAt', order: 'DESC' }}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="mentorId" disableSort>
        <ReferenceField source="mentorId" reference="participants" link={false} />
      </DataTable.Col>
      <DataTable.Col source="menteeIds" disableSort>
        <ReferenceArrayField source="menteeIds" reference="participants">
          <SingleFieldList linkType={false}>
            <ChipField source="fullName" size="small" />
          </SingleFieldList>
        </ReferenceArrayField>
      </DataTable.Col>
      <DataTable.Col source="programmeId" disableSort>
        <ReferenceField source="programmeId" reference="programmes" link={false} />
      </DataTable.Col>
      <DataTable.Col source="kind" disableSort>
        <EnumField source="kind" enumName="PairKind" />
      </DataTable.Col>
      <DataTable.Col source="status">
        <EnumField source="status" enumName="PairStatus" chip />
      </DataTable.Col>
    </DataTable>
  </List>
);

const CHANGE = 'mutation ChangePair($id: ID!, $input: ChangePairStatusInput!) { changeMentoringPairStatus(id: $id, input: $input) { id status } }';

/** Черновик → действует → завершена | прекращена досрочно (with the reason). */
const Lifecycle = () => {
  const pair = useRecordContext<Pair>();
  const [result, setResult] = useState('');
  const [reason, setReason] = useState('');
  const [comment, setComment] = useState('');
  if (!pair) return null;
  return (
    <>
      {pair.status === 'DRAFT' && (
        <StatusButton label="Закрепить (действует)" color="success" mutation={CHANGE} variables={() => ({ id: pair.id, input: { status: 'ACTIVE' } })} />
      )}
      {pair.status === 'ACTIVE' && (
        <StatusButton
          label="Завершить"
          mutation={CHANGE}
          variables={() => ({ id: pair.id, input: { status: 'COMPLETED', result: result || null } })}
          dialog={{
            title: 'Завершение работы пары',
            canSubmit: true,
            content: <MuiTextField label="Итоги работы" multiline minRows={3} value={result} onChange={(e) => setResult(e.target.value)} />,
          }}
        />
      )}
      {pair.status === 'ACTIVE' && (
        <StatusButton
          label="Прекратить досрочно"
          color="warning"
          mutation={CHANGE}
          variables={() => ({ id: pair.id, input: { status: 'ENDED_EARLY', endReason: reason, comment: comment || null } })}
          dialog={{
            title: 'Досрочное прекращение',
            canSubmit: reason !== '',
            content: (
              <>
                <MuiTextField select label="Причина" value={reason} onChange={(e) => setReason(e.target.value)}>
                  {choicesOf('PairEndReason').map((choice) => (
                    <MenuItem key={choice.id} value={choice.id}>
                      {choice.name}
                    </MenuItem>
                  ))}
                </MuiTextField>
                <MuiTextField label="Комментарий" multiline value={comment} onChange={(e) => setComment(e.target.value)} />
              </>
            ),
          }}
        />
      )}
    </>
  );
};

const PairShow = () => (
  <Show
    actions={
      <TopToolbar>
        <AddPlanButton />
        <Lifecycle />
      </TopToolbar>
    }
    error={<ShowLoadError />}
    queryOptions={quietLoadError}
  >
    <SimpleShowLayout>
      <ReferenceField source="programmeId" reference="programmes" link="show" />
      <EnumField source="kind" enumName="PairKind" label="resources.pairs.fields.kind" />
      <EnumField source="status" enumName="PairStatus" label="resources.pairs.fields.status" />
      <ReferenceField source="mentorId" reference="participants" link="show" />
      <ReferenceArrayField source="menteeIds" reference="participants">
        <SingleFieldList>
          <ChipField source="fullName" size="small" />
        </SingleFieldList>
      </ReferenceArrayField>
      <ReferenceField source="roleModelId" reference="role-models" link={false} emptyText="—" />
      <ReferenceField source="directionId" reference="mentoring-directions" link={false} emptyText="—" />
      <EnumField source="formationMethod" enumName="FormationMethod" label="resources.pairs.fields.formationMethod" />
      <RuDateField source="startDate" emptyText="—" />
      <RuDateField source="endDate" emptyText="—" />
      <EnumField source="endReason" enumName="PairEndReason" label="resources.pairs.fields.endReason" />
      <TextField source="endComment" emptyText="—" />
      <TextField source="result" emptyText="—" />
      <PairPlans />
    </SimpleShowLayout>
  </Show>
);

const PairCreate = () => (
  <Create redirect="show" title="Новая пара или группа">
    <SimpleForm>
      <ProgrammePicker required />
      <ReferenceInput source="mentorId" reference="participants" filter={{ base: 'MENTOR', hasValidConsent: true }}>
        <AutocompleteInput optionText="fullName" filterToQuery={(q: string) => ({ q })} validate={required()} sx={{ minWidth: 420 }} />
      </ReferenceInput>
      <ReferenceArrayInput source="menteeIds" reference="participants" filter={{ base: 'MENTEE', hasValidConsent: true }}>
        <AutocompleteArrayInput optionText="fullName" filterToQuery={(q: string) => ({ q })} validate={required()} sx={{ minWidth: 420 }} />
      </ReferenceArrayInput>
      <PairRoleModelPicker />
      <PairDirectionPicker />
      <SelectInput source="formationMethod" choices={choicesOf('FormationMethod')} sx={{ minWidth: 420 }} />
    </SimpleForm>
  </Create>
);

/** Наставнические пары и группы. */
export const pairs: ConsoleResource = {
  name: 'pairs',
  graphqlType: 'MentoringPair',
  icon: GroupsIcon,
  recordRepresentation: 'title',
  list: PairList,
  show: PairShow,
  create: PairCreate,
  access: { curator: ['list', 'show', 'create', 'delete'], 'platform-admin': ['list', 'show'] },
  messages: {
    name: 'Пара или группа |||| Пары и группы',
    fields: {
      programmeId: 'Программа',
      mentorId: 'Наставник',
      menteeIds: 'Наставляемые',
      kind: 'Вид',
      status: 'Статус',
      directionId: 'Направление',
      roleModelId: 'Ролевая модель',
      title: 'Пара или группа',
      createdAt: 'Создана',
      q: 'Поиск',
      formationMethod: 'Как сформирована',
      startDate: 'Начало работы',
      endDate: 'Окончание',
      endReason: 'Причина прекращения',
      endComment: 'Комментарий',
      result: 'Итоги работы',
    },
  },
};
