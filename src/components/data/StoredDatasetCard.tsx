import { useCallback, useState } from 'react';
import {
  deleteStoredDataset,
  exportDatasetZip,
  loadStoredDataset,
  type DatasetInfo,
  type MnistSet,
} from '../../engine';
import { t } from '../../i18n';
import { downloadBlob } from '../canvas/download';
import { DatasetCard } from './DatasetCard';

/** Every picture of a stored dataset, as one set for the gallery. */
export async function loadAllPictures(id: string): Promise<MnistSet> {
  const stored = await loadStoredDataset(id);
  // Developer-facing: the card is only shown for datasets the list has just read.
  if (!stored) throw new Error(`no stored dataset ${id}`);
  const { images, labels } = stored.pictures;
  return { split: 'train', count: labels.length, images, labels };
}

/** A dataset kept in this browser: its card, plus Export (.zip) and Delete (asked twice). */
export function StoredDatasetCard({
  info,
  onChanged,
  onEdit,
}: {
  info: DatasetInfo;
  onChanged: () => void;
  /** Opens the dataset in "Make a dataset" to add or delete examples. */
  onEdit: (id: string) => void;
}) {
  // A new description (after examples were added or deleted) reloads the gallery.

  const loadTest = useCallback(() => loadAllPictures(info.id), [info]);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  async function exportZip(): Promise<void> {
    try {
      const stored = await loadStoredDataset(info.id);
      if (!stored) return;
      const bytes = exportDatasetZip(stored.info, stored.pictures);
      downloadBlob(new Blob([bytes.slice()], { type: 'application/zip' }), `${info.name}.zip`);
    } catch (err) {
      setMessage(err instanceof Error ? err.message : String(err));
    }
  }

  async function remove(): Promise<void> {
    try {
      await deleteStoredDataset(info.id);
      onChanged();
    } catch (err) {
      setMessage(err instanceof Error ? err.message : String(err));
    }
  }

  const actions = (
    <>
      <button type="button" onClick={() => onEdit(info.id)}>
        {t('data.make.edit')}
      </button>
      <button type="button" onClick={() => void exportZip()}>
        {t('data.stored.export', { name: info.name })}
      </button>
      {confirming ? (
        <>
          <button type="button" className="danger" onClick={() => void remove()}>
            {t('data.stored.confirmDelete', { name: info.name })}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('data.stored.keep')}
          </button>
        </>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          {t('data.stored.delete', { name: info.name })}
        </button>
      )}
    </>
  );
  return (
    <DatasetCard info={info} loadTest={loadTest} actions={actions} galleryOfAll>
      {message && (
        <p className="message error" role="alert">
          {message}
        </p>
      )}
    </DatasetCard>
  );
}
