import { Chip } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { type EnumName, labelOf } from './choices';

type Props = { source: string; enumName: EnumName; chip?: boolean; label?: string; sortable?: boolean };

/** An enum value (or a list of them) shown with its Russian label. */
export const EnumField = ({ source, enumName, chip }: Props) => {
  const record = useRecordContext<Record<string, unknown>>();
  const value = record?.[source];
  const values = Array.isArray(value) ? (value as string[]) : value ? [String(value)] : [];
  if (values.length === 0) return <span>—</span>;
  if (!chip) return <span>{values.map((v) => labelOf(enumName, v)).join(', ')}</span>;
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 4 }}>
      {values.map((v) => (
        <Chip key={v} size="small" label={labelOf(enumName, v)} />
      ))}
    </span>
  );
};
