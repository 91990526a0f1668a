import { useCallback, useEffect, useRef, useState, type ChangeEvent } from 'react';
import {
  augmentedCopies,
  COLOUR_SHAPE,
  GREY_SHAPE,
  imageSizeProblem,
  loadStoredDataset,
  madeDataset,
  madeDatasetProblem,
  mulberry32,
  readImageHeader,
  saveDataset,
  toDatasetPixels,
  type InputShape,
  type MadeExample,
  type Rgba,
} from '../../engine';
import { t } from '../../i18n';
import { storedDatasetsNow } from '../../state/storedDatasets';
import { Panel } from '../canvas/Panel';
import { Select } from '../ui';
import { DrawCanvas } from '../draw/DrawCanvas';
import type { DrawAction, StrokeAction } from '../draw/strokes';
import { CameraCapture } from './CameraCapture';
import { decodePicture } from './decodePicture';
import { ExampleGallery } from './ExampleGallery';

/** Which dataset is being made, so a reload comes back to it (its pictures are in IndexedDB). */
const MAKING_KEY = 'cnn-studio.making-dataset';

type Making = { name: string; classNames: string[]; shape: InputShape; examples: MadeExample[]; at: string };

function rememberMaking(name: string | null): void {
  try {
    if (name === null) localStorage.removeItem(MAKING_KEY);
    else localStorage.setItem(MAKING_KEY, name);
  } catch {
    // Private windows may refuse: the dataset is still stored, only the reload convenience is lost.
  }
}

/**
 * Making a dataset in the browser: name it and its classes, then add examples to a class by drawing,
 * picture files or a folder, or webcam bursts; see and delete them. Saved to IndexedDB after each change.
 * `editId` (from a stored card's "Add examples") opens that dataset here.
 */
