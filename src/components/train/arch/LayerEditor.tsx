import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  analyzeSpec,
  defaultLayer,
  formatArch,
  LAYER_KINDS,
  layerNames,
  mnistSpec,
  type ModelSpec,
  presetLayers,
  PRESET_ARCH,
  PRESET_IDS,
  SPEC_LIMITS,
  type Arithmetic,
  type LayerKind,
  type LayerSpec,
  type PresetId,
} from '../../../engine';
import { t, tn, tx } from '../../../i18n';
import { useTrainWords } from '../trainWords';
import { Select } from '../../ui';
import { LayerRowEditor, RowMaths } from './LayerRowEditor';
import { memoryBudgetMB, trainingMemoryMB } from './estimate';
import type { TimeEstimateText } from './useTimeEstimate';
import './layerEditor.css';

type Props = {
  /** The network Train uses now (always one that works). */
  layers: LayerSpec[];
  /** Why the link's `arch` was refused, if it was (the previous network stays). */
  archError: string | null;
  batchSize: number;
  busy: boolean;
  /** Called only with a stack that works; a broken draft stays here, refused at its layer. */
  onChange: (layers: LayerSpec[]) => void;
  /** The dataset's picture size and class count (MNIST's 28×28×1 and ten when absent). */
  input?: Pick<ModelSpec, 'inputShape' | 'classes'>;
  /** The run's training time on this computer (see useTimeEstimate), once it can be said. */
  timeEstimate?: TimeEstimateText | null;
  epochs?: number;
};

const fmt = (n: number) => n.toLocaleString('en-US');

/** How long typing may pause before the rest of the page takes the edited network (see commit). */
const HAND_OVER_MS = 250;

/**
 * The layer editor: a vertical stack from the digit to the answer. Every field is a native control
 * (keyboard, touch, screen reader); Alt+↑/↓ moves the layer the focus is in. The arithmetic beside each
 * layer is worked out on every edit (pure maths on a few dozen numbers, well inside a frame).
 */
