import { activationFormula, type Activation, type ConvStep } from '../../engine';
import { t } from '../../i18n';
import { Panel } from '../canvas/Panel';
import { fmtNum } from './format';

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
      title={t('conv.maths.title')}
      shape={t('conv.maths.shape', { row: String(step.oy), col: String(step.ox) })}
      testId="conv-maths"
      className="conv-maths"
    >
      <p className="conv-words">{t('conv.maths.words')}</p>
      {listAll ? (
        <div className="conv-products" style={{ gridTemplateColumns: `repeat(${size}, minmax(0, 1fr))` }}>
          {step.cells.map((c) => (
            <div
              key={`${c.ky}-${c.kx}`}
              className={`conv-product${c.isPadding ? ' is-padding' : ''}`}
              data-testid={`product-${c.ky}-${c.kx}`}
              title={
                c.isPadding
                  ? t('conv.maths.paddingCell')
                  : t('conv.maths.inputCell', { row: String(c.iy), col: String(c.ix) })
              }
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
              {t('conv.maths.channelSum', { channel: channelNames[ch] ?? '', count: String(size * size) })}
              <b>{fmtNum(s)}</b>
            </li>
          ))}
        </ul>
      )}
      <table className="conv-sum">
        <tbody>
          <tr>
            <th scope="row">{t('conv.maths.sumOf', { n: String(step.cells.length) })}</th>
            <td data-testid="maths-sum">{fmtNum(step.sum, 4)}</td>
          </tr>
          <tr>
            <th scope="row">{t('conv.maths.plusBias')}</th>
            <td data-testid="maths-bias">{fmtNum(step.bias, 4)}</td>
          </tr>
          <tr>
            <th scope="row">{t('conv.maths.before')}</th>
            <td data-testid="maths-pre">{fmtNum(step.preActivation, 4)}</td>
          </tr>
          <tr className="conv-out-row">
            <th scope="row">{t('conv.maths.arrow', { act })}</th>
            <td data-testid="maths-out">{fmtNum(step.output, 4)}</td>
          </tr>
        </tbody>
      </table>
      <p className="conv-words small">
        {t(`conv.maths.${activation}`)}
        {t('conv.maths.paddingNote')}
      </p>
    </Panel>
  );
}
