import DownloadIcon from '@mui/icons-material/Download';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import { Box, Button } from '@mui/material';
import { useEffect, useState } from 'react';
import { useDataProvider, useNotify } from 'react-admin';
import { useGraphqlAction } from '../common/graphql';
import type { ConsoleDataProvider } from '../dataProvider';
import { downloadReport, isFinished, POLL_MS, type Report, REPORT_FIELDS } from '../reports/report';
import { ReportProgress } from '../reports/ReportProgress';

/**
 * «Сформировать отчёт»: requestRegionReport(period, codes: [the chosen indicator]) queues the
 * regional comparison PDF on the indicator the dashboard shows; its
 * progress is polled from Report(id) and shown as a bar; the finished file is downloaded with
 * the bearer token.
 */
export const RegionReportButton = ({ period, code }: { period: string; code: string }) => {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const { run, pending } = useGraphqlAction<{ requestRegionReport: Report }>();
  const [report, setReport] = useState<Report | null>(null);

  useEffect(() => setReport(null), [period, code]);
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
    const result = await run(`mutation RegionReport($period: String!, $codes: [String!]) { requestRegionReport(period: $period, codes: $codes) { ${REPORT_FIELDS} } }`, { period, codes: [code] });
    if (result) setReport(result.requestRegionReport);
  };
  const download = async () => {
    if (!report) return;
    try {
      await downloadReport(dataProvider, report, `report-${report.id}.pdf`);
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };

  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, minWidth: 260 }} data-testid="region-report" data-status={report?.status}>
      {report?.status === 'DONE' ? (
        <Button variant="contained" startIcon={<DownloadIcon />} onClick={download}>
          Скачать отчёт (PDF)
        </Button>
      ) : (
        <Button variant="outlined" startIcon={<PictureAsPdfIcon />} onClick={request} disabled={pending || (report !== null && !finished)}>
          Сформировать отчёт
        </Button>
      )}
      {report && report.status !== 'DONE' && <ReportProgress report={report} />}
    </Box>
  );
};
