import type { Answer, Answers, Question } from './answers';
import { Box, Checkbox, FormControl, FormControlLabel, FormGroup, FormLabel, Radio, RadioGroup, Rating, TextField, Typography } from '@mui/material';

const RatingInput = ({ question, value, onChange }: { question: Question; value?: number | null; onChange: (value: number | null) => void }) => {
  const min = question.scaleMin ?? 1;
  const max = question.scaleMax ?? 5;
  if (min === 1 && max <= 10) {
    return (
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        {question.minLabel && <Typography variant="caption">{question.minLabel}</Typography>}
        <Rating max={max} value={value ?? null} onChange={(_, next) => onChange(next)} data-testid={`rating-${question.position}`} />
        {question.maxLabel && <Typography variant="caption">{question.maxLabel}</Typography>}
      </Box>
    );
  }
  const values = Array.from({ length: max - min + 1 }, (_, index) => min + index);
  return (
    <RadioGroup row value={value ?? ''} onChange={(event) => onChange(Number(event.target.value))}>
      {values.map((v) => (
        <FormControlLabel key={v} value={v} control={<Radio size="small" />} label={String(v)} />
      ))}
    </RadioGroup>
  );
};

/** Renders every question of a questionnaire (rating, single/multiple choice, open) as a controlled form. */
export const QuestionForm = ({ questions, answers, onChange }: { questions: Question[]; answers: Answers; onChange: (answers: Answers) => void }) => {
  const set = (question: Question, patch: Partial<Answer>) => onChange({ ...answers, [question.id]: { ...answers[question.id], questionId: question.id, ...patch } });
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 3 }}>
      {[...questions]
        .sort((a, b) => a.position - b.position)
        .map((question, index) => {
          const answer = answers[question.id];
          return (
            <FormControl key={question.id} required={question.required} component="fieldset" data-testid="question">
              <FormLabel component="legend" sx={{ color: 'text.primary', mb: 0.5 }}>
                {index + 1}. {question.text}
              </FormLabel>
              {question.hint && (
                <Typography variant="caption" color="text.secondary">
                  {question.hint}
                </Typography>
              )}
              {question.kind === 'RATING' && <RatingInput question={question} value={answer?.value} onChange={(value) => set(question, { value })} />}
              {question.kind === 'SINGLE_CHOICE' && (
                <RadioGroup value={answer?.options?.[0] ?? ''} onChange={(event) => set(question, { options: [event.target.value] })}>
                  {question.options.map((option) => (
                    <FormControlLabel key={option.code} value={option.code} control={<Radio size="small" />} label={option.label} />
                  ))}
                </RadioGroup>
              )}
              {question.kind === 'MULTIPLE_CHOICE' && (
                <FormGroup>
                  {question.options.map((option) => {
                    const chosen = answer?.options ?? [];
                    return (
                      <FormControlLabel
                        key={option.code}
                        label={option.label}
                        control={
                          <Checkbox
                            size="small"
                            checked={chosen.includes(option.code)}
                            onChange={(event) => set(question, { options: event.target.checked ? [...chosen, option.code] : chosen.filter((c) => c !== option.code) })}
                          />
                        }
                      />
                    );
                  })}
                </FormGroup>
              )}
              {question.kind === 'OPEN' && <TextField multiline minRows={2} value={answer?.text ?? ''} onChange={(event) => set(question, { text: event.target.value })} />}
            </FormControl>
          );
        })}
    </Box>
  );
};
