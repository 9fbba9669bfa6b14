import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { Alert, Box, Button, IconButton, MenuItem, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Title, useGetList } from 'react-admin';
import { useGraphqlAction } from '../common/graphql';
import { ParticipantSearch } from '../participants/ParticipantSearch';

/** The address a person opens: the console serves `/q/<token>` without sign-in. */
export function respondentUrl(path: string, origin = window.location.origin): string {
  return `${origin}${path}`;
}

/** A personal one-time link: participant + questionnaire → the URL to hand out (shown once; only its hash is stored). */
export const LinkCreate = () => {
  const [participantId, setParticipantId] = useState('');
  const [templateId, setTemplateId] = useState('');
  const [url, setUrl] = useState<string | null>(null);
  const { run, pending } = useGraphqlAction<{ createQuestionnaireLink: { id: string; path: string | null; expiresAt: string } }>();
  const templates = useGetList<{ id: string; title: string }>('questionnaire-templates', { pagination: { page: 1, perPage: 200 }, sort: { field: 'title', order: 'ASC' }, filter: { isActive: true } });
  const create = async () => {
    const result = await run('mutation Link($input: CreateQuestionnaireLinkInput!) { createQuestionnaireLink(input: $input) { id path expiresAt } }', { input: { participantId, templateId } });
    if (result?.createQuestionnaireLink.path) setUrl(respondentUrl(result.createQuestionnaireLink.path));
  };
  return (
    <Box sx={{ p: { xs: 1, md: 2 }, display: 'flex', flexDirection: 'column', gap: 2, maxWidth: 900 }}>
      <Title title="Ссылка на анкету" />
      <Typography variant="h5" component="h1">
        Персональная ссылка на анкету
      </Typography>
      <Typography variant="body2" color="text.secondary">
        Участник откроет ссылку без входа в систему и заполнит анкету один раз. Адрес показывается только сейчас — скопируйте его.
      </Typography>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        <ParticipantSearch value={participantId} onChange={(id) => (setParticipantId(id), setUrl(null))} />
        <TextField select fullWidth={false} label="Анкета" value={templateId} onChange={(e) => (setTemplateId(e.target.value), setUrl(null))} sx={{ minWidth: 420 }}>
          {(templates.data ?? []).map((t) => (
            <MenuItem key={t.id} value={t.id}>
              {t.title}
            </MenuItem>
          ))}
        </TextField>
      </Box>
      <Box>
        <Button variant="contained" onClick={create} disabled={pending || !participantId || !templateId}>
          Выдать ссылку
        </Button>
      </Box>
      {url && (
        <Alert
          severity="success"
          data-testid="link-url"
          action={
            <IconButton aria-label="Копировать" onClick={() => void navigator.clipboard?.writeText(url)}>
              <ContentCopyIcon />
            </IconButton>
          }
        >
          <code>{url}</code>
        </Alert>
      )}
    </Box>
  );
};
