import { Chip } from '@mui/material';
import { useRecordContext } from 'react-admin';

type Props = { source: string; label?: string; labelOf: (value: unknown) => string; chip?: boolean; sortable?: boolean };

/** An enum value of the completion stage (or a list of them) with its Russian label. */
export const LabelField = ({ source, labelOf, chip }: Props) => {
  const record = useRecordContext<Record<string, unknown>>();
  const value = record?.[source];
  const values = Array.isArray(value) ? value : [value];
  if (!chip) return <span>{values.map(labelOf).join(', ')}</span>;
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 4 }}>
      {values.map((v) => (
        <Chip key={String(v)} size="small" label={labelOf(v)} />
      ))}
    </span>
  );
};
