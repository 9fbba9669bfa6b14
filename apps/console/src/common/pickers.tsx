import type { ReactNode } from 'react';
import {
  AutocompleteArrayInput,
  AutocompleteInput,
  FormDataConsumer,
  ReferenceArrayInput,
  ReferenceInput,
  required as requiredValidator,
  useGetOne,
} from 'react-admin';

/**
 * Reference inputs of the console's forms: searchable autocompletes by the record's human name
 * (never a raw id), each filtered by its parent where it has one — pairs by the chosen programme,
 * role models by the form, directions by the programme.
 */
const byText = (q: string) => ({ q });
const WIDE = { minWidth: 420 } as const;

type PickerProps = { source?: string; required?: boolean; label?: string; helperText?: string };

const rules = (required?: boolean, message?: string) => (required ? requiredValidator(message) : undefined);

/** A programme of the school, by its title. */
export const ProgrammePicker = ({ source = 'programmeId', required, label, helperText }: PickerProps) => (
  <ReferenceInput source={source} reference="programmes" sort={{ field: 'title', order: 'ASC' }}>
    <AutocompleteInput optionText="title" filterToQuery={byText} validate={rules(required, 'Выберите программу.')} sx={WIDE} label={label} helperText={helperText} />
  </ReferenceInput>
);

/**
 * A pair or group by its people («Петрова А. И. — Сидоров В. П.»), searched by any of their names
 * among the pairs of the programme chosen in the same form (all of its pairs, newest first).
 */
export const PairPicker = ({ source = 'pairId', programmeSource = 'programmeId', required, label }: PickerProps & { programmeSource?: string }) => (
  <FormDataConsumer<Record<string, unknown>>>
    {({ formData }) => {
      const programmeId = formData[programmeSource];
      return (
        <ReferenceInput
          source={source}
          reference="pairs"
          filter={typeof programmeId === 'string' && programmeId !== '' ? { programmeId } : {}}
          sort={{ field: 'createdAt', order: 'DESC' }}
        >
          <AutocompleteInput
            optionText="title"
            filterToQuery={byText}
            validate={rules(required, 'Выберите пару или группу.')}
            sx={WIDE}
            label={label}
            helperText={programmeId ? 'Начните вводить фамилию наставника или наставляемого' : 'Сначала выберите программу — или ищите пару по фамилии во всех программах'}
          />
        </ReferenceInput>
      );
    }}
  </FormDataConsumer>
);

type Programme = { id: string; formId: string; directionIds: string[]; roleModelIds: string[] };

/** The programme chosen in the form, for the inputs whose choices depend on it. */
const WithProgramme = ({ programmeSource, children }: { programmeSource: string; children: (programme: Programme | undefined) => ReactNode }) => (
  <FormDataConsumer<Record<string, unknown>>>
    {({ formData }) => <ProgrammeLoader id={formData[programmeSource]}>{children}</ProgrammeLoader>}
  </FormDataConsumer>
);

const ProgrammeLoader = ({ id, children }: { id: unknown; children: (programme: Programme | undefined) => ReactNode }) => {
  const valid = typeof id === 'string' && id !== '';
  const { data } = useGetOne<Programme>('programmes', { id: valid ? id : '' }, { enabled: valid });
  return <>{children(valid ? data : undefined)}</>;
};

/** A role model of the form (only that form's models; a programme's own choice when it made one). */
export const RoleModelPicker = ({ source = 'roleModelId', formId, onlyIds, label }: PickerProps & { formId?: string; onlyIds?: string[] }) => (
  <ReferenceInput
    source={source}
    reference="role-models"
    filter={{ isActive: true, ...(formId ? { formId } : {}), ...(onlyIds && onlyIds.length > 0 ? { ids: onlyIds } : {}) }}
    sort={{ field: 'sortOrder', order: 'ASC' }}
    perPage={50}
  >
    <AutocompleteInput optionText="title" filterToQuery={byText} sx={WIDE} label={label} helperText={formId ? undefined : 'Сначала выберите форму наставничества'} />
  </ReferenceInput>
);

/** The programme's role models for a pair: of the programme's form and among those it chose. */
export const PairRoleModelPicker = ({ programmeSource = 'programmeId' }: { programmeSource?: string }) => (
  <WithProgramme programmeSource={programmeSource}>
    {(programme) => <RoleModelPicker formId={programme?.formId} onlyIds={programme?.roleModelIds} />}
  </WithProgramme>
);

/** A direction of the programme chosen in the form (all directions until one is chosen). */
export const PairDirectionPicker = ({ programmeSource = 'programmeId' }: { programmeSource?: string }) => (
  <WithProgramme programmeSource={programmeSource}>
    {(programme) => (
      <ReferenceInput
        source="directionId"
        reference="mentoring-directions"
        filter={programme && programme.directionIds.length > 0 ? { ids: programme.directionIds } : {}}
        sort={{ field: 'sortOrder', order: 'ASC' }}
        perPage={50}
      >
        <AutocompleteInput optionText="title" filterToQuery={byText} sx={WIDE} />
      </ReferenceInput>
    )}
  </WithProgramme>
);

/** The form's role models for a programme (a model of another form is refused on save anyway). */
export const ProgrammeRoleModelsPicker = () => (
  <FormDataConsumer<Record<string, unknown>>>
    {({ formData }) => {
      const formId = typeof formData.formId === 'string' && formData.formId !== '' ? formData.formId : undefined;
      return (
        <ReferenceArrayInput
          source="roleModelIds"
          reference="role-models"
          filter={{ isActive: true, ...(formId ? { formId } : { ids: [] }) }}
          sort={{ field: 'sortOrder', order: 'ASC' }}
          perPage={50}
        >
          <AutocompleteArrayInput
            label="resources.programmes.fields.roleModelIds"
            optionText="title"
            filterToQuery={byText}
            fullWidth
            helperText={formId ? 'Ролевые модели выбранной формы наставничества' : 'Сначала выберите форму наставничества'}
          />
        </ReferenceArrayInput>
      );
    }}
  </FormDataConsumer>
);
