import { memo, useMemo } from 'react';
import { channelPlane, type MapStack } from '../../engine';
import type { ColorScale } from '../canvas/colorScales';
import { ColorLegend } from '../canvas/ColorLegend';
import { downloadCsv, mapsToCsv } from '../canvas/download';
import { Heatmap } from '../canvas/Heatmap';
import { Panel } from '../canvas/Panel';
import { fitCell } from '../convolution/MapPanel';

/**
 * A colour picture is pooled channel by channel: red stays with red, green with green. This shows
 * every channel before and after (max and average), so the shape change H×W×C → H'×W'×C is visible.
 */
export const PoolChannels = memo(function PoolChannels({
  source,
  max,
  avg,
  names,
  following,
  scale,
}: {
  source: MapStack;
  max: MapStack;
  avg: MapStack;
  names: string[];
  following: number;
  scale: ColorScale;
}) {
  const [h, w, c] = source.shape;
  const [oh, ow] = max.shape;
  const rows = useMemo(
    () =>
      Array.from({ length: c }, (_, i) => ({
        name: names[i] ?? `channel ${i}`,
        src: channelPlane(source, i),
        max: channelPlane(max, i),
        avg: channelPlane(avg, i),
      })),
    [source, max, avg, names, c],
  );
  const srcPx = fitCell(w, h, 112, 10);
  const outPx = fitCell(ow, oh, 112, 14);
  return (
    <Panel
      title={`Every channel pooled on its own: ${c} channels in, ${c} channels out`}
      shape={`${h}×${w}×${c} → ${oh}×${ow}×${c}`}
      testId="pool-channels"
      actions={
        <button
          type="button"
          className="secondary"
          onClick={() =>
            downloadCsv(
              mapsToCsv(
                rows.flatMap((r) => [
                  { name: `${r.name} max`, values: r.max, w: ow, h: oh },
                  { name: `${r.name} avg`, values: r.avg, w: ow, h: oh },
                ]),
              ),
              'pooled-channels.csv',
            )
          }
        >
          CSV
        </button>
      }
    >
      <p className="conv-words small">
        Pooling never mixes channels: the window takes the max (or average) of the red numbers for the red
        output, of the green numbers for the green output, and so on. Only the width and height shrink.
      </p>
      <div className="pool-channels">
        {rows.map((r, i) => (
          <figure key={r.name} className={`conv-bank-item${i === following ? ' is-chosen' : ''}`}>
            <figcaption>
              <b>{r.name}</b>
              {i === following ? ' (followed above)' : ''} · {h}×{w} → {oh}×{ow}
            </figcaption>
            <div className="pool-channels-row">
              <Mini
                label="in"
                values={r.src}
                w={w}
                h={h}
                px={srcPx}
                scale={scale}
                what={`${r.name} channel`}
              />
              <span aria-hidden="true">→</span>
              <Mini
                label="max"
                values={r.max}
                w={ow}
                h={oh}
                px={outPx}
                scale={scale}
                what={`${r.name}, max pooled`}
              />
              <Mini
                label="avg"
                values={r.avg}
                w={ow}
                h={oh}
                px={outPx}
                scale={scale}
                what={`${r.name}, average pooled`}
              />
            </div>
          </figure>
        ))}
        <ColorLegend scale={scale} width={140} />
      </div>
    </Panel>
  );
});

function Mini(p: {
  label: string;
  values: Float32Array;
  w: number;
  h: number;
  px: number;
  scale: ColorScale;
  what: string;
}) {
  return (
    <div className="pool-channels-map">
      <Heatmap values={p.values} w={p.w} h={p.h} scale={p.scale} cellPx={p.px} label={p.what} />
      <span>{p.label}</span>
    </div>
  );
}
