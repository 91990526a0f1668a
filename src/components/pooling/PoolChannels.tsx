import { memo, useMemo } from 'react';
import { t, type MessageKey } from '../../i18n';
import { channelPlane, type MapStack, type PoolKind } from '../../engine';
import type { ColorScale } from '../canvas/colorScales';
import { ColorLegend } from '../canvas/ColorLegend';
import { ExportMenu } from '../ui';
import { Heatmap } from '../canvas/Heatmap';
import { Panel } from '../canvas/Panel';
import { fitCell } from '../convolution/MapPanel';
import { POOL_KINDS } from './kinds';

/** Words for each channel's two pooled maps: thumbnail caption, text alternative, CSV block name. */
const KIND_WORDS = {
  max: { caption: 'pool.channels.max', label: 'pool.channels.maxLabel', csv: 'pool.channels.csvMax' },
  avg: { caption: 'pool.channels.avg', label: 'pool.channels.avgLabel', csv: 'pool.channels.csvAvg' },
} satisfies Record<PoolKind, Record<'caption' | 'label' | 'csv', MessageKey>>;

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
        <ExportMenu
          what={t('pool.channels.title', { c: String(c) })}
          testId="pool-channels"
          csv={{
            maps: () =>
              rows.flatMap((r) =>
                POOL_KINDS.map((kind) => ({
                  name: t(KIND_WORDS[kind].csv, { name: r.name }),
                  values: r[kind],
                })),
              ),
            w: ow,
            h: oh,
            filename: 'pooled-channels.csv',
          }}
        />
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
              {POOL_KINDS.map((kind) => (
                <Mini
                  key={kind}
                  label={t(KIND_WORDS[kind].caption)}
                  values={r[kind]}
                  w={ow}
                  h={oh}
                  px={outPx}
                  scale={scale}
                  what={t(KIND_WORDS[kind].label, { name: r.name })}
                />
              ))}
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
