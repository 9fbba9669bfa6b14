import { NumberInput, ReferenceArrayInput, ReferenceInput, required, SelectArrayInput, SelectInput, TextArrayInput, TextInput } from 'react-admin';
import { currentAcademicYear } from '../common/graphql';
import { RuDateInput } from '../common/RuDateInput';
import { ProgrammeRoleModelsPicker } from '../common/pickers';

export const ProgrammeInputs = () => (
  <>
    <TextInput source="title" validate={required()} fullWidth />
    <TextInput source="academicYear" validate={required()} defaultValue={currentAcademicYear()} helperText="Например, 2025/2026" />
    <ReferenceInput source="formId" reference="mentoring-forms" sort={{ field: 'sortOrder', order: 'ASC' }}>
      <SelectInput optionText="title" label="resources.programmes.fields.formId" validate={required()} sx={{ minWidth: 320 }} />
    </ReferenceInput>
    <ReferenceArrayInput source="formatIds" reference="mentoring-formats" sort={{ field: 'sortOrder', order: 'ASC' }}>
      <SelectArrayInput optionText="title" label="resources.programmes.fields.formatIds" sx={{ minWidth: 320 }} />
    </ReferenceArrayInput>
    <ReferenceArrayInput source="directionIds" reference="mentoring-directions" sort={{ field: 'sortOrder', order: 'ASC' }} perPage={50}>
      <SelectArrayInput optionText="title" label="resources.programmes.fields.directionIds" fullWidth />
    </ReferenceArrayInput>
    <ProgrammeRoleModelsPicker />
    <RuDateInput source="startDate" />
    <RuDateInput source="endDate" />
    <NumberInput source="mentorCapacity" min={1} max={30} />
    <TextInput source="goal" multiline fullWidth />
    <TextArrayInput source="tasks" />
    <TextArrayInput source="expectedResults" />
  </>
);
