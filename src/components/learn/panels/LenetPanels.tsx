import { formatHash } from '../../../state/hashRoute';
import { KERNELS } from '../../../demos/lessons/shared/gridMath';
import { t } from '../../../i18n';
import { LearnMain } from './parts';
import { LearnPanel, str, useLearnPresentBig, type PanelProps } from './common';
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
        <LearnMain aspect={700 / 168}>
          <svg
            className="learn-svg"
            width={700}
            viewBox="0 0 700 168"
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
                  {/* Shapes on two staggered rows: enlarged for a projector (usePresentSvgText), a shape
                    such as 10×10×16 is wider than one block's step and would run into its neighbour's; the first starts at the
                    drawing's edge so it is not cut there. */}
                  <text
                    x={i === 0 ? 4 : cx}
                    y={i % 2 ? 160 : 132}
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
      <table className="learn-table">
        <thead>
          <tr>
            <th scope="col">{t('panels.layer')}</th>
            <th scope="col">{t('panels.shape')}</th>
            {focus === 'params' && <th scope="col">{t('panels.params')}</th>}
          </tr>
        </thead>
        <tbody>
          {LENET_ROWS.map((r) => (
            <tr key={r.key} className={lit(r) ? 'learn-lit' : 'learn-dim'}>
              <td>{t(`panels.layers.${r.key}`)}</td>
              <td>{shapeOf(r)}</td>
              {focus === 'params' && <td className="learn-num">{r.params.toLocaleString('en-US')}</td>}
            </tr>
          ))}
          {focus === 'params' && (
            <tr>
              <th scope="row">{t('panels.total')}</th>
              <td />
              <td className="learn-num">{total.toLocaleString('en-US')}</td>
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
  return (
    <LearnPanel title={t(`panels.links.${which}.title`)}>
      <p className="learn-big">{t(`panels.links.${which}.text`)}</p>
      <p>
        <a className="learn-go" href={href} data-testid="area-link">
          {t(`panels.links.${which}.go`)} →
        </a>
      </p>
      <p className="learn-muted">
        <code>{href}</code>
      </p>
    </LearnPanel>
  );
}
