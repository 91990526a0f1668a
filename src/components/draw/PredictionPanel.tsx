import type { LayerReadout } from '../../engine';
import { t } from '../../i18n';
import { Panel } from '../canvas/Panel';

const pct = (p: number) => `${(p * 100).toFixed(p >= 0.995 || p < 0.1 ? 1 : 0)}%`;

/** The network's answer: the top digit, how sure it is, and a bar for each of the ten digits. */
export function PredictionPanel({ readout, blank }: { readout: LayerReadout | null; blank: boolean }) {
  const probs = readout?.probabilities;
  const top = readout?.top ?? -1;
  const conf = readout?.confidence ?? 0;
  return (
    <Panel
      title={t('draw.answer.title')}
      shape={t('draw.answer.shape')}
      className="draw-prediction"
      testId="prediction-panel"
    >
      <div className="draw-answer" aria-live="polite">
        {blank || !readout ? (
          <>
            <span className="draw-digit draw-digit-empty" data-testid="prediction">
              {t('draw.answer.empty')}
            </span>
            <span className="draw-confidence" data-testid="confidence">
              {t('draw.answer.none')}
            </span>
          </>
        ) : (
          <>
            <span className="draw-digit" data-testid="prediction">
              {top}
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
        {Array.from({ length: 10 }, (_, d) => {
          const p = probs?.[d] ?? 0;
          return (
            <li key={d} className={d === top && !blank ? 'draw-bar draw-bar-top' : 'draw-bar'}>
              <span className="draw-bar-label">{d}</span>
              <span className="draw-bar-track">
                <span className="draw-bar-fill" style={{ width: `${blank ? 0 : p * 100}%` }} />
              </span>
              <span className="draw-bar-value">{blank || !probs ? '' : pct(p)}</span>
            </li>
          );
        })}
      </ol>
      <p className="draw-note">{t('draw.answer.softmax')}</p>
    </Panel>
  );
}
