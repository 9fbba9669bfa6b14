import { Alert, Box, Button, Card, CardContent, MenuItem, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Title, useDataProvider, useGetList, useNotify, useRedirect } from 'react-admin';
import { currentAcademicYear, useGraphqlAction } from '../common/graphql';
import type { ConsoleDataProvider } from '../dataProvider';
import { type Answers, answersOf, missingRequired, type Question } from './answers';
import { QuestionForm } from './QuestionForm';
import { ParticipantSearch } from '../participants/ParticipantSearch';

const QUESTION_FIELDS = 'id position kind text hint required scaleMin scaleMax minLabel maxLabel options { code label }';

/** Enter a questionnaire for a participant: pick the participant and the questionnaire, answer every question, submit. */
export const ResponseCreate = () => {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const redirect = useRedirect();
  const [participantId, setParticipantId] = useState('');
  const [templateId, setTemplateId] = useState('');
  const [questions, setQuestions] = useState<Question[]>([]);
  const [answers, setAnswers] = useState<Answers>({});
  const { run, pending } = useGraphqlAction<{ createQuestionnaireResponse: { id: string } }>();
  const templates = useGetList<{ id: string; title: string }>('questionnaire-templates', { pagination: { page: 1, perPage: 200 }, sort: { field: 'title', order: 'ASC' }, filter: { isActive: true } });

  useEffect(() => {
    setAnswers({});
    if (!templateId) return setQuestions([]);
    dataProvider
      .graphql<{ QuestionnaireTemplate: { questions: Question[] } }>(`query Questions($id: ID!) { QuestionnaireTemplate(id: $id) { questions { ${QUESTION_FIELDS} } } }`, { id: templateId })
      .then((result) => setQuestions(result.QuestionnaireTemplate.questions))
      .catch((error: Error) => notify(error.message, { type: 'error' }));
  }, [dataProvider, notify, templateId]);

  const missing = missingRequired(questions, answers);
  const submit = async () => {
    const result = await run('mutation Respond($input: CreateQuestionnaireResponseInput!) { createQuestionnaireResponse(input: $input) { id } }', {
      input: { templateId, participantId, academicYear: currentAcademicYear(), answers: answersOf(questions, answers) },
    });
    if (result) {
      notify('Ответы сохранены', { type: 'success' });
      redirect('list', 'questionnaire-responses');
    }
  };

  return (
    <Box sx={{ p: { xs: 1, md: 2 }, display: 'flex', flexDirection: 'column', gap: 2, maxWidth: 900 }}>
      <Title title="Внести анкету" />
      <Typography variant="h5" component="h1">
        Внести анкету участника
      </Typography>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        <ParticipantSearch value={participantId} onChange={setParticipantId} />
        <TextField select fullWidth={false} label="Анкета" value={templateId} onChange={(e) => setTemplateId(e.target.value)} sx={{ minWidth: 420 }}>
          {(templates.data ?? []).map((t) => (
            <MenuItem key={t.id} value={t.id}>
              {t.title}
            </MenuItem>
          ))}
        </TextField>
      </Box>
      {questions.length > 0 && (
        <Card variant="outlined">
          <CardContent>
            <QuestionForm questions={questions} answers={answers} onChange={setAnswers} />
          </CardContent>
        </Card>
      )}
      {questions.length > 0 && missing.length > 0 && <Alert severity="info">Осталось ответить на обязательные вопросы: {missing.length}</Alert>}
      <Box>
        <Button variant="contained" onClick={submit} disabled={pending || !participantId || !templateId || questions.length === 0 || missing.length > 0}>
          Сохранить ответы
        </Button>
      </Box>
    </Box>
  );
};
