import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import {
  BUILTIN_DATASET_IDS,
  builtinDataset,
  FASHION_SPLIT,
  type BuiltinDatasetId,
  type DatasetInfo,
} from '../../engine';
import { t } from '../../i18n';
import { getBuiltinTestSet } from '../../state/datasetService';
import { DatasetCard } from './DatasetCard';
import { ImportPanel } from './ImportPanel';
import { MakeDataset } from './MakeDataset';
import { StoragePanel } from './StoragePanel';
import { StoredDatasetCard } from './StoredDatasetCard';
import { DataShowcase } from './DataShowcase';
import { useHashRoute } from '../../state/useHashRoute';
import { isPresenting } from '../../state/hashRoute';
import { datasetsChanged, useStoredDatasets } from '../../state/storedDatasets';
import { useDatasetLink } from './useDatasetLink';

function BuiltinCard({ id }: { id: BuiltinDatasetId }) {
  const loadTest = useCallback(() => getBuiltinTestSet(id), [id]);
  const about =
    id === 'mnist'
      ? t('data.builtin.mnist.about')
      : t('data.builtin.fashion-mnist.about', { seed: String(FASHION_SPLIT.seed) });
  return <DatasetCard info={builtinDataset(id)} about={about} loadTest={loadTest} />;
}

/**
 * At a desk, a link naming a set (`#/data?dataset=fashion-mnist`, a teacher's "look at this one")
 * brings its card and gallery into view, once per set named; a value naming no set is said, in sight,
 * and nothing moves. Presented, DataShowcase reads the same link (useDatasetLink) and shows that set.
 */
function DeskDatasetLink({
  stored,
  area,
}: {
  stored: readonly DatasetInfo[] | null;
  area: RefObject<HTMLElement | null>;
}) {
  const link = useDatasetLink(stored);
  const shownFor = useRef<string | null>(null);
  const target = link.linked ? link.chosen : null;
  useEffect(() => {
    if (target === null) {
      shownFor.current = null;
      return;
    }
    if (shownFor.current === target) return;
    // Each card is named by its test id, `dataset-<id>` (DatasetCard); compared as a string, since a
    // stored set's id is its name, which a CSS selector would have to escape.
    const card = [...(area.current?.querySelectorAll<HTMLElement>('.data-card') ?? [])].find(
      (el) => el.dataset.testid === `dataset-${target}`,
    );
    // A stored set's card comes once the stored sets are read: this runs again with them.
    if (!card) return;
    shownFor.current = target;
    card.scrollIntoView({ block: 'start' });
  }, [target, stored, area]);
  if (!link.error) return null;
  return (
    <p className="message error data-link-error" role="alert" data-testid="data-link-error">
      {link.error}
    </p>
  );
}

/**
 * The Data area (`#/data`): first the datasets on this computer (what a student came to see), then the
 * ways to add one, then the browser storage they use.
 */
export function DataArea() {
  const { list, error } = useStoredDatasets();
  // Bumped after an import or a delete: the storage panel asks the browser again.
  const [changes, setChanges] = useState(0);
  const [editId, setEditId] = useState<string | null>(null);
  const changed = useCallback(() => {
    setChanges((n) => n + 1);
    void datasetsChanged();
  }, []);
  const addRef = useRef<HTMLElement>(null);
  // "Add examples" on a card above opens that set in Make a dataset, further down: bring it into view.
  const edit = useCallback((id: string) => {
    setEditId(id);
    requestAnimationFrame(() => addRef.current?.scrollIntoView({ block: 'start' }));
  }, []);
  // Presented, the room sees one dataset's pictures at a time, large (DataShowcase); the cards, the
  // ways to add a set and the storage are for a desk.
  const present = isPresenting(useHashRoute().params);
  const areaRef = useRef<HTMLElement>(null);
  if (present) {
    return (
      <section className="data-area" aria-labelledby="data-title">
        <h1 id="data-title" className="visually-hidden">
          {t('data.title')}
        </h1>
        {error && (
          <p className="message error" role="alert">
            {error}
          </p>
        )}
        <DataShowcase stored={list} />
      </section>
    );
  }
  return (
    <section className="data-area" aria-labelledby="data-title" ref={areaRef}>
      <h1 id="data-title">{t('data.title')}</h1>
      <p className="data-intro">{t('data.intro')}</p>
      <DeskDatasetLink stored={list} area={areaRef} />
      <h2 className="data-section-title">{t('data.onComputer')}</h2>
      {error && (
        <p className="message error" role="alert">
          {error}
        </p>
      )}
      <div className="data-cards" data-testid="stored-datasets">
        {list?.map((info) => (
          <StoredDatasetCard key={info.id} info={info} onChanged={changed} onEdit={edit} />
        ))}
      </div>
      {list?.length === 0 && !error && <p className="data-note">{t('data.stored.none')}</p>}
      <div className="data-cards">
        {BUILTIN_DATASET_IDS.map((id) => (
          <BuiltinCard key={id} id={id} />
        ))}
      </div>
      <section className="data-add" ref={addRef} aria-labelledby="data-add-title">
        <h2 id="data-add-title" className="data-section-title">
          {t('data.addYourOwn')}
        </h2>
        <p className="data-intro">{t('data.addYourOwnExplain')}</p>
        <div className="data-add-panels">
          <MakeDataset onChanged={changed} editId={editId} />
          <ImportPanel onChanged={changed} />
        </div>
      </section>
      <StoragePanel refresh={changes} />
    </section>
  );
}
