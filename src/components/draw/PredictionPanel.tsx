import type { LayerReadout } from '../../engine';
import { t } from '../../i18n';
import { Panel } from '../canvas/Panel';

const pct = (p: number) => `${(p * 100).toFixed(p >= 0.995 || p < 0.1 ? 1 : 0)}%`;

const DIGITS = Array.from({ length: 10 }, (_, d) => String(d));

/**
 * The network's answer: the top class, how sure it is, and a bar for each class (the ten digits unless
 * `classNames` names another dataset's classes; `empty` is what shows before there is an answer).
 */
export function PredictionPanel({
  readout,
  blank,
  classNames,
  empty,
}: {
  readout: LayerReadout | null;
  blank: boolean;
  classNames?: readonly string[];
  empty?: string;
}) {
  const names = classNames ?? DIGITS;
  const probs = readout?.probabilities;
  const top = readout?.top ?? -1;
  const conf = readout?.confidence ?? 0;
  return (
    <Panel
      title={t('draw.answer.title')}
      shape={classNames ? t('tryit.answerShape', { n: names.length }) : t('draw.answer.shape')}
      className="draw-prediction"
      testId="prediction-panel"
    >
      <div className="draw-answer" aria-live="polite">
        {blank || !readout ? (
          <>
            <span className="draw-digit draw-digit-empty" data-testid="prediction">
              {empty ?? t('draw.answer.empty')}
            </span>
            <span className="draw-confidence" data-testid="confidence">
              {t('draw.answer.none')}
            </span>
          </>
        ) : (
          <>
            <span className={classNames ? 'draw-digit draw-class' : 'draw-digit'} data-testid="prediction">
              {names[top] ?? top}
            </span>
            <span className="draw-confidence">
              <span data-testid="confidence">{pct(conf)}</span>
              {t('draw.answer.sure')}
            </span>
          </>
        )}
      </div>
      {!blank && readout && conf < 0.6 && <p className="draw-unsure">{t('draw.answer.unsure')}</p>}
      <ol className="draw-bars" aria-label={t('draw.answer.bars')}>
        {names.map((name, d) => {
          const p = probs?.[d] ?? 0;
          return (
            <li key={d} className={d === top && !blank ? 'draw-bar draw-bar-top' : 'draw-bar'}>
              <span className="draw-bar-label">{name}</span>
              <span className="draw-bar-track">
                {/* A scale, not a width: a new answer then repaints the bars without a layout. */}
                <span className="draw-bar-fill" style={{ transform: `scaleX(${blank ? 0 : p})` }} />
              </span>
              <span className="draw-bar-value">{blank || !probs ? '' : pct(p)}</span>
            </li>
          );
        })}
      </ol>
      <p className="draw-note">
        {classNames ? t('draw.answer.softmaxN', { n: names.length }) : t('draw.answer.softmax')}
      </p>
    </Panel>
  );
}
