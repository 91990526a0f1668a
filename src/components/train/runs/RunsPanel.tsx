import './runs.css';
import { memo, useEffect, useState } from 'react';
import { builtinDataset, isBuiltinDataset, MAX_RUNS, type RunSummary } from '../../../engine';
import { t } from '../../../i18n';
import { StatusNote } from '../../ui';
import { useStoreTransition } from '../../../state/createStore';
import { refreshRuns, removeRun, restoreRun, runsStore, unreadableText } from '../../../state/runsService';
import { runLabel, runNetworkName, runSettingsText, runTime } from '../../../state/runWords';
import { RunSwatch } from './ComparePanel';

function datasetName(id: string): string {
  return isBuiltinDataset(id) ? builtinDataset(id).name : id;
}

/**
 * The runs kept in this browser, newest first: tick runs to compare them (the ticks are the link's
 * `compare` list), use one in Draw, delete one (asks first). Shows how many of the places are taken.
 */
export const RunsPanel = memo(function RunsPanel({
  compared,
  onCompare,
  busy,
}: {
  /** The ids in the comparison, in order. */
  compared: readonly string[];
  onCompare: (ids: string[]) => void;
  busy: boolean;
}) {
  // A transition: the list is read again as a run ends, with the rest of the area changing in the same
  // moment; rendered in slices, not as one task (TrainArea reads it the same way).
  const s = useStoreTransition(runsStore);
  const [asking, setAsking] = useState<string | null>(null);
  useEffect(() => void refreshRuns(), []);
  const newestFirst = [...s.runs].reverse();
  const toggle = (id: string) =>
    onCompare(compared.includes(id) ? compared.filter((c) => c !== id) : [...compared, id]);
  const damaged = unreadableText(s.unreadable);

  return (
    <section className="runs panel" aria-labelledby="runs-title" data-testid="runs-panel">
      <h2 className="panel-title" id="runs-title">
        {t('compare.runs.title')}{' '}
        <span className="shape" data-testid="runs-count">
          {t('compare.runs.shape', { n: s.runs.length + s.unreadable, max: MAX_RUNS })}
        </span>
      </h2>
      <p className="runs-intro">{s.runs.length ? t('compare.runs.intro') : t('compare.runs.empty')}</p>
      {s.note && (
        <StatusNote bad={s.note.bad} testId="runs-note">
          {s.note.text}
        </StatusNote>
      )}
      {damaged && <p className="message error">{damaged}</p>}
      <ul className="runs-list">
        {newestFirst.map((r: RunSummary) => {
          const at = compared.indexOf(r.id);
          const label = runLabel(r);
          return (
            <li
              key={r.id}
              className={at >= 0 ? 'runs-item picked' : 'runs-item'}
              data-testid="run-item"
              data-run={r.id}
            >
              <label className="runs-pick">
                <input
                  type="checkbox"
                  checked={at >= 0}
                  onChange={() => toggle(r.id)}
                  aria-label={t('compare.runs.pickLabel', { label })}
                  data-testid="run-pick"
                />
                <span className="runs-text">
                  <span className="runs-name">
                    {at >= 0 && <RunSwatch index={at} />}
                    {runNetworkName(r)}
                  </span>
                  <span className="runs-detail">
                    {runSettingsText(r)} · {datasetName(r.dataset)}
                  </span>
                  <span className="runs-detail">
                    <strong>
                      {r.testAccuracy === null
                        ? t('compare.runs.noAccuracy')
                        : t('compare.runs.accuracy', { pct: (r.testAccuracy * 100).toFixed(2) })}
                    </strong>
                    {r.ended === 'stopped' ? ` (${t('compare.runs.stopped')})` : ''} ·{' '}
                    {r.params.toLocaleString('en-US')} · {runTime(r.wallMs)} ·{' '}
                    {new Date(r.savedAt).toLocaleString()}
                  </span>
                </span>
              </label>
              <span className="runs-actions">
                {r.dataset === 'mnist' && (
                  <button
                    type="button"
                    className="secondary"
                    disabled={busy}
                    aria-label={t('compare.runs.restoreLabel', { label })}
                    data-testid="run-restore"
                    onClick={() => void restoreRun(r, datasetName(r.dataset))}
                  >
                    {t('compare.runs.restore')}
                  </button>
                )}
                <button
                  type="button"
                  className={asking === r.id ? 'danger' : 'secondary'}
                  aria-label={asking === r.id ? undefined : t('compare.runs.deleteLabel', { label })}
                  data-testid="run-delete"
                  onClick={() => {
                    if (asking !== r.id) return setAsking(r.id);
                    setAsking(null);
                    if (at >= 0) onCompare(compared.filter((c) => c !== r.id));
                    void removeRun(r);
                  }}
                  onBlur={() => setAsking((a) => (a === r.id ? null : a))}
                >
                  {asking === r.id ? t('compare.runs.deleteSure') : t('compare.runs.delete')}
                </button>
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
});
