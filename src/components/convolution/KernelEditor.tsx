import { memo, useMemo } from 'react';
import { t } from '../../i18n';
import { chooseScale, cssColorOf, textColorOn } from '../canvas/colorScales';
import { parseNumber } from '../../state/convParams';
import { fmtNum } from './format';

type KernelEditorProps = {
  values: ArrayLike<number>;
  size: number;
  onChange: (index: number, value: number) => void;
  onError: (message: string | null) => void;
  label: string;
  cellPx: number;
};

/**
 * The kernel as a grid of editable numbers (click a cell, type, press Enter or leave the cell).
 * Cells are coloured with the same diverging scale as the maps; the cell under the current step's
 * focus is outlined. A typed value that is not a number is refused and the cell keeps its value.
 */
function KernelEditorView({ values, size, onChange, onError, label, cellPx }: KernelEditorProps) {
  const scale = useMemo(() => chooseScale(Array.from(values).concat([-1e-9])), [values]);
  const cells = [];
  for (let i = 0; i < size * size; i++) {
    const v = values[i] ?? 0;
    const commit = (el: HTMLInputElement) => {
      const parsed = parseNumber(el.value);
      if (parsed === null || Math.abs(parsed) > 1000) {
        onError(
          t('conv.kernel.badCell', {
            row: String(Math.floor(i / size)),
            col: String(i % size),
            text: el.value,
            value: fmtNum(v),
          }),
        );
        el.value = fmtNum(v);
        return;
      }
      onError(null);
      if (parsed !== v) onChange(i, parsed);
    };
    cells.push(
      <input
        key={`${i}:${v}`}
        className="conv-kcell"
        defaultValue={fmtNum(v)}
        inputMode="decimal"
        aria-label={t('conv.kernel.cellLabel', {
          label,
          row: String(Math.floor(i / size)),
          col: String(i % size),
        })}
        data-testid={`kcell-${i}`}
        style={{
          background: cssColorOf(v, scale),
          color: textColorOn(v, scale),
          width: cellPx,
          height: cellPx,
        }}
        onFocus={(e) => e.target.select()}
        onBlur={(e) => commit(e.target)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit(e.currentTarget);
          if (e.key === 'Escape') e.currentTarget.value = fmtNum(v);
        }}
      />,
    );
  }
  return (
    <div
      className="conv-kgrid"
      style={{ gridTemplateColumns: `repeat(${size}, ${cellPx}px)` }}
      role="group"
      aria-label={label}
    >
      {cells}
    </div>
  );
}

/**
 * Re-renders only when the numbers, size or look change. The callbacks are left out on purpose: the
 * parent's callbacks act on the weights shown, so one from a render with equal weights does the same
 * thing, and comparing them would re-render every cell on each URL change (a bias change, say).
 */
function sameKernel(a: KernelEditorProps, b: KernelEditorProps): boolean {
  if (a.size !== b.size || a.cellPx !== b.cellPx || a.label !== b.label) return false;
  if (a.values.length !== b.values.length) return false;
  for (let i = 0; i < a.values.length; i++) if (a.values[i] !== b.values[i]) return false;
  return true;
}

export const KernelEditor = memo(KernelEditorView, sameKernel);
