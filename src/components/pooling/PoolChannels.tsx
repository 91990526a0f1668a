import { memo, useMemo } from 'react';
import { t } from '../../i18n';
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
        name: names[i] ?? t('conv.input.channel', { n: String(i) }),
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
      title={t('pool.channels.title', { c: String(c) })}
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
                  { name: t('pool.channels.csvMax', { name: r.name }), values: r.max, w: ow, h: oh },
                  { name: t('pool.channels.csvAvg', { name: r.name }), values: r.avg, w: ow, h: oh },
                ]),
              ),
              'pooled-channels.csv',
            )
          }
        >
          {t('conv.map.csv')}
        </button>
      }
    >
      <p className="conv-words small">{t('pool.channels.words')}</p>
      <div className="pool-channels">
        {rows.map((r, i) => (
          <figure key={r.name} className={`conv-bank-item${i === following ? ' is-chosen' : ''}`}>
            <figcaption>
              <b>{r.name}</b>
              {i === following ? t('pool.channels.followed') : ''}
              {t('pool.channels.sizes', { h: String(h), w: String(w), oh: String(oh), ow: String(ow) })}
            </figcaption>
            <div className="pool-channels-row">
              <Mini
                label={t('pool.channels.in')}
                values={r.src}
                w={w}
                h={h}
                px={srcPx}
                scale={scale}
                what={t('pool.channels.inLabel', { name: r.name })}
              />
              <span aria-hidden="true">→</span>
              <Mini
                label={t('pool.channels.max')}
                values={r.max}
                w={ow}
                h={oh}
                px={outPx}
                scale={scale}
                what={t('pool.channels.maxLabel', { name: r.name })}
              />
              <Mini
                label={t('pool.channels.avg')}
                values={r.avg}
                w={ow}
                h={oh}
                px={outPx}
                scale={scale}
                what={t('pool.channels.avgLabel', { name: r.name })}
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
