import { useCallback } from 'react';
import { BUILTIN_DATASET_IDS, builtinDataset, FASHION_SPLIT, type BuiltinDatasetId } from '../../engine';
import { t } from '../../i18n';
import { getBuiltinTestSet } from '../../state/datasetService';
import { DatasetCard } from './DatasetCard';
import { StoragePanel } from './StoragePanel';

function BuiltinCard({ id }: { id: BuiltinDatasetId }) {
  const loadTest = useCallback(() => getBuiltinTestSet(id), [id]);
  const about =
    id === 'mnist'
      ? t('data.builtin.mnist.about')
      : t('data.builtin.fashion-mnist.about', { seed: String(FASHION_SPLIT.seed) });
  return <DatasetCard info={builtinDataset(id)} about={about} loadTest={loadTest} />;
}

/** The Data area (`#/data`): every dataset on this computer, and the browser storage it may use. */
export function DataArea() {
  return (
    <section className="data-area" aria-labelledby="data-title">
      <h1 id="data-title">{t('data.title')}</h1>
      <p className="data-intro">{t('data.intro')}</p>
      <StoragePanel />
      <div className="data-cards">
        {BUILTIN_DATASET_IDS.map((id) => (
          <BuiltinCard key={id} id={id} />
        ))}
      </div>
    </section>
  );
}
