import { Alert, Box, Chip, LinearProgress, Typography } from '@mui/material';
import { labelOf } from '../common/choices';
import type { Report } from './report';

const COLOURS = { QUEUED: 'default', RUNNING: 'info', DONE: 'success', FAILED: 'error' } as const;

/** The state of a report: a chip when it is settled, a progress bar with the percentage while it is made. */
export const ReportProgress = ({ report }: { report: Pick<Report, 'status' | 'progress' | 'error'> }) => {
  if (report.status === 'FAILED') {
    return (
      <Alert severity="error" sx={{ py: 0 }}>
        {report.error ?? labelOf('ReportStatus', 'FAILED')}
      </Alert>
    );
  }
  if (report.status === 'DONE') return <Chip size="small" color={COLOURS.DONE} label={labelOf('ReportStatus', 'DONE')} />;
  return (
    <Box sx={{ minWidth: 160 }} data-testid="report-progress">
      <Typography variant="caption" color="text.secondary">
        {labelOf('ReportStatus', report.status)}: {report.progress} %
      </Typography>
      <LinearProgress variant="determinate" value={report.progress} aria-label={`${labelOf('ReportStatus', report.status)}: ${report.progress} %`} />
    </Box>
  );
};
