import EmojiEventsIcon from '@mui/icons-material/EmojiEvents';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, TextField as MuiTextField } from '@mui/material';
import { type MouseEvent, useState } from 'react';
import {
  AutocompleteInput,
  Create,
  DataTable,
  Edit,
  ReferenceInput,
  ReferenceManyField,
  required,
  SelectInput,
  SimpleForm,
  SingleFieldList,
  TextInput,
  useGetList,
  useNotify,
  useRecordContext,
  useRefresh,
} from 'react-admin';
import { List } from '../common/List';
import { EditLoadError, quietLoadError } from '../common/LoadError';
import { academicYears, currentAcademicYear, useGraphqlAction } from '../common/graphql';
import { saveFile } from '../participants/importFile';
import type { ConsoleResource } from '../registry';
import { LabelField } from './LabelField';
import { NOMINATION_CHOICES, nominationLabel, resultLabel } from './labels';

const LETTER = `mutation($id: ID!) { mentorLetterOfThanks(id: $id) { fileName contentType content } }`;
const ENTER = `mutation($c: ID!, $n: ID!) { enterMentorCompetition(competitionId: $c, nominationId: $n) { id } }`;

const stop = (event: MouseEvent) => event.stopPropagation();

/** «Благодарственное письмо»: the PDF rendered by the API, saved as a file. */
const LetterButton = () => {
  const record = useRecordContext<{ id: string; mentorName: string }>();
  const { run, pending } = useGraphqlAction<{ mentorLetterOfThanks: { fileName: string; contentType: string; content: string } }>();
  if (!record) return null;
  const download = async (event: MouseEvent) => {
    stop(event);
    const result = await run(LETTER, { id: record.id });
    if (!result) return;
    const bytes = Uint8Array.from(atob(result.mentorLetterOfThanks.content), (c) => c.charCodeAt(0));
    saveFile(new Blob([bytes], { type: 'application/pdf' }), `Благодарственное письмо — ${record.mentorName}.pdf`);
  };
  return (
    <Button size="small" variant="outlined" disabled={pending} onClick={download}>
      Письмо (PDF)
    </Button>
  );
};

/** «На конкурс»: enter the nomination into an open competition of the region (the region then sees the name and the reason). */
const EnterCompetitionButton = () => {
  const record = useRecordContext<{ id: string; nomination: string }>();
  const [open, setOpen] = useState(false);
  const [competition, setCompetition] = useState('');
  const notify = useNotify();
  const refresh = useRefresh();
  const { run, pending } = useGraphqlAction();
  const { data: competitions = [] } = useGetList<{ id: string; title: string; nominations: string[] }>(
    'mentor-competitions',
    { filter: { status: 'OPEN' }, pagination: { page: 1, perPage: 50 }, sort: { field: 'createdAt', order: 'DESC' } },
    { enabled: open },
  );
  if (!record) return null;
  const fitting = competitions.filter((c) => c.nominations.includes(record.nomination));
  const go = async () => {
    if (await run(ENTER, { c: competition, n: record.id })) {
      setOpen(false);
      notify('Заявка подана на конкурс', { type: 'success' });
      refresh();
    }
  };
  return (
    <span onClick={stop}>
      <Button size="small" variant="outlined" onClick={() => setOpen(true)}>
        На конкурс
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>Подать на конкурс региона</DialogTitle>
        <DialogContent sx={{ pt: '8px !important' }}>
          <MuiTextField select fullWidth label="Конкурс" value={competition} onChange={(e) => setCompetition(e.target.value)} helperText={fitting.length ? 'Региональный центр увидит ФИО наставника, номинацию и обоснование.' : 'Открытых конкурсов с этой номинацией нет.'}>
            {fitting.map((c) => (
              <MenuItem key={c.id} value={c.id}>
                {c.title}
              </MenuItem>
            ))}
          </MuiTextField>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>Отмена</Button>
          <Button variant="contained" disabled={pending || !competition} onClick={go}>
            Подать заявку
          </Button>
        </DialogActions>
      </Dialog>
    </span>
  );
};

/** The nomination's entries: the competition's result where there is one. */
const EntriesField = () => (
  <ReferenceManyField reference="competition-entries" target="nominationId" perPage={10}>
    <SingleFieldList linkType={false}>
      <LabelField source="result" labelOf={(v) => `Заявка подана: ${resultLabel(v).toLowerCase()}`} chip />
    </SingleFieldList>
  </ReferenceManyField>
);

const filters = [
  <SelectInput key="nomination" source="nomination" choices={NOMINATION_CHOICES} alwaysOn />,
  <SelectInput key="academicYear" source="academicYear" choices={academicYears().map((y) => ({ id: y, name: y }))} alwaysOn />,
];

const NominationList = () => (
  <List filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} perPage={25}>
    <DataTable rowClick="edit" bulkActionButtons={false}>
      <DataTable.Col source="mentorName" />
      <DataTable.Col source="nomination">
        <LabelField source="nomination" labelOf={nominationLabel} />
      </DataTable.Col>
      <DataTable.Col source="academicYear" />
      <DataTable.Col source="reason" disableSort />
      <DataTable.Col label="Конкурсы" disableSort>
        <EntriesField />
      </DataTable.Col>
      <DataTable.Col label="Действия" disableSort>
        <span style={{ display: 'inline-flex', gap: 8 }}>
          <LetterButton />
          <EnterCompetitionButton />
        </span>
      </DataTable.Col>
    </DataTable>
  </List>
);

const Common = () => (
  <>
    <SelectInput source="nomination" choices={NOMINATION_CHOICES} validate={required('Выберите номинацию.')} sx={{ minWidth: 420 }} />
    <TextInput source="reason" multiline fullWidth minRows={3} validate={required('Напишите, за что выдвинут наставник.')} helperText="За что выдвинут наставник: результаты наставляемых, вклад в программу (от 10 символов)" />
  </>
);

/** Номинации наставников: the school nominates its mentors, prints letters of thanks, enters the region's competition. */
export const mentorNominations: ConsoleResource = {
  name: 'mentor-nominations',
  graphqlType: 'MentorNomination',
  icon: EmojiEventsIcon,
  recordRepresentation: 'mentorName',
  list: NominationList,
  create: () => (
    <Create redirect="list" title="Выдвижение наставника">
      <SimpleForm defaultValues={{ academicYear: currentAcademicYear() }}>
        <ReferenceInput source="mentorId" reference="participants" filter={{ base: 'MENTOR', hasValidConsent: true }}>
          <AutocompleteInput optionText="fullName" filterToQuery={(q: string) => ({ q })} validate={required('Выберите наставника.')} sx={{ minWidth: 420 }} />
        </ReferenceInput>
        <SelectInput source="academicYear" choices={academicYears().map((y) => ({ id: y, name: y }))} validate={required()} />
        <Common />
      </SimpleForm>
    </Create>
  ),
  edit: () => (
    <Edit redirect="list" mutationMode="pessimistic" error={<EditLoadError />} queryOptions={quietLoadError} title="Выдвижение наставника">
      <SimpleForm>
        <TextInput source="mentorName" disabled />
        <TextInput source="academicYear" disabled />
        <Common />
      </SimpleForm>
    </Edit>
  ),
  access: { curator: ['list', 'create', 'edit', 'delete'] },
  messages: {
    name: 'Номинация наставника |||| Номинации наставников',
    fields: {
      mentorId: 'Наставник',
      mentorName: 'Наставник',
      nomination: 'Номинация',
      academicYear: 'Учебный год',
      reason: 'Обоснование',
      createdAt: 'Создано',
      updatedAt: 'Изменено',
    },
  },
};
