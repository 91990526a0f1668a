import type { PoolStep } from '../../engine';
import { t } from '../../i18n';
import { Panel } from '../canvas/Panel';
import { fmtNum } from '../convolution/format';

/** The window's numbers at the current position: the max with its winner marked, and sum ÷ count. */
export function PoolMaths({ max, avg, size }: { max: PoolStep; avg: PoolStep; size: number }) {
  return (
    <Panel
      title={t('conv.maths.title')}
      shape={t('conv.maths.shape', { row: String(max.oy), col: String(max.ox) })}
      testId="pool-maths"
    >
      <p className="conv-words">{t('pool.maths.words')}</p>
      <div className="pool-cells" style={{ gridTemplateColumns: `repeat(${size}, minmax(0, 1fr))` }}>
        {max.cells.map((c, i) => (
          <div
            key={i}
            className={`pool-cell${i === max.winner ? ' is-winner' : ''}`}
            data-testid={`pool-cell-${i}`}
            aria-label={i === max.winner ? t('pool.maths.largest', { value: fmtNum(c.value) }) : undefined}
          >
            {fmtNum(c.value, 3)}
            {i === max.winner ? t('pool.maths.winner') : ''}
          </div>
        ))}
      </div>
      <table className="conv-sum">
        <tbody>
          <tr>
            <th scope="row">{t('pool.maths.max')}</th>
            <td data-testid="pool-max">{fmtNum(max.output, 4)}</td>
          </tr>
          <tr>
            <th scope="row">{t('pool.maths.sumOf', { n: String(avg.count) })}</th>
            <td data-testid="pool-sum">{fmtNum(avg.sum, 4)}</td>
          </tr>
          <tr className="conv-out-row">
            <th scope="row">{t('pool.maths.avg', { sum: fmtNum(avg.sum, 3), n: String(avg.count) })}</th>
            <td data-testid="pool-avg">{fmtNum(avg.output, 4)}</td>
          </tr>
        </tbody>
      </table>
      <p className="conv-words small">{t('pool.maths.meaning')}</p>
    </Panel>
  );
}
