import { useMemo } from 'react';
import { formatHash } from '../../../state/hashRoute';
import { conv2d, grid, KERNELS } from '../../../demos/lessons/shared/gridMath';
import { digitPixels } from '../../../engine';
import { t } from '../../../i18n';
import { ColorLegend } from '../../canvas/ColorLegend';
import { chooseSharedScale, kernelScale } from '../../canvas/colorScales';
import { Heatmap } from '../../canvas/Heatmap';
import { DigitMap, LearnMain, MapFigure } from './parts';
import {
  LearnPanel,
  str,
  useLearnPresentBig,
  useLearnPresenting,
  useMnistTest,
  type PanelProps,
} from './common';
import { LENET_GRID_ASPECT, LenetGrid } from './LenetGrid';
import { explorerHref } from './FilterPanels';

export type LenetRow = {
  key: 'input' | 'conv1' | 'pool1' | 'conv2' | 'pool2' | 'flatten' | 'dense1' | 'dense2' | 'output';
  shape: string;
  params: number;
  group: 'conv' | 'dense' | 'io';
  hw: number;
  c: number;
};

export const LENET_ROWS: readonly LenetRow[] = [
  { key: 'input', shape: '28×28×1', params: 0, group: 'io', hw: 28, c: 1 },
  { key: 'conv1', shape: '28×28×6', params: 6 * (5 * 5 * 1 + 1), group: 'conv', hw: 28, c: 6 },
  { key: 'pool1', shape: '14×14×6', params: 0, group: 'conv', hw: 14, c: 6 },
  { key: 'conv2', shape: '10×10×16', params: 16 * (5 * 5 * 6 + 1), group: 'conv', hw: 10, c: 16 },
  { key: 'pool2', shape: '5×5×16', params: 0, group: 'conv', hw: 5, c: 16 },
  { key: 'flatten', shape: '400', params: 0, group: 'dense', hw: 1, c: 400 },
  { key: 'dense1', shape: '120', params: 400 * 120 + 120, group: 'dense', hw: 1, c: 120 },
  { key: 'dense2', shape: '84', params: 120 * 84 + 84, group: 'dense', hw: 1, c: 84 },
  { key: 'output', shape: '10', params: 84 * 10 + 10, group: 'dense', hw: 1, c: 10 },
];

const FOCUS = ['all', 'conv', 'dense', 'params'] as const;

