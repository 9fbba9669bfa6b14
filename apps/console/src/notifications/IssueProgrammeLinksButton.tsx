import SendIcon from '@mui/icons-material/ForwardToInbox';
import { Alert, Box, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, TextField, Button as MuiButton } from '@mui/material';
import { useEffect, useState } from 'react';
import { Button, useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import type { ConsoleDataProvider } from '../dataProvider';

type Option = { id: string; title: string };
type Template = Option & { respondentRole: string; isCurrent: boolean; isActive: boolean };
type Result = { total: number; issued: number; alreadyIssued: number; noConsent: number; noAddress: number };

const ISSUE = `mutation IssueProgrammeLinks($input: IssueProgrammeLinksInput!) {
  issueProgrammeQuestionnaireLinks(input: $input) { total issued alreadyIssued noConsent noAddress }
}`;

/**
 * «Выдать ссылки всей программе» (issue 17): the curator picks a programme and a questionnaire;
 * every mentee (or mentor, by the questionnaire) of its active pairs who can be written to gets a
 * one-time link by e-mail — a minor's goes to the legal representative. What was not issued, and
 * why, is counted in the answer; the messages themselves appear on this list as they are sent.
 */
export const IssueProgrammeLinksButton = () => {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const t = (key: string, options?: Record<string, unknown>) => translate(`resources.notifications.issue.${key}`, options);
  const [open, setOpen] = useState(false);
  const [programmes, setProgrammes] = useState<Option[]>([]);
  const [templates, setTemplates] = useState<Template[]>([]);
  const [programmeId, setProgrammeId] = useState('');
  const [templateId, setTemplateId] = useState('');
  const [days, setDays] = useState('14');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  const [loaded, setLoaded] = useState(false);

  // The choices are read once, when the dialog first opens.
  useEffect(() => {
    if (!open || loaded) return;
    setLoaded(true);
    void dataProvider
      .graphql<{ allProgrammes: Option[]; allQuestionnaireTemplates: Template[] }>(
        `query IssueLinksChoices { allProgrammes(perPage: 200, sortField: "title") { id title }
           allQuestionnaireTemplates(perPage: 200, sortField: "title") { id title respondentRole isCurrent isActive } }`,
      )
      .then((r) => {
        setProgrammes(r.allProgrammes);
        setTemplates(r.allQuestionnaireTemplates.filter((q) => q.isCurrent && q.isActive && q.respondentRole !== 'CURATOR'));
      });
  }, [dataProvider, open, loaded]);

  const close = () => {
    setOpen(false);
    setResult(null);
  };
  const issue = async () => {
    setBusy(true);
    try {
      const r = await dataProvider.graphql<{ issueProgrammeQuestionnaireLinks: Result }>(ISSUE, {
        input: { programmeId, templateId, expiresInDays: Number(days) || undefined },
      });
      setResult(r.issueProgrammeQuestionnaireLinks);
      notify(t('done', { smart_count: r.issueProgrammeQuestionnaireLinks.issued }), { type: 'info' });
      refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  const role = (q: Template) => (q.respondentRole === 'MENTOR' ? t('toMentors') : t('toMentees'));

  return (
    <>
      <Button label="resources.notifications.issue.button" onClick={() => setOpen(true)} startIcon={<SendIcon />} />
      <Dialog open={open} onClose={close} fullWidth maxWidth="sm" aria-labelledby="issue-links-title">
        <DialogTitle id="issue-links-title">{t('title')}</DialogTitle>
        <DialogContent>
          <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2, pt: 1 }}>
            <TextField select id="issue-links-programme" label={t('programme')} value={programmeId} onChange={(e) => setProgrammeId(e.target.value)} disabled={busy || !!result}>
              {programmes.map((p) => <MenuItem key={p.id} value={p.id}>{p.title}</MenuItem>)}
            </TextField>
            <TextField select id="issue-links-template" label={t('template')} value={templateId} onChange={(e) => setTemplateId(e.target.value)} disabled={busy || !!result}>
              {templates.map((q) => <MenuItem key={q.id} value={q.id}>{`${q.title} (${role(q)})`}</MenuItem>)}
            </TextField>
            <TextField type="number" id="issue-links-days" label={t('days')} value={days} onChange={(e) => setDays(e.target.value)} slotProps={{ htmlInput: { min: 1, max: 90 } }} disabled={busy || !!result} />
            <Alert severity="info">{t('hint')}</Alert>
            {result && (
              <Alert severity={result.issued > 0 ? 'success' : 'warning'} data-testid="issue-links-result">
                {t('result', { total: result.total, issued: result.issued, alreadyIssued: result.alreadyIssued, noConsent: result.noConsent, noAddress: result.noAddress })}
              </Alert>
            )}
          </Box>
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={close}>{t(result ? 'close' : 'cancel')}</MuiButton>
          {!result && (
            <MuiButton variant="contained" onClick={() => void issue()} disabled={busy || !programmeId || !templateId}>
              {t('submit')}
            </MuiButton>
          )}
        </DialogActions>
      </Dialog>
    </>
  );
};
