import { Alert, Box, Button, Card, CardContent, CircularProgress, CssBaseline, ThemeProvider, Typography } from '@mui/material';
import { createTheme } from '@mui/material/styles';
import { useEffect, useState } from 'react';
import { type Answers, answersOf, missingRequired, type Question } from '../questionnaires/answers';
import { QuestionForm } from '../questionnaires/QuestionForm';


type Questionnaire = { title: string; description: string | null; expiresAt: string; questions: Question[] };
type State = { phase: 'loading' } | { phase: 'error'; message: string } | { phase: 'form'; questionnaire: Questionnaire } | { phase: 'done'; message: string };

const theme = createTheme({ palette: { primary: { main: '#1565c0' } } });

async function call<T>(apiBase: string, token: string, init?: RequestInit): Promise<T> {
  // `Accept: application/json` is what sends this request to the API rather than to the SPA (see vite.config.mts).
  const response = await fetch(`${apiBase}/q/${encodeURIComponent(token)}`, { ...init, headers: { accept: 'application/json', 'content-type': 'application/json' } });
  const body = (await response.json().catch(() => ({}))) as T & { message?: string | string[] };
  if (!response.ok) {
    const message = Array.isArray(body.message) ? body.message.join(' ') : body.message;
    throw new Error(message || 'Не удалось связаться с сервером. Попробуйте позже.');
  }
  return body;
}

/** A personal questionnaire link, answered without an account: `GET /q/:token`, then `POST /q/:token`. */
export const RespondentPage = ({ apiBase, token }: { apiBase: string; token: string }) => {
  const [state, setState] = useState<State>({ phase: 'loading' });
  const [answers, setAnswers] = useState<Answers>({});
  const [sending, setSending] = useState(false);
  useEffect(() => {
    call<Questionnaire>(apiBase, token).then(
      (questionnaire) => setState({ phase: 'form', questionnaire }),
      (error: Error) => setState({ phase: 'error', message: error.message }),
    );
  }, [apiBase, token]);
  const submit = async (questions: Question[]) => {
    setSending(true);
    try {
      const receipt = await call<{ message: string }>(apiBase, token, { method: 'POST', body: JSON.stringify({ answers: answersOf(questions, answers) }) });
      setState({ phase: 'done', message: receipt.message || 'Спасибо! Ответы приняты.' });
    } catch (error) {
      setState({ phase: 'error', message: (error as Error).message });
    } finally {
      setSending(false);
    }
  };
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <Box sx={{ maxWidth: 820, mx: 'auto', p: 2 }}>
        <Typography variant="overline" color="text.secondary">
          Наставник · анкета участника
        </Typography>
        {state.phase === 'loading' && <CircularProgress sx={{ display: 'block', mt: 4 }} />}
        {state.phase === 'error' && (
          <Alert severity="warning" sx={{ mt: 2 }} role="alert">
            {state.message}
          </Alert>
        )}
        {state.phase === 'done' && (
          <Alert severity="success" sx={{ mt: 2 }} data-testid="respondent-done">
            {state.message}
          </Alert>
        )}
        {state.phase === 'form' && (
          <Card variant="outlined" sx={{ mt: 1 }}>
            <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
              <Typography variant="h5" component="h1">
                {state.questionnaire.title}
              </Typography>
              {state.questionnaire.description && <Typography color="text.secondary">{state.questionnaire.description}</Typography>}
              <QuestionForm questions={state.questionnaire.questions} answers={answers} onChange={setAnswers} />
              <Box>
                <Button variant="contained" disabled={sending || missingRequired(state.questionnaire.questions, answers).length > 0} onClick={() => submit(state.questionnaire.questions)}>
                  Отправить ответы
                </Button>
              </Box>
              <Typography variant="caption" color="text.secondary">
                Ссылка действует до {new Date(state.questionnaire.expiresAt).toLocaleDateString('ru-RU')} и только для одной отправки.
              </Typography>
            </CardContent>
          </Card>
        )}
      </Box>
    </ThemeProvider>
  );
};
