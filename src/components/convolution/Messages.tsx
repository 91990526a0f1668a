import { t } from '../../i18n';

/**
 * An explorer's problems in one alert: the link values that were refused (the previous value is
 * kept), then whichever of `others` are set. Nothing is shown when there is no problem.
 */
export function Messages({ linkProblems, others }: { linkProblems: string[]; others: (string | null)[] }) {
  const shown = [...linkProblems.map((e) => t('conv.linkProblem', { problem: e })), ...others].filter(
    (m): m is string => Boolean(m),
  );
  if (!shown.length) return null;
  return (
    <div className="message error conv-messages" role="alert" data-testid="conv-message">
      {shown.map((m, i) => (
        <p key={i}>{m}</p>
      ))}
    </div>
  );
}
