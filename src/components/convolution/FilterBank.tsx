import { memo, useEffect, useMemo, useRef } from 'react';
import { t } from '../../i18n';
import { channelPlane, type MapStack } from '../../engine';
import { chooseScale } from '../canvas/colorScales';
import { ColorLegend } from '../canvas/ColorLegend';
import { downloadBlob } from '../canvas/download';
import { ExportMenu, Select } from '../ui';
import { Panel } from '../canvas/Panel';
import { fitCell } from './MapPanel';
import { cancelPaint, paintChannel, queuePaint } from './paintQueue';

const COUNTS = [1, 2, 4, 6, 8, 12, 16];

let paints = 0;
const versions = new WeakMap<object, number>();
/** A number per output drawn, so a test can tell which output the canvases show. */
function versionOf(output: object): number {
  let v = versions.get(output);
  if (v === undefined) versions.set(output, (v = ++paints));
  return v;
}

/**
 * Every filter's activation map side by side (one shared colour scale, so they can be compared),
 * and the same stack drawn as a volume with its tensor shape, N × H × W × C. Clicking a map makes
 * that filter the one in the sliding-window view above, where it can be edited.
 *
 * The maps are drawn in one animation-frame job; `data-version` (set at render) and `data-painted`
 * (set after the draw) let a benchmark see the moment every map of a given output is on the canvas.
 */
export const FilterBank = memo(function FilterBank({
  output,
  names,
  selected,
  onSelect,
  onCount,
}: {
  output: MapStack;
  names: string[];
  selected: number;
  onSelect: (filter: number) => void;
  onCount: (n: number) => void;
}) {
  const [h, w, c] = output.shape;
  // One scale over every map (chooseSharedScale of the planes is the same range). The maps are read
  // from the output in place: copying 16 planes out on every bias change was garbage to collect.
  const scale = useMemo(() => chooseScale(output.data), [output]);
  const version = versionOf(output);
  const cellPx = fitCell(w, h, c > 8 ? 92 : 120, 12);
  const root = useRef<HTMLElement>(null);
  const canvases = useRef<(HTMLCanvasElement | null)[]>([]);

  useEffect(() => {
    const key = canvases.current;
    queuePaint(key, () => {
      for (let i = 0; i < c; i++) {
        const canvas = key[i];
        if (canvas) paintChannel(canvas, output, i, scale);
      }
      root.current?.setAttribute('data-painted', String(version));
    });
    return () => cancelPaint(key);
  }, [output, c, scale, version]);

  // The output read when someone downloads, so the menu and the count menu are kept as they are while
  // only the maps change (a bias change re-rendered both, and React re-selected the count's option).
  const outputNow = useRef(output);
  outputNow.current = output;
  const actions = useMemo(() => {
    const savePng = () => {
      // One picture of the whole bank, each map scaled up with hard pixel edges and numbered.
      const cols = Math.min(c, 4);
      const rows = Math.ceil(c / cols);
      const cell = Math.max(4, Math.floor(160 / Math.max(w, h)));
      const gap = 24;
      const out = document.createElement('canvas');
      out.width = cols * (w * cell + gap);
      out.height = rows * (h * cell + gap);
      const ctx = out.getContext('2d');
      if (!ctx) return;
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, out.width, out.height);
      ctx.imageSmoothingEnabled = false;
      ctx.fillStyle = '#111';
      ctx.font = '600 14px system-ui, sans-serif';
      canvases.current.slice(0, c).forEach((canvas, i) => {
        if (!canvas) return;
        const x = (i % cols) * (w * cell + gap);
        const y = Math.floor(i / cols) * (h * cell + gap);
        ctx.fillText(`${i + 1}. ${names[i] ?? ''}`, x, y + 16);
        ctx.drawImage(canvas, x, y + 20, w * cell, h * cell);
      });
      out.toBlob((blob) => blob && downloadBlob(blob, 'filter-bank.png'), 'image/png');
    };
    return (
      <>
        <Select
          className="conv-inline"
          label={t('conv.bank.filters')}
          ariaLabel={t('conv.bank.count')}
          value={COUNTS.includes(c) ? c : ''}
          placeholder={String(c)}
          options={COUNTS.map((n) => ({ value: n, label: String(n) }))}
          onChange={onCount}
        />
        <ExportMenu
          what={t(c > 1 ? 'conv.bank.titleMany' : 'conv.bank.title', { c: String(c) })}
          testId="filter-bank"
          csv={{
            maps: () =>
              Array.from({ length: c }, (_, i) => ({
                name: names[i] ?? t('conv.bank.filterName', { n: String(i) }),
                values: channelPlane(outputNow.current, i),
              })),
            w,
            h,
            filename: 'filter-bank.csv',
          }}
          png={savePng}
        />
      </>
    );
  }, [c, w, h, names, onCount]);

  return (
    <Panel
      title={t(c > 1 ? 'conv.bank.titleMany' : 'conv.bank.title', { c: String(c) })}
      shape={`1×${h}×${w}×${c}`}
      testId="filter-bank"
      className="conv-bank"
      actions={actions}
    >
      <div
        className="conv-bank-body"
        ref={root as React.RefObject<HTMLDivElement>}
        data-version={version}
        data-testid="filter-bank-maps"
      >
        <BankGrid
          canvases={canvases}
          names={names}
          selected={selected}
          onSelect={onSelect}
          w={w}
          h={h}
          cellPx={cellPx}
        />
        <div
          className="conv-volume"
          aria-label={t('conv.bank.volumeLabel', { h: String(h), w: String(w), c: String(c) })}
        >
          <div className="conv-volume-stack" style={{ height: 70 + Math.min(c, 16) * 5 }}>
            {Array.from({ length: Math.min(c, 16) }, (_, i) => (
              <div
                key={i}
                className={`conv-volume-slab${i === selected ? ' is-selected' : ''}`}
                style={{ left: i * 5, top: (Math.min(c, 16) - 1 - i) * 5 }}
              />
            ))}
          </div>
          <p>
            <b>{t('conv.bank.volumeShape', { h: String(h), w: String(w), c: String(c) })}</b>
            <br />
            {t('conv.bank.volumeWords', { h: String(h), w: String(w) })}
          </p>
          <ColorLegend scale={scale} width={150} />
        </div>
      </div>
    </Panel>
  );
});

