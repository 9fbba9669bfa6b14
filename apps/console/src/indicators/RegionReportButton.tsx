import DownloadIcon from '@mui/icons-material/Download';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import { Alert, Box, Button, LinearProgress, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useDataProvider, useNotify } from 'react-admin';
import { labelOf } from '../common/choices';
import { useGraphqlAction } from '../common/graphql';
import type { ConsoleDataProvider } from '../dataProvider';

type Report = { id: string; status: 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED'; progress: number; error: string | null; fileName: string | null; downloadUrl: string | null };
const REPORT_FIELDS = 'id status progress error fileName downloadUrl';
const POLL_MS = 1500;

/**
 * «Сформировать отчёт»: requestRegionReport(period) queues the regional comparison PDF; its
 * progress is polled from Report(id); the finished file is fetched from `/reports/<id>/file`
 * with the bearer token (a plain link would carry no token) and saved.
 */
export const RegionReportButton = ({ period }: { period: string; code: string }) => {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const { run, pending } = useGraphqlAction<{ requestRegionReport: Report }>();
  const [report, setReport] = useState<Report | null>(null);

  useEffect(() => setReport(null), [period]);
  const reportId = report?.id;
  const finished = report?.status === 'DONE' || report?.status === 'FAILED';
  useEffect(() => {
    if (!reportId || finished) return;
    const timer = setInterval(() => {
      dataProvider
        .graphql<{ Report: Report }>(`query Report($id: ID!) { Report(id: $id) { ${REPORT_FIELDS} } }`, { id: reportId })
        .then((result) => setReport(result.Report))
        .catch(() => undefined); // the next poll retries
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [dataProvider, reportId, finished]);

  const request = async () => {
    const result = await run(`mutation RegionReport($period: String!) { requestRegionReport(period: $period) { ${REPORT_FIELDS} } }`, { period });
    if (result) setReport(result.requestRegionReport);
  };
  const download = async () => {
    if (!report) return;
    try {
      const blob = await dataProvider.fetchFile(report.downloadUrl ?? `/reports/${report.id}/file`);
      const url = URL.createObjectURL(blob);
      const anchor = document.createElement('a');
      anchor.href = url;
      anchor.download = report.fileName ?? `report-${report.id}.pdf`;
      anchor.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };

  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, minWidth: 260 }} data-testid="region-report">
      {report?.status === 'DONE' ? (
        <Button variant="contained" startIcon={<DownloadIcon />} onClick={download}>
          Скачать отчёт (PDF)
        </Button>
      ) : (
        <Button variant="outlined" startIcon={<PictureAsPdfIcon />} onClick={request} disabled={pending || (report !== null && !finished)}>
          Сформировать отчёт
        </Button>
      )}
      {report && !finished && (
        <Box sx={{ flex: 1 }}>
          <Typography variant="caption" color="text.secondary">
            {labelOf('ReportStatus', report.status)}: {report.progress} %
          </Typography>
          <LinearProgress variant="determinate" value={report.progress} />
        </Box>
      )}
      {report?.status === 'FAILED' && <Alert severity="error">{report.error ?? labelOf('ReportStatus', 'FAILED')}</Alert>}
    </Box>
  );
};
