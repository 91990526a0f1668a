import { activationFormula, type Activation, type ConvStep } from '../../engine';
import { Panel } from '../canvas/Panel';
import { fmtNum } from './format';

const ACT_NAME: Record<Activation, string> = {
  none: 'no activation',
  relu: 'ReLU',
  tanh: 'tanh',
  sigmoid: 'sigmoid',
};

/**
 * The arithmetic at the current position with the real numbers: input × weight = product for every
 * cell under the window, their sum, + bias, → activation. Same numbers the full map was built from.
 */
export function ConvMaths({
  step,
  size,
  channelNames,
  activation,
}: {
  step: ConvStep;
  size: number;
  channelNames: string[];
  activation: Activation;
}) {
  const channels = channelNames.length;
  const listAll = channels === 1 && size <= 5;
  const perChannel = channelNames.map((_, ch) =>
    step.cells.filter((c) => c.channel === ch).reduce((a, c) => a + c.product, 0),
  );
  const act = activationFormula(activation);
  return (
    <Panel
      title="The maths here"
      shape={`row ${step.oy}, col ${step.ox}`}
      testId="conv-maths"
      className="conv-maths"
    >
      <p className="conv-words">
        Multiply each input number under the window by the kernel weight on top of it, then add everything up.
        A big sum means “this patch looks like the kernel”.
      </p>
      {listAll ? (
        <div className="conv-products" style={{ gridTemplateColumns: `repeat(${size}, minmax(0, 1fr))` }}>
          {step.cells.map((c) => (
            <div
              key={`${c.ky}-${c.kx}`}
              className={`conv-product${c.isPadding ? ' is-padding' : ''}`}
              data-testid={`product-${c.ky}-${c.kx}`}
              title={c.isPadding ? 'padding (a zero outside the image)' : `input row ${c.iy}, col ${c.ix}`}
            >
              <span>
                {fmtNum(c.x, 2)}×{fmtNum(c.w, 2)}
              </span>
              <b>{fmtNum(c.product, 2)}</b>
            </div>
          ))}
        </div>
      ) : (
        <ul className="conv-chsums">
          {perChannel.map((s, ch) => (
            <li key={ch}>
              {channelNames[ch]}: {size * size} products add up to <b>{fmtNum(s)}</b>
            </li>
          ))}
        </ul>
      )}
      <table className="conv-sum">
        <tbody>
          <tr>
            <th scope="row">sum of {step.cells.length} products</th>
            <td data-testid="maths-sum">{fmtNum(step.sum, 4)}</td>
          </tr>
          <tr>
            <th scope="row">+ bias</th>
            <td data-testid="maths-bias">{fmtNum(step.bias, 4)}</td>
          </tr>
          <tr>
            <th scope="row">= before activation</th>
            <td data-testid="maths-pre">{fmtNum(step.preActivation, 4)}</td>
          </tr>
          <tr className="conv-out-row">
            <th scope="row">→ {act}</th>
            <td data-testid="maths-out">{fmtNum(step.output, 4)}</td>
          </tr>
        </tbody>
      </table>
      <p className="conv-words small">
        {activation === 'relu' &&
          'ReLU keeps positive sums and turns negative ones into 0: “only report matches”. '}
        {activation === 'tanh' && 'tanh squeezes any sum into −1…1. '}
        {activation === 'sigmoid' && 'sigmoid squeezes any sum into 0…1. '}
        {activation === 'none' && `With ${ACT_NAME.none} the sum passes straight through. `}
        Cells marked ░ are padding: zeros outside the picture.
      </p>
    </Panel>
  );
}
