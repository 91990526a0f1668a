import './runs.css';
import { memo } from 'react';
import { builtinDataset, isBuiltinDataset, type RunSummary } from '../../../engine';
import { t } from '../../../i18n';
import { runNetworkName, runSettingsText } from '../../../state/runWords';
import { runTime } from '../../../state/runWords';
import { CompareChart } from './CompareChart';
import { runStyle } from './runStyles';

/** A run's line style and marker, as drawn on the charts, for the legend and the table. */
export function RunSwatch({ index }: { index: number }) {
  const s = runStyle(index, 10);
  return (
    <svg className="compare-swatch" viewBox="0 0 44 16" aria-hidden="true" style={{ color: s.colour }}>
      <line
        x1={2}
        x2={42}
        y1={8}
        y2={8}
        stroke="currentColor"
        strokeWidth={3}
        strokeDasharray={s.dash || undefined}
      />
      <path d={s.marker} transform="translate(22,8)" fill="currentColor" />
    </svg>
  );
}

function datasetName(id: string): string {
  return isBuiltinDataset(id) ? builtinDataset(id).name : id;
}

function accuracyText(r: RunSummary): string {
  if (r.testAccuracy === null) return t('compare.view.none');
  const pct = (r.testAccuracy * 100).toFixed(2);
  return r.ended === 'stopped' ? t('compare.view.stoppedAt', { pct }) : `${pct}%`;
}

/**
 * Two or more kept runs side by side: accuracy and loss curves overlaid (one colour, line style and
 * marker per run), a legend naming each run by its network and settings, and a table of how each
 * ended: test accuracy, parameters, training time. Memoised: runs only change when one is kept.
 */
export const ComparePanel = memo(function ComparePanel({
  runs,
  onClose,
}: {
  /** The runs to compare, in the link's order (which fixes each one's style). */
  runs: readonly RunSummary[];
  onClose: () => void;
}) {
  const best = Math.max(...runs.map((r) => r.testAccuracy ?? -1));
  return (
    <section className="compare panel" aria-labelledby="compare-title" data-testid="compare-panel">
      <div className="compare-head">
        <h2 className="panel-title" id="compare-title">
          {t('compare.view.title', { n: runs.length })}{' '}
          <span className="shape">{t('compare.view.shape')}</span>
        </h2>
        <button type="button" className="secondary" onClick={onClose} data-testid="compare-close">
          {t('compare.view.close')}
        </button>
      </div>
      {runs.length < 2 ? (
        <p className="message">{t('compare.view.pickOne')}</p>
      ) : (
        <>
          <ul className="compare-legend" aria-label={t('compare.view.legend')} data-testid="compare-legend">
            {runs.map((r, i) => (
              <li key={r.id}>
                <RunSwatch index={i} />
                <span>
                  <strong>{runNetworkName(r)}</strong>{' '}
                  <span className="compare-settings">{runSettingsText(r)}</span>
                </span>
              </li>
            ))}
          </ul>
          <div className="compare-charts">
            <CompareChart kind="accuracy" runs={runs} />
            <CompareChart kind="loss" runs={runs} />
          </div>
          <p className="compare-note">{t('compare.view.epochMark')}</p>
        </>
      )}
      <div className="compare-table-wrap">
        <table className="compare-table" data-testid="compare-table">
          <caption>{t('compare.view.table.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('compare.view.table.run')}</th>
              <th scope="col">{t('compare.view.table.accuracy')}</th>
              <th scope="col">{t('compare.view.table.params')}</th>
              <th scope="col">{t('compare.view.table.time')}</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((r, i) => (
              <tr key={r.id} data-testid="compare-row" data-run={r.id}>
                <th scope="row">
                  <RunSwatch index={i} />
                  <span className="compare-run-name">{runNetworkName(r)}</span>
                  {runNetworkName(r) !== r.arch && <code className="compare-arch">{r.arch}</code>}
                  <span className="compare-settings">
                    {runSettingsText(r)} · {datasetName(r.dataset)}
                  </span>
                </th>
                <td className={r.testAccuracy === best && runs.length > 1 ? 'compare-best' : undefined}>
                  {accuracyText(r)}
                </td>
                <td>{r.params.toLocaleString('en-US')}</td>
                <td>{runTime(r.wallMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
});