/**
 * The grid of maps. Its markup depends only on names, sizes and the selection, so a new output (a
 * bias change, say) re-renders none of it: only the canvases are repainted.
 */
const BankGrid = memo(function BankGrid({
  canvases,
  names,
  selected,
  onSelect,
  w,
  h,
  cellPx,
}: {
  canvases: React.RefObject<(HTMLCanvasElement | null)[]>;
  names: string[];
  selected: number;
  onSelect: (filter: number) => void;
  w: number;
  h: number;
  cellPx: number;
}) {
  return (
    <div className="conv-bank-grid" role="group" aria-label={t('conv.bank.gridLabel')}>
      {names.map((name, i) => (
        <button
          type="button"
          key={i}
          className={`conv-bank-item${i === selected ? ' is-selected' : ''}`}
          aria-pressed={i === selected}
          data-testid={`bank-${i}`}
          onClick={() => onSelect(i)}
          title={i === selected ? t('conv.bank.inView') : t('conv.bank.slideThis')}
        >
          <canvas
            ref={(el) => {
              canvases.current[i] = el;
            }}
            className="conv-bank-map"
            width={w}
            height={h}
            style={{ width: w * cellPx, height: h * cellPx }}
            role="img"
            aria-label={t('conv.bank.mapLabel', { n: String(i + 1), name, h: String(h), w: String(w) })}
          />
          <span className="conv-bank-caption">
            {i + 1}. {name}
            {i === selected && <b>{t('conv.bank.editing')}</b>}
          </span>
        </button>
      ))}
    </div>
  );
});
