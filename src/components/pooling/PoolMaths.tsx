import type { PoolStep } from '../../engine';
import { Panel } from '../canvas/Panel';
import { fmtNum } from '../convolution/format';

/** The window's numbers at the current position: the max with its winner marked, and sum ÷ count. */
export function PoolMaths({ max, avg, size }: { max: PoolStep; avg: PoolStep; size: number }) {
  return (
    <Panel title="The maths here" shape={`row ${max.oy}, col ${max.ox}`} testId="pool-maths">
      <p className="conv-words">
        Pooling looks at a small window and keeps one number: the biggest (max) or the average (avg). No
        weights, nothing to learn: it just shrinks the map.
      </p>
      <div className="pool-cells" style={{ gridTemplateColumns: `repeat(${size}, minmax(0, 1fr))` }}>
        {max.cells.map((c, i) => (
          <div
            key={i}
            className={`pool-cell${i === max.winner ? ' is-winner' : ''}`}
            data-testid={`pool-cell-${i}`}
            aria-label={i === max.winner ? `${fmtNum(c.value)}, the largest` : undefined}
          >
            {fmtNum(c.value, 3)}
            {i === max.winner ? ' ★' : ''}
          </div>
        ))}
      </div>
      <table className="conv-sum">
        <tbody>
          <tr>
            <th scope="row">max (★ the winner)</th>
            <td data-testid="pool-max">{fmtNum(max.output, 4)}</td>
          </tr>
          <tr>
            <th scope="row">sum of {avg.count}</th>
            <td data-testid="pool-sum">{fmtNum(avg.sum, 4)}</td>
          </tr>
          <tr className="conv-out-row">
            <th scope="row">
              avg = {fmtNum(avg.sum, 3)} ÷ {avg.count}
            </th>
            <td data-testid="pool-avg">{fmtNum(avg.output, 4)}</td>
          </tr>
        </tbody>
      </table>
      <p className="conv-words small">
        Max pooling says “was the feature anywhere in this window?”; average pooling says “how much of it, on
        average?”.
      </p>
    </Panel>
  );
}
