import { useId, useState } from 'react';
import { checkAnswer, parseNumber, type QuestionDef } from '../../demos/lessons/types';
import { t, tx } from '../../i18n';

type Feedback = { kind: 'right' | 'wrong' | 'revealed' | 'invalid'; text: string } | null;

/** Predict, then reveal: the student commits to an answer and gets feedback at once. */
export function QuestionCard({
  lessonId,
  question,
  onAnswered,
}: {
  lessonId: string;
  question: QuestionDef;
  /** Called once the answer may show: a right answer, or "Show the answer". */
  onAnswered?: () => void;
}) {
  const base = `lessons.${lessonId}.questions.${question.id}`;
  const [value, setValue] = useState('');
  const [feedback, setFeedback] = useState<Feedback>(null);
  const id = useId();
  const answerText =
    question.kind === 'choice'
      ? tx(`${base}.options.${question.answer}`)
      : question.answer.toLocaleString('en-US');
  const explain = tx(`${base}.explain`);

  const submit = () => {
    if (question.kind === 'choice' && value === '')
      return setFeedback({ kind: 'invalid', text: t('learn.pickOne') });
    if (question.kind === 'number' && parseNumber(value) === null) {
      return setFeedback({ kind: 'invalid', text: t('learn.notANumber', { value }) });
    }
    const right = checkAnswer(question, value);
    setFeedback(
      right
        ? { kind: 'right', text: `${t('learn.right')} ${explain}` }
        : { kind: 'wrong', text: t('learn.tryAgain') },
    );
    if (right) onAnswered?.();
  };

  return (
    <form
      className="learn-question"
      data-testid="question"
      aria-labelledby={`${id}-prompt`}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <p className="learn-hint">{t('learn.predict')}</p>
      <p id={`${id}-prompt`} className="learn-prompt">
        {tx(`${base}.prompt`)}
      </p>
      {question.kind === 'choice' ? (
        <fieldset className="learn-options">
          <legend className="visually-hidden">{t('learn.yourAnswer')}</legend>
          {question.options.map((opt) => (
            <label key={opt} className={value === opt ? 'learn-option selected' : 'learn-option'}>
              <input
                type="radio"
                name={`${id}-answer`}
                value={opt}
                checked={value === opt}
                onChange={() => {
                  setValue(opt);
                  setFeedback(null);
                }}
              />
              {tx(`${base}.options.${opt}`)}
            </label>
          ))}
        </fieldset>
      ) : (
        <label className="learn-number">
          {t('learn.yourAnswer')}{' '}
          <input
            type="text"
            inputMode="decimal"
            autoComplete="off"
            value={value}
            onChange={(e) => {
              setValue(e.target.value);
              setFeedback(null);
            }}
          />
        </label>
      )}
      <div className="learn-row">
        <button type="submit">{t('learn.check')}</button>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setFeedback({
              kind: 'revealed',
              text: `${t('learn.revealed', { answer: answerText })} ${explain}`,
            });
            onAnswered?.();
          }}
        >
          {t('learn.reveal')}
        </button>
      </div>
      <p
        className={`learn-feedback ${feedback?.kind ?? ''}`}
        role="status"
        aria-live="polite"
        data-testid="feedback"
      >
        {feedback?.text ?? ''}
      </p>
    </form>
  );
}
