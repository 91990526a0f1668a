import { memo, useMemo } from 'react';
import { channelPlane, type MapStack } from '../../engine';
import { chooseSharedScale } from '../canvas/colorScales';
import { ColorLegend } from '../canvas/ColorLegend';
import { downloadCanvasPng, downloadCsv, mapsToCsv } from '../canvas/download';
import { Heatmap } from '../canvas/Heatmap';
import { Panel } from '../canvas/Panel';
import { fitCell } from './MapPanel';

/**
 * Every filter's activation map side by side (one shared colour scale, so they can be compared),
 * and the same stack drawn as a volume with its tensor shape, N × H × W × C.
 */
export const FilterBank = memo(function FilterBank({
  output,
  names,
  onCount,
  count,
}: {
  output: MapStack;
  names: string[];
  count: number;
  onCount: (n: number) => void;
}) {
  const [h, w, c] = output.shape;
  const planes = useMemo(() => Array.from({ length: c }, (_, i) => channelPlane(output, i)), [output, c]);
  const scale = useMemo(() => chooseSharedScale(planes), [planes]);
  const cellPx = fitCell(w, h, c > 8 ? 92 : 120, 12);
  return (
    <Panel
      title={`Filter bank · ${c} filter${c > 1 ? 's' : ''} → ${c} activation map${c > 1 ? 's' : ''}`}
      shape={`1×${h}×${w}×${c}`}
      testId="filter-bank"
      className="conv-bank"
      actions={
        <>
          <label className="conv-inline">
            filters{' '}
            <select
              value={count}
              onChange={(e) => onCount(Number(e.target.value))}
              aria-label="Number of filters"
            >
              {[1, 2, 4, 6, 8, 12, 16].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="secondary"
            onClick={() =>
              downloadCsv(
                mapsToCsv(planes.map((values, i) => ({ name: names[i] ?? `filter ${i}`, values, w, h }))),
                'filter-bank.csv',
              )
            }
          >
            CSV
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() =>
              downloadCanvasPng(
                document.querySelector<HTMLElement>('[data-testid="filter-bank"]'),
                'filter-bank.png',
              )
            }
          >
            PNG
          </button>
        </>
      }
    >
      <div className="conv-bank-body">
        <div className="conv-bank-grid">
          {planes.map((values, i) => (
            <figure key={i} className="conv-bank-item">
              <Heatmap
                values={values}
                w={w}
                h={h}
                scale={scale}
                cellPx={cellPx}
                label={names[i] ?? `filter ${i}`}
              />
              <figcaption>
                {i + 1}. {names[i]}
              </figcaption>
            </figure>
          ))}
        </div>
        <div
          className="conv-volume"
          aria-label={`The stack as a 4-D tensor: 1 image × ${h} rows × ${w} columns × ${c} channels`}
        >
          <div className="conv-volume-stack" style={{ height: 70 + Math.min(c, 16) * 5 }}>
            {planes.slice(0, 16).map((_, i) => (
              <div
                key={i}
                className="conv-volume-slab"
                style={{ left: i * 5, top: (Math.min(c, 16) - 1 - i) * 5 }}
              />
            ))}
          </div>
          <p>
            <b>
              N×H×W×C = 1×{h}×{w}×{c}
            </b>
            <br />1 image (N), {h} rows (H), {w} columns (W), one channel (C) per filter. Computers store
            pictures as these 4-D blocks of numbers (tensors).
          </p>
          <ColorLegend scale={scale} width={150} />
        </div>
      </div>
    </Panel>
  );
});
