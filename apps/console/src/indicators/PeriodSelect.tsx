import { MenuItem, TextField } from '@mui/material';
import { academicYears } from '../common/graphql';

export const PeriodSelect = ({ value, onChange }: { value: string; onChange: (period: string) => void }) => (
  <TextField select fullWidth={false} size="small" label="Учебный год" value={value} onChange={(event) => onChange(event.target.value)} sx={{ minWidth: 160 }} data-testid="period-select">
    {academicYears().map((year) => (
      <MenuItem key={year} value={year}>
        {year}
      </MenuItem>
    ))}
  </TextField>
);
