import '../train/runs/runs.css';
import { t, tx } from '../../i18n';
import { useStore } from '../../state/createStore';
import { EXPERIMENT_IDS } from '../train/runs/experiments';
import { experimentStore, isExperimentRunning, runExperiment } from '../train/runs/experimentRunner';

/**
 * Learn's one-click comparisons ("MLP vs CNN", "ReLU vs sigmoid"): a click trains both networks one
 * after the other on the Train page and opens their comparison there.
 */
export function CompareLauncher() {
  const x = useStore(experimentStore, (s) => s);
  const running = isExperimentRunning();
  return (
    <section className="learn-compare" aria-labelledby="learn-compare-title" data-testid="learn-compare">
      <h2 id="learn-compare-title">{t('compare.experiments.title')}</h2>
      <p className="learn-intro">{t('compare.experiments.intro')}</p>
      <ul className="learn-compare-cards">
        {EXPERIMENT_IDS.map((id) => {
          const title = tx(`compare.experiments.${id}.title`);
          return (
            <li key={id} className="learn-compare-card">
              <span className="learn-card-title">{title}</span>
              <span className="learn-card-summary">{tx(`compare.experiments.${id}.summary`)}</span>
              <button
                type="button"
                disabled={running && x.id !== id}
                aria-label={t('compare.experiments.startLabel', { title })}
                data-testid={`experiment-${id}`}
                // Clicked again while it runs: go back to watching it on the Train page.
                onClick={() => (running ? (window.location.hash = '#/train') : void runExperiment(id))}
              >
                {t('compare.experiments.start')}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