export const LayerEditor = memo(function LayerEditor({
  layers,
  archError,
  batchSize,
  busy,
  onChange,
  input,
  timeEstimate = null,
  epochs = 1,
}: Props) {
  const nouns = useTrainWords();
  // The stack checked against what this dataset feeds in and asks for.
  const specOf = useCallback(
    (l: LayerSpec[]): ModelSpec => (input ? { ...mnistSpec(l), ...input } : mnistSpec(l)),
    [input],
  );
  // A stack that does not work yet stays a draft here; the page keeps training the last good one.
  const [draft, setDraft] = useState<LayerSpec[] | null>(null);
  // A working stack just edited, shown here before the page has taken it (see commit).
  const [pending, setPending] = useState<LayerSpec[] | null>(null);
  const [addKind, setAddKind] = useState<LayerKind>('conv');
  const taken = pending ?? layers;
  const shown = draft ?? taken;
  // The page caught up with the edit (or a link changed the network): show what it has.
  useEffect(() => {
    setPending((p) => (p && formatArch(p) === formatArch(layers) ? null : p));
  }, [layers]);
  const latestOnChange = useRef(onChange);
  latestOnChange.current = onChange;
  const handOver = useRef<{ frame: number; timer: number } | null>(null);
  useEffect(
    () => () => {
      if (!handOver.current) return;
      cancelAnimationFrame(handOver.current.frame);
      clearTimeout(handOver.current.timer);
    },
    [],
  );
  // Where the keyboard goes once the stack has re-rendered after a move or an add.
  const focusNext = useRef<{ index: number; button?: 'up' | 'down' } | null>(null);
  useEffect(() => {
    const want = focusNext.current;
    if (!want) return;
    const row = document.querySelector<HTMLElement>(`[data-testid="layer-${want.index}"]`);
    if (!row) return;
    focusNext.current = null;
    const button = want.button
      ? row.querySelector<HTMLElement>(`[data-testid="layer-${want.index}-${want.button}"]:not(:disabled)`)
      : null;
    const field = row.querySelector<HTMLElement>('.arch-fields input, .arch-fields select');
    const any = row.querySelector<HTMLElement>('button:not(:disabled)');
    (button ?? field ?? any)?.focus();
  }, [shown]);
  const names = useMemo(() => layerNames(shown), [shown]);
  const result = useMemo(() => analyzeSpec(specOf(shown)), [shown, specOf]);
  const current = useMemo<Arithmetic | null>(() => {
    const r = analyzeSpec(specOf(taken));
    return r.ok ? r.value : null;
  }, [taken, specOf]);
  const presetNow: PresetId | '' = PRESET_IDS.find((id) => PRESET_ARCH[id] === formatArch(taken)) ?? '';

  // The new numbers are painted first, from this panel alone; the page (link, time estimate, code,
  // every other panel) takes the network after that frame. Handing it over in the same event re-rendered
  // the whole Train area before the paint (28 ms median on the 2-core machine, `editor` benchmark), so
  // a typed filter count took several frames to show. Only the latest edit is handed over.
  const commit = useCallback(
    (next: LayerSpec[]) => {
      if (!analyzeSpec(specOf(next)).ok) {
        setDraft(next);
        return;
      }
      setDraft(null);
      setPending(next);
      if (handOver.current) {
        cancelAnimationFrame(handOver.current.frame);
        clearTimeout(handOver.current.timer);
      }
      const h = { frame: 0, timer: 0 };
      h.frame = requestAnimationFrame(() => {
        h.timer = window.setTimeout(() => {
          handOver.current = null;
          latestOnChange.current(next);
        }, HAND_OVER_MS);
      });
      handOver.current = h;
    },
    [specOf],
  );
  // The rows' callbacks read the stack through a ref, so they stay the same and an edit re-renders only
  // the rows whose numbers changed (LayerRowEditor is memoised).
  const shownRef = useRef(shown);
  shownRef.current = shown;
  const onLayer = useCallback(
    (i: number, l: LayerSpec) => commit(shownRef.current.map((x, j) => (j === i ? l : x))),
    [commit],
  );
  const onMove = useCallback(
    (i: number, by: -1 | 1) => {
      const now = shownRef.current;
      const j = i + by;
      if (j < 0 || j >= now.length) return;
      const next = now.slice();
      [next[i], next[j]] = [next[j] as LayerSpec, next[i] as LayerSpec];
      commit(next);
      // Keep the keyboard on the moved layer.
      focusNext.current = { index: j, button: by < 0 ? 'up' : 'down' };
    },
    [commit],
  );
  const onRemove = useCallback((i: number) => commit(shownRef.current.filter((_, j) => j !== i)), [commit]);
  const onAdd = () => {
    if (shown.length >= SPEC_LIMITS.layers) return;
    // New map layers go before the first dense layer (after it there is no map left to work on).
    const firstDense = shown.findIndex((l) => l.kind === 'dense');
    const mapKind = addKind === 'conv' || addKind === 'maxpool' || addKind === 'avgpool';
    const at = mapKind && firstDense >= 0 ? firstDense : shown.length;
    commit([...shown.slice(0, at), defaultLayer(addKind), ...shown.slice(at)]);
    focusNext.current = { index: at };
  };

  const broken = result.ok ? null : result.problem;
  const rowsByIndex = new Map((result.ok ? result.value.rows : []).map((r) => [r.index, r]));
  const outputRow = result.ok ? result.value.rows[result.value.rows.length - 1] : undefined;
  const memory = current ? trainingMemoryMB(current, batchSize) : null;
  const tooBig = memory !== null && memory > memoryBudgetMB();

  return (
    <section className="arch-editor panel" aria-labelledby="arch-editor-title" data-testid="layer-editor">
      <h2 className="panel-title" id="arch-editor-title">
        {t('arch.editor.title')}
        <span className="shape">{formatArch(taken)}</span>
      </h2>
      <p className="train-note">{t('arch.editor.note', nouns)}</p>
      {archError && (
        <p className="message error" role="alert" data-testid="arch-error">
          {t('arch.editor.linkRefused', { reason: archError })}
        </p>
      )}
      <Select
        className="arch-preset"
        label={t('arch.editor.preset')}
        value={presetNow}
        placeholder={t('arch.editor.presetChoose')}
        disabled={busy}
        testId="arch-preset"
        options={PRESET_IDS.map((id) => ({ value: id, label: tx(`arch.editor.presets.${id}`) }))}
        onChange={(id) => commit(presetLayers(id))}
      />
      <ol className="arch-stack" aria-label={t('arch.editor.title')}>
        <li className="arch-row arch-fixed">
          {t('arch.editor.input', { ...nouns, shape: (input?.inputShape ?? [28, 28, 1]).join('×') })}
        </li>
        {shown.map((l, i) => (
          <LayerRowEditor
            key={i}
            layer={l}
            index={i}
            count={shown.length}
            name={names[i] ?? l.kind}
            row={rowsByIndex.get(i) ?? null}
            problem={broken?.index === i ? broken.message : null}
            unknown={broken !== null && i > broken.index}
            disabled={busy}
            onChange={onLayer}
            onMove={onMove}
            onRemove={onRemove}
          />
        ))}
        <li className="arch-row arch-fixed" data-testid="layer-output">
          <div className="arch-row-name">{t('arch.editor.output', nouns)}</div>
          {outputRow && <RowMaths row={outputRow} />}
        </li>
      </ol>
      <p className="train-note">{t('arch.editor.keys')}</p>
      <div className="arch-add">
        <Select
          label={t('arch.editor.addKind')}
          value={addKind}
          disabled={busy}
          testId="add-kind"
          options={LAYER_KINDS.map((k) => ({ value: k, label: tx(`arch.editor.kinds.${k}`) }))}
          onChange={setAddKind}
        />
        <button
          type="button"
          disabled={busy || shown.length >= SPEC_LIMITS.layers}
          data-testid="add-layer"
          onClick={onAdd}
        >
          {t('arch.editor.add')}
        </button>
      </div>
      {broken && current && (
        <p className="message" role="status">
          {t('arch.editor.kept', { n: fmt(current.totals.params) })}
        </p>
      )}
      {tooBig && memory !== null && (
        <p className="message error" role="alert" data-testid="arch-too-big">
          {t('arch.editor.tooBig', { mb: fmt(Math.round(memory)) })}
        </p>
      )}
      {current && (
        <dl className="arch-totals">
          <div>
            <dt>{t('arch.editor.totalParams')}</dt>
            <dd data-testid="param-count">{current.totals.params}</dd>
          </div>
          <div>
            <dt>{t('arch.editor.totalMacs', nouns)}</dt>
            <dd>{fmt(current.totals.macs)}</dd>
          </div>
          {memory !== null && (
            <div>
              <dt>{t('arch.editor.totalMemory', { batch: batchSize })}</dt>
              <dd>{t('arch.editor.mb', { n: memory < 10 ? memory.toFixed(1) : fmt(Math.round(memory)) })}</dd>
            </div>
          )}
          {timeEstimate && (
            <div>
              <dt>{tn('arch.editor.totalTime', epochs)}</dt>
              <dd data-testid="time-estimate" data-state={timeEstimate.state}>
                {timeEstimate.text}
                {timeEstimate.detail && <span className="arch-total-detail">{timeEstimate.detail}</span>}
              </dd>
            </div>
          )}
        </dl>
      )}
    </section>
  );
});
