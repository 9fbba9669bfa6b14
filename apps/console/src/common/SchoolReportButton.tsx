import DownloadIcon from '@mui/icons-material/Download';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import { Box, Button } from '@mui/material';
import { useEffect, useState } from 'react';
import { useDataProvider, useNotify } from 'react-admin';
import type { ConsoleDataProvider } from '../dataProvider';
import { downloadReport, isFinished, POLL_MS, type Report, REPORT_FIELDS } from '../reports/report';
import { ReportProgress } from '../reports/ReportProgress';
import { useGraphqlAction } from './graphql';

/**
 * «Отчёт школы (PDF)» for the curator: requestSchoolReport(period) queues the school's report
 * (the worker renders it; the same request for the same data gives the same file); its progress
 * is polled from Report(id) and shown; the finished PDF is downloaded with the bearer token.
 */
export const SchoolReportButton = ({ period }: { period: string }) => {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const { run, pending } = useGraphqlAction<{ requestSchoolReport: Report }>();
  const [report, setReport] = useState<Report | null>(null);

  useEffect(() => setReport(null), [period]);
  const reportId = report?.id;
  const finished = isFinished(report);
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
    const result = await run(`mutation SchoolReport($period: String!) { requestSchoolReport(period: $period) { ${REPORT_FIELDS} } }`, { period });
    if (result) setReport(result.requestSchoolReport);
  };
  const download = async () => {
    if (!report) return;
    try {
      await downloadReport(dataProvider, report, `Отчёт школы ${period.replace('/', '-')}.pdf`);
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };

  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }} data-testid="school-report" data-status={report?.status}>
      {report?.status === 'DONE' ? (
        <Button variant="contained" startIcon={<DownloadIcon />} onClick={download}>
          Скачать отчёт школы (PDF)
        </Button>
      ) : (
        <Button variant="outlined" startIcon={<PictureAsPdfIcon />} onClick={request} disabled={pending || (report !== null && !finished)}>
          Отчёт школы (PDF)
        </Button>
      )}
      {report && report.status !== 'DONE' && <ReportProgress report={report} />}
    </Box>
  );
};