/** LeNet-5 as a row of blocks sized by their maps, and a table of shapes and weight counts. */
export function LenetPanel({ params }: PanelProps) {
  const focus = str(params, 'focus', FOCUS, 'all');
  const hide = params.hide !== undefined;
  // On a projector the row of nine blocks (4:1) is redrawn three a row, to fill the panel's height.
  const big = useLearnPresentBig();
  // Presented on a smaller screen the row stays, its shapes enlarged (usePresentSvgText): on three
  // staggered rows of labels, as two they ran together at 1024×768 ("28×28×114×14×6") and, where the
  // enlarger found them overlapping, stayed at 5–7 px on a tablet.
  const labelRows = useLearnPresenting() ? 3 : 2;
  const labelY = labelRows === 3 ? [142, 174, 206] : [132, 160];
  const height = labelRows === 3 ? 214 : 168;
  const total = LENET_ROWS.reduce((a, r) => a + r.params, 0);
  const lit = (r: LenetRow) => focus === 'all' || focus === 'params' || r.group === focus || r.group === 'io';
  // A question's panel hides the shapes its questions ask about (conv2's width, the number of outputs).
  const shapeOf = (r: LenetRow) =>
    hide && r.key === 'conv2' ? '?×?×16' : hide && r.key === 'output' ? '?' : r.shape;
  return (
    <LearnPanel
      title={t('panels.lenetTitle')}
      shape={`${total.toLocaleString('en-US')} ${t('panels.params').toLowerCase()}`}
    >
      {big ? (
        <LearnMain aspect={LENET_GRID_ASPECT}>
          <LenetGrid rows={LENET_ROWS} lit={lit} shapeOf={shapeOf} showParams={focus === 'params'} />
        </LearnMain>
      ) : (
        <LearnMain aspect={700 / height}>
          <svg
            className="learn-svg"
            width={700}
            viewBox={`0 0 700 ${height}`}
            role="img"
            aria-label={LENET_ROWS.map((r) => `${t(`panels.layers.${r.key}`)}: ${shapeOf(r)}`).join('; ')}
          >
            {LENET_ROWS.map((r, i) => {
              const h = r.hw > 1 ? 20 + r.hw * 3.4 : Math.min(110, 12 + r.c / 4);
              const w = r.hw > 1 ? 10 + Math.min(r.c, 16) * 2.2 : 14;
              const cx = 40 + i * 77;
              return (
                <g key={r.key} opacity={lit(r) ? 1 : 0.3}>
                  <rect
                    x={cx - w / 2}
                    y={62 - h / 2}
                    width={w}
                    height={h}
                    fill={r.group === 'conv' ? '#fddbc7' : r.group === 'dense' ? '#d1e5f0' : '#fff'}
                    stroke="#111418"
                  />
                  {i > 0 && (
                    <text x={cx - 38} y={66} fontSize="14" textAnchor="middle" fill="#3b4450">
                      →
                    </text>
                  )}
                  {/* Shapes on staggered rows (two, three when presented): enlarged for a projector
                    (usePresentSvgText), a shape such as 10×10×16 is wider than one block's step and
                    would run into its neighbour's; the first starts at the drawing's edge so it is not
                    cut there. */}
                  <text
                    x={i === 0 ? 4 : cx}
                    y={labelY[i % labelRows]}
                    fontSize="12"
                    textAnchor={i === 0 ? 'start' : 'middle'}
                    fill="#111418"
                  >
                    {shapeOf(r)}
                  </text>
                </g>
              );
            })}
          </svg>
        </LearnMain>
      )}
      {/* Its roles written out: presented on a phone its rows are laid out as grids (layout.css), and a
          table whose display is changed can lose its table role in some browsers. */}
      <table className="learn-table" role="table">
        <thead role="rowgroup">
          <tr role="row">
            <th scope="col" role="columnheader">
              {t('panels.layer')}
            </th>
            <th scope="col" role="columnheader">
              {t('panels.shape')}
            </th>
            {focus === 'params' && (
              <th scope="col" role="columnheader">
                {t('panels.params')}
              </th>
            )}
          </tr>
        </thead>
        <tbody role="rowgroup">
          {LENET_ROWS.map((r) => (
            <tr key={r.key} role="row" className={lit(r) ? 'learn-lit' : 'learn-dim'}>
              <td role="cell">{t(`panels.layers.${r.key}`)}</td>
              <td role="cell">{shapeOf(r)}</td>
              {focus === 'params' && (
                <td role="cell" className="learn-num">
                  {r.params.toLocaleString('en-US')}
                </td>
              )}
            </tr>
          ))}
          {focus === 'params' && (
            <tr role="row">
              <th scope="row" role="rowheader">
                {t('panels.total')}
              </th>
              <td role="cell" />
              <td role="cell" className="learn-num">
                {total.toLocaleString('en-US')}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </LearnPanel>
  );
}

/** Training happens inside lesson 10 itself (TrainMiniPanel); these links lead on to the other areas. */
const WHICH = ['draw', 'explore'] as const;

/** Where the next thing happens: a prepared link into another area. */
export function AreaLinksPanel({ params }: PanelProps) {
  const which = str(params, 'which', WHICH, 'draw');
  const href = which === 'draw' ? formatHash('draw') : explorerHref(0, KERNELS.vertical);
  const preview = useLearnPresentBig() && which === 'explore';
  return (
    <LearnPanel title={t(`panels.links.${which}.title`)}>
      {preview && <ExplorerPreview />}
      <p className="learn-big">{t(`panels.links.${which}.text`)}</p>
      <p>
        <a className="learn-go" href={href} data-testid="area-link">
          {t(`panels.links.${which}.go`)} →
        </a>
      </p>
      {/* The link written out, for a desk (a class cannot read an encoded address off a projector). */}
      <p className="learn-muted learn-link-code">
        <code>{href}</code>
      </p>
    </LearnPanel>
  );
}

/**
 * What the explorer link opens, computed here with the lessons' own convolution: test digit #0 and the
 * map the vertical-line filter makes of it (the map the explorer fills in as the filter slides). Shown
 * on a projector, where a bare link left the screen without a picture; the map is the main picture.
 */
function ExplorerPreview() {
  const mnist = useMnistTest();
  const out = useMemo(
    () =>
      mnist.state === 'ready' ? conv2d(grid(28, 28, digitPixels(mnist.set, 0)), KERNELS.vertical, 3) : null,
    [mnist],
  );
  if (mnist.state !== 'ready' || !out) return null;
  const scale = chooseSharedScale([out.values]);
  return (
    <>
      <MapFigure
        main
        {...out}
        scale={scale}
        cellPx={8}
        label={t('panels.links.explore.output')}
        caption={`${t('panels.mapTitle', { name: t('panels.filterNames.vertical') })} · 26×26`}
      >
        <ColorLegend scale={scale} />
      </MapFigure>
      <figure className="learn-figure">
        <DigitMap
          values={digitPixels(mnist.set, 0)}
          cellPx={6}
          label={t('panels.links.explore.digit', { index: 0 })}
        />
        <figcaption>{t('panels.links.explore.digit', { index: 0 })}</figcaption>
      </figure>
      <figure className="learn-figure">
        <Heatmap
          values={KERNELS.vertical}
          w={3}
          h={3}
          scale={kernelScale(KERNELS.vertical)}
          cellPx={40}
          label={`${t('panels.kernel')}: ${t('panels.filterNames.vertical')}`}
        />
        <figcaption>{`${t('panels.kernel')}: ${t('panels.filterNames.vertical')} · 3×3`}</figcaption>
      </figure>
    </>
  );
}