export function MakeDataset({ onChanged, editId }: { onChanged: () => void; editId: string | null }) {
  const [making, setMaking] = useState<Making | null>(null);
  const [name, setName] = useState('');
  const [classes, setClasses] = useState<string[]>(['', '']);
  const [colour, setColour] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [target, setTarget] = useState(0);
  const [augment, setAugment] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [actions, setActions] = useState<DrawAction[]>([]);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const rng = useRef(mulberry32(Date.now() >>> 0));
  const saved = useRef<MadeExample[] | null>(null);

  const open = useCallback(async (id: string) => {
    const stored = await loadStoredDataset(id);
    if (!stored) return rememberMaking(null);
    const [h, w, c] = stored.info.inputShape;
    const size = h * w * c;
    const examples = Array.from(stored.pictures.labels, (label, i) => ({
      label,
      pixels: stored.pictures.images.slice(i * size, (i + 1) * size),
    }));
    saved.current = examples;
    setMaking({
      name: stored.info.name,
      classNames: stored.info.classNames,
      shape: stored.info.inputShape,
      examples,
      at: stored.info.source.kind === 'builtin' ? new Date().toISOString() : stored.info.source.at,
    });
    rememberMaking(id);
  }, []);

  useEffect(() => {
    let id: string | null = editId;
    try {
      id ??= localStorage.getItem(MAKING_KEY);
    } catch {
      id = editId;
    }
    if (id) void open(id);
  }, [editId, open]);

  // Every change is kept in IndexedDB (all or nothing), a moment after the last one.
  useEffect(() => {
    if (!making || saved.current === making.examples) return;
    const handle = window.setTimeout(() => {
      const { info, pictures } = madeDataset(
        making.name,
        making.classNames,
        making.shape,
        making.examples,
        making.at,
      );
      saveDataset(info, pictures, { replace: true })
        .then(() => {
          saved.current = making.examples;
          setStatus(t('data.make.saved', { n: making.examples.length }));
          onChanged();
        })
        .catch((err: unknown) => setStatus(err instanceof Error ? err.message : String(err)));
    }, 300);
    return () => window.clearTimeout(handle);
  }, [making, onChanged]);

  function create(): void {
    const taken = (storedDatasetsNow() ?? []).map((d) => d.id);
    const p = madeDatasetProblem(name, classes, taken);
    setProblem(p);
    if (p) return;
    const next: Making = {
      name: name.trim(),
      classNames: classes.map((c) => c.trim()),
      shape: colour ? COLOUR_SHAPE : GREY_SHAPE,
      examples: [],
      at: new Date().toISOString(),
    };
    saved.current = null;
    setMaking(next);
    setTarget(0);
    rememberMaking(next.name);
  }

  function add(rgba: Rgba, flip: boolean): void {
    setMaking((m) => {
      if (!m) return m;
      const pixels = toDatasetPixels(rgba, m.shape);
      const copies = augment ? augmentedCopies(pixels, m.shape, rng.current, { flip }) : [];
      const label = Math.min(target, m.classNames.length - 1);
      return { ...m, examples: [...m.examples, ...[pixels, ...copies].map((p) => ({ label, pixels: p }))] };
    });
  }

  function addDrawing(): void {
    const ctx = canvasRef.current?.getContext('2d', { willReadFrequently: true });
    if (!ctx || actions.length === 0) return;
    const img = ctx.getImageData(0, 0, ctx.canvas.width, ctx.canvas.height);
    add({ data: img.data, width: img.width, height: img.height }, false);
    setActions([]);
  }

  async function addFiles(e: ChangeEvent<HTMLInputElement>): Promise<void> {
    const files = Array.from(e.target.files ?? []);
    e.target.value = '';
    const refused: string[] = [];
    for (const file of files) {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const header = readImageHeader(bytes.subarray(0, 65536));
      const path = file.webkitRelativePath || file.name;
      if (!header || (header.type !== 'png' && header.type !== 'jpeg') || imageSizeProblem(header)) {
        refused.push(t('data.make.badFile', { file: path }));
        continue;
      }
      try {
        add(await decodePicture({ path, bytes, header }), true);
      } catch {
        refused.push(t('data.make.badFile', { file: path }));
      }
    }
    setStatus(refused.length ? refused.join(' ') : null);
  }

  function finish(): void {
    rememberMaking(null);
    setMaking(null);
    setName('');
    setClasses(['', '']);
    setStatus(null);
    onChanged();
  }

  if (!making) {
    return (
      <Panel title={t('data.make.title')} className="data-make" testId="data-make">
        <p className="data-about">{t('data.make.explain')}</p>
        <div className="data-make-form">
          <label>
            <span>{t('data.make.name')}</span>
            <input type="text" value={name} maxLength={40} onChange={(e) => setName(e.target.value)} />
          </label>
          {classes.map((c, k) => (
            <div key={k} className="data-make-class">
              <label>
                <span>{t('data.make.className', { n: k + 1 })}</span>
                <input
                  type="text"
                  value={c}
                  maxLength={40}
                  onChange={(e) => setClasses(classes.map((x, j) => (j === k ? e.target.value : x)))}
                />
              </label>
              {classes.length > 2 && (
                <button type="button" onClick={() => setClasses(classes.filter((_, j) => j !== k))}>
                  {t('data.make.removeClass', { n: k + 1 })}
                </button>
              )}
            </div>
          ))}
          {classes.length < 10 && (
            <button type="button" onClick={() => setClasses([...classes, ''])}>
              {t('data.make.addClass')}
            </button>
          )}
          <Select
            label={t('data.make.kind')}
            value={colour ? 'colour' : 'grey'}
            options={[
              { value: 'grey', label: t('data.make.grey') },
              { value: 'colour', label: t('data.make.colour') },
            ]}
            onChange={(kind) => setColour(kind === 'colour')}
          />
          <button type="button" className="primary" onClick={create}>
            {t('data.make.create')}
          </button>
          {problem && (
            <p className="message error" role="alert">
              {problem}
            </p>
          )}
        </div>
      </Panel>
    );
  }

  const [h, w, c] = making.shape;
  return (
    <Panel
      title={t('data.make.editing', { name: making.name })}
      shape={`${h}×${w}×${c}`}
      className="data-make"
      testId="data-make"
      actions={
        <button type="button" onClick={finish}>
          {t('data.make.done')}
        </button>
      }
    >
      <fieldset className="data-make-target">
        <legend>{t('data.make.addingTo')}</legend>
        {making.classNames.map((cn, k) => (
          <label key={k}>
            <input type="radio" name="make-target" checked={target === k} onChange={() => setTarget(k)} />
            {cn}
          </label>
        ))}
      </fieldset>
      <label className="data-make-augment">
        <input type="checkbox" checked={augment} onChange={(e) => setAugment(e.target.checked)} />
        {t('data.make.augment')}
      </label>
      <div className="data-make-tools">
        <section>
          <h3>{t('data.make.drawTitle')}</h3>
          <DrawCanvas
            actions={actions}
            brush={22}
            canvasRef={canvasRef}
            onInk={() => {}}
            onStrokeEnd={(s: StrokeAction) => setActions((a) => [...a, s])}
          />
          <div className="data-camera-row">
            <button type="button" className="primary" onClick={addDrawing} disabled={actions.length === 0}>
              {t('data.make.addDrawing')}
            </button>
            <button type="button" onClick={() => setActions([{ kind: 'clear' }])}>
              {t('data.make.clear')}
            </button>
          </div>
        </section>
        <section>
          <h3>{t('data.make.camera')}</h3>
          <CameraCapture onFrame={(f) => add(f, true)} />
          <label className="data-file">
            <span>{t('data.make.files')}</span>
            <input type="file" multiple accept="image/png,image/jpeg" onChange={(e) => void addFiles(e)} />
          </label>
          <label className="data-file">
            <span>{t('data.make.folder')}</span>
            <input
              type="file"
              multiple
              // Folder picking: a standard attribute in every current browser, missing from React's types.
              {...({ webkitdirectory: '' } as Record<string, string>)}
              onChange={(e) => void addFiles(e)}
            />
          </label>
        </section>
      </div>
      {status && (
        <p className="data-note" role="status" data-testid="make-status">
          {status}
        </p>
      )}
      <ExampleGallery
        classNames={making.classNames}
        shape={making.shape}
        examples={making.examples}
        onDelete={(i) => setMaking((m) => (m ? { ...m, examples: m.examples.filter((_, j) => j !== i) } : m))}
      />
    </Panel>
  );
}
