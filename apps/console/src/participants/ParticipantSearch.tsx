import { Autocomplete, TextField } from '@mui/material';
import { useState } from 'react';
import { useGetList } from 'react-admin';
import { type LabelledParticipant, participantLabel } from './label';

type Person = LabelledParticipant & { id: string };

/**
 * A participant picked by name outside a react-admin form (a questionnaire entered by the curator,
 * a one-time link): the school's people with a consent in force, searched as one types — the first
 * 500 by surname at once, anyone else by the server's search on the typed name.
 */
export const ParticipantSearch = ({ value, onChange, minWidth = 320 }: { value: string; onChange: (id: string) => void; minWidth?: number }) => {
  const [typed, setTyped] = useState('');
  const first = useGetList<Person>('participants', { pagination: { page: 1, perPage: 500 }, sort: { field: 'lastName', order: 'ASC' }, filter: { hasValidConsent: true } });
  const searched = useGetList<Person>(
    'participants',
    { pagination: { page: 1, perPage: 50 }, sort: { field: 'lastName', order: 'ASC' }, filter: { hasValidConsent: true, q: typed } },
    { enabled: typed.trim().length >= 2 },
  );
  const byId = new Map<string, Person>();
  for (const person of [...(first.data ?? []), ...(typed.trim().length >= 2 ? (searched.data ?? []) : [])]) byId.set(person.id, person);
  const options = [...byId.values()];
  return (
    <Autocomplete<Person>
      options={options}
      value={byId.get(value) ?? null}
      onChange={(_, person) => onChange(person?.id ?? '')}
      onInputChange={(_, text, reason) => reason === 'input' && setTyped(text)}
      getOptionLabel={participantLabel}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      loading={first.isPending}
      openOnFocus
      noOptionsText="Никого не найдено"
      loadingText="Загрузка…"
      sx={{ minWidth }}
      renderInput={(params) => <TextField {...params} label="Участник" helperText="Начните вводить фамилию" />}
    />
  );
};
