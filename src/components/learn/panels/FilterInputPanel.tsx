import { Heatmap } from '../../canvas/Heatmap';
import { ColorLegend } from '../../canvas/ColorLegend';
import { kernelScale } from '../../canvas/colorScales';
import { KERNELS } from '../../../demos/lessons/shared/gridMath';
import { t } from '../../../i18n';
import { LearnPanel, useLearnScale } from './common';
import { MapFigure, PIXELS } from './parts';

/**
 * What goes into a bank of `n` filters, for a question about what comes out: the digit (the main
 * picture) and one of its 3×3 filters. None of the maps they make is shown, since their 26×26 would give
 * the answer away; once answered (`hide` gone) the panel says the shape that comes out.
 */
export function FilterInputPanel({ pixels, n, hide }: { pixels: Float32Array; n: number; hide: boolean }) {
  const s = useLearnScale();
  const kernel = KERNELS.vertical;
  return (
    <LearnPanel title={t('panels.filterInputTitle', { n })} shape="[1, 28, 28, 1]">
      <div className="learn-row">
        <MapFigure
          main
          values={pixels}
          w={28}
          h={28}
          scale={PIXELS}
          cellPx={Math.round(7 * s)}
          label={t('panels.input')}
        >
          <ColorLegend scale={PIXELS} />
        </MapFigure>
        <figure className="learn-figure">
          <Heatmap
            values={kernel}
            w={3}
            h={3}
            scale={kernelScale(kernel)}
            cellPx={Math.round(26 * s)}
            showNumbers
            decimals={0}
            label={t('panels.oneOfFilters', { n })}
          />
          <figcaption>{t('panels.oneOfFilters', { n })}</figcaption>
        </figure>
      </div>
      {!hide && <p className="learn-shape-line">{t('panels.volumeShape', { h: 26, w: 26, c: n })}</p>}
    </LearnPanel>
  );
}
