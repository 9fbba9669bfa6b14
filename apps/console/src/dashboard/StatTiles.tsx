import { Box, Card, CardContent, Typography } from '@mui/material';

export type Stat = { label: string; value: number | string };

export const StatTiles = ({ stats }: { stats: Stat[] }) => (
  <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))', gap: 2 }}>
    {stats.map((stat) => (
      <Card key={stat.label} variant="outlined">
        <CardContent>
          <Typography variant="body2" color="text.secondary">
            {stat.label}
          </Typography>
          <Typography variant="h4" component="p" data-stat={stat.label}>
            {stat.value}
          </Typography>
        </CardContent>
      </Card>
    ))}
  </Box>
);
