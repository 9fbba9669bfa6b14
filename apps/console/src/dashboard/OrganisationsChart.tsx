import { useTheme } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { GroupCount } from './grouping';

/** Horizontal bars: long Russian municipality names stay readable on the category axis. */
export const OrganisationsChart = ({ rows }: { rows: GroupCount[] }) => {
  const theme = useTheme();
  const translate = useTranslate();
  const label = translate('nastavnik.dashboard.chartCount');
  return (
    <ResponsiveContainer width="100%" height={Math.max(140, rows.length * 40 + 40)}>
      <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 40, bottom: 4, left: 8 }} accessibilityLayer>
        <CartesianGrid horizontal={false} strokeDasharray="3 3" />
        <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} />
        <YAxis type="category" dataKey="name" width={240} tick={{ fontSize: 13 }} interval={0} />
        <Tooltip formatter={(value) => [value, label]} separator=": " cursor={{ fill: theme.palette.action.hover }} />
        <Bar dataKey="count" name={label} fill={theme.palette.primary.main} radius={[0, 4, 4, 0]} maxBarSize={26} isAnimationActive={false}>
          <LabelList dataKey="count" position="right" style={{ fontSize: 12, fill: theme.palette.text.primary }} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
};
