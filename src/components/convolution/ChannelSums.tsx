import { memo, useMemo } from 'react';
import { t } from '../../i18n';
import {
  conv2dChannelSums,
  convGeometry,
  type ConvKernel,
  type ConvParams,
  type MapStack,
} from '../../engine';
import { chooseSharedScale } from '../canvas/colorScales';
import { ColorLegend } from '../canvas/ColorLegend';
import { ExportMenu } from '../ui';
import { Heatmap } from '../canvas/Heatmap';
import { Panel } from '../canvas/Panel';
import { fitCell } from './MapPanel';
import { fmtNum } from './format';

/**
 * For a multi-channel input: what the kernel finds in each channel separately, and how those maps
 * add up (plus the bias) to the single map the filter produces.
 */
export const ChannelSums = memo(function ChannelSums({
  input,
  kernel,
  filter,
  params,
  channelNames,
}: {
  input: MapStack;
  kernel: ConvKernel;
  /** Which filter of the kernel to take apart. */
  filter: number;
  params: ConvParams;
  channelNames: string[];
}) {
  const { stride, padding, dilation } = params;
  // The per-channel sums do not depend on the bias or the activation, so a bias change reuses them.
  const maps = useMemo(
    () =>
      conv2dChannelSums(input, kernel, { stride, padding, dilation, bias: 0, activation: 'none' }, filter),
    [input, kernel, stride, padding, dilation, filter],
  );
  const bias = typeof params.bias === 'number' ? params.bias : (params.bias[filter] ?? 0);
  const total = useMemo(() => {
    const sum = new Float32Array(maps[0]?.length ?? 0);
    for (const m of maps) for (let i = 0; i < sum.length; i++) sum[i] = (sum[i] ?? 0) + (m[i] ?? 0);
    for (let i = 0; i < sum.length; i++) sum[i] = (sum[i] ?? 0) + bias;
    return sum;
  }, [maps, bias]);
  const scale = useMemo(() => chooseSharedScale([...maps, total]), [maps, total]);
  const g = convGeometry(input, kernel, params);
  const oh = g.h.outSize;
  const ow = g.w.outSize;
  const cellPx = fitCell(ow, oh, 130, 12);
  return (
    <Panel
      title={t('conv.sums.title', { n: String(maps.length) })}
      shape={`${maps.length} × ${oh}×${ow} → ${oh}×${ow}`}
      testId="channel-sums"
      actions={
        <ExportMenu
          what={t('conv.sums.title', { n: String(maps.length) })}
          testId="channel-sums"
          csv={{
            maps: () => [
              ...maps.map((values, i) => ({
                name: channelNames[i] ?? t('conv.input.channel', { n: String(i) }),
                values,
              })),
              { name: t('conv.sums.sumName'), values: total },
            ],
            w: ow,
            h: oh,
            filename: 'channel-sums.csv',
          }}
        />
      }
    >
      <div className="conv-chrow">
        {maps.map((values, i) => (
          <figure key={i} className="conv-bank-item">
            <Heatmap
              values={values}
              w={ow}
              h={oh}
              scale={scale}
              cellPx={cellPx}
              label={t('conv.sums.channelMap', { channel: channelNames[i] ?? '' })}
            />
            <figcaption>
              {i > 0 ? '+ ' : ''}
              {channelNames[i]}
            </figcaption>
          </figure>
        ))}
        <div className="conv-op">{t('conv.sums.plusBias', { bias: fmtNum(bias) })}</div>
        <figure className="conv-bank-item">
          <Heatmap
            values={total}
            w={ow}
            h={oh}
            scale={scale}
            cellPx={cellPx}
            label={t('conv.sums.totalLabel')}
          />
          <figcaption>{t('conv.sums.totalCaption')}</figcaption>
        </figure>
        <ColorLegend scale={scale} width={140} />
      </div>
    </Panel>
  );
});
