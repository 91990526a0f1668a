import { memo, type KeyboardEvent } from 'react';
import { SPEC_LIMITS, type LayerRow, type LayerSpec } from '../../../engine';
import { t, tx } from '../../../i18n';
import { ChoiceField, NumberField } from './NumberField';

const fmt = (n: number) => n.toLocaleString('en-US');
const range = (lo: number, hi: number) => Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
const shapeText = (s: readonly number[]) => s.join('×');

/** The arithmetic of one layer, in words: shape, parameters, multiply-adds, receptive field. */
export function RowMaths({ row }: { row: LayerRow }) {
  return (
    <div className="arch-maths">
      <strong>{t('arch.editor.outShape', { shape: shapeText(row.outShape) })}</strong>
      <span>{t('arch.editor.params', { n: fmt(row.params) })}</span>
      <span>{t('arch.editor.macs', { n: fmt(row.macs) })}</span>
      <span>
        {row.receptiveField === null
          ? t('arch.editor.seesAll')
          : t('arch.editor.sees', { n: row.receptiveField })}
      </span>
    </div>
  );
}

type Props = {
  layer: LayerSpec;
  index: number;
  count: number;
  name: string;
  row: LayerRow | null;
  problem: string | null;
  /** A layer above breaks, so this one has no numbers. */
  unknown: boolean;
  disabled: boolean;
  onChange: (index: number, layer: LayerSpec) => void;
  onMove: (index: number, by: -1 | 1) => void;
  onRemove: (index: number) => void;
};

/** One editable layer: its fields, its arithmetic (or why it breaks), and move/remove buttons. */
export const LayerRowEditor = memo(function LayerRowEditor(p: Props) {
  const { layer, index, name, disabled } = p;
  const set = (patch: Partial<LayerSpec>) => p.onChange(index, { ...layer, ...patch } as LayerSpec);
  const L = SPEC_LIMITS;
  const square = (n: number) => t('arch.editor.square', { n });
  const act = (v: string) => tx(`arch.editor.activation.${v}`);
  const onKeyDown = (e: KeyboardEvent<HTMLLIElement>) => {
    if (disabled) return;
    if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      e.preventDefault();
      p.onMove(index, e.key === 'ArrowUp' ? -1 : 1);
    }
  };
  const tid = (field: string) => `layer-${index}-${field}`;
  return (
    <li
      className={`arch-row${p.problem ? ' bad' : ''}`}
      data-testid={`layer-${index}`}
      data-kind={layer.kind}
      onKeyDown={onKeyDown}
    >
      <div className="arch-row-head">
        <span className="arch-row-name">
          {name} · {tx(`arch.editor.kinds.${layer.kind}`)}
        </span>
        <span className="arch-row-buttons">
          <button
            type="button"
            className="secondary arch-icon"
            disabled={disabled || index === 0}
            aria-label={t('arch.editor.moveUp', { name })}
            title={t('arch.editor.moveUp', { name })}
            data-testid={tid('up')}
            onClick={() => p.onMove(index, -1)}
          >
            ↑
          </button>
          <button
            type="button"
            className="secondary arch-icon"
            disabled={disabled || index === p.count - 1}
            aria-label={t('arch.editor.moveDown', { name })}
            title={t('arch.editor.moveDown', { name })}
            data-testid={tid('down')}
            onClick={() => p.onMove(index, 1)}
          >
            ↓
          </button>
          <button
            type="button"
            className="secondary arch-icon"
            disabled={disabled}
            aria-label={t('arch.editor.remove', { name })}
            title={t('arch.editor.remove', { name })}
            data-testid={tid('remove')}
            onClick={() => p.onRemove(index)}
          >
            ✕
          </button>
        </span>
      </div>
      <fieldset className="arch-fields" disabled={disabled}>
        {layer.kind === 'conv' && (
          <>
            <NumberField
              label={t('arch.editor.fields.filters')}
              value={layer.filters}
              min={L.filters[0]}
              max={L.filters[1]}
              testId={tid('filters')}
              onCommit={(filters) => set({ filters })}
            />
            <ChoiceField
              label={t('arch.editor.fields.kernel')}
              value={layer.kernel}
              options={range(...L.kernel)}
              words={square}
              testId={tid('kernel')}
              onCommit={(kernel) => set({ kernel })}
            />
            <ChoiceField
              label={t('arch.editor.fields.stride')}
              value={layer.stride}
              options={range(...L.convStride)}
              words={String}
              testId={tid('stride')}
              onCommit={(stride) => set({ stride })}
            />
            <ChoiceField
              label={t('arch.editor.fields.padding')}
              value={layer.padding}
              options={['same', 'valid'] as const}
              words={(v) => tx(`arch.editor.padding.${v}`)}
              testId={tid('padding')}
              onCommit={(padding) => set({ padding })}
            />
            <ChoiceField
              label={t('arch.editor.fields.activation')}
              value={layer.activation}
              options={['relu', 'tanh', 'sigmoid', 'linear'] as const}
              words={act}
              testId={tid('activation')}
              onCommit={(activation) => set({ activation })}
            />
          </>
        )}
        {(layer.kind === 'maxpool' || layer.kind === 'avgpool') && (
          <>
            <ChoiceField
              label={t('arch.editor.fields.size')}
              value={layer.size}
              options={range(...L.poolSize)}
              words={square}
              testId={tid('size')}
              onCommit={(size) => set({ size, stride: size })}
            />
            <ChoiceField
              label={t('arch.editor.fields.stride')}
              value={layer.stride}
              options={range(...L.poolStride)}
              words={String}
              testId={tid('stride')}
              onCommit={(stride) => set({ stride })}
            />
          </>
        )}
        {layer.kind === 'dropout' && (
          <NumberField
            label={t('arch.editor.fields.rate')}
            value={Math.round(layer.rate * 100)}
            min={L.dropout[0]}
            max={L.dropout[1]}
            testId={tid('rate')}
            onCommit={(v) => set({ rate: v / 100 })}
          />
        )}
        {layer.kind === 'dense' && (
          <>
            <NumberField
              label={t('arch.editor.fields.units')}
              value={layer.units}
              min={L.units[0]}
              max={L.units[1]}
              testId={tid('units')}
              onCommit={(units) => set({ units })}
            />
            <ChoiceField
              label={t('arch.editor.fields.activation')}
              value={layer.activation}
              options={['relu', 'tanh', 'sigmoid', 'linear'] as const}
              words={act}
              testId={tid('activation')}
              onCommit={(activation) => set({ activation })}
            />
          </>
        )}
      </fieldset>
      {p.problem ? (
        <p className="arch-problem" role="alert" data-testid="layer-problem">
          <strong>{t('arch.editor.broken')}:</strong> {p.problem}
        </p>
      ) : p.row ? (
        <RowMaths row={p.row} />
      ) : (
        p.unknown && <p className="arch-maths">{t('arch.editor.after')}</p>
      )}
    </li>
  );
});
