import { useEffect, useMemo, useState } from 'react';
import { digitLabel, digitPixels, layerOf, type LayerReadout } from '../../engine';
import { chooseScale, chooseSharedScale } from '../canvas/colorScales';
import { Heatmap } from '../canvas/Heatmap';
import { ColorLegend } from '../canvas/ColorLegend';
import { useMnistTest } from '../learn/panels/common';
import { t } from '../../i18n';
import { strongestChannels } from './pickMaps';
import { usePretrainedSession } from './usePretrainedSession';

const MAPS_SHOWN = 3;
const pct = (p: number) => (p * 100).toFixed(p >= 0.995 ? 1 : 0);

/**
 * A real MNIST test digit through the shipped LeNet-5, computed on this computer when the page opens:
 * the digit, three conv1 maps, the same three after pooling, and the answer with its ten scores.
 */
export function LivePipeline({ digit }: { digit: number }) {
  const mnist = useMnistTest();
  const model = usePretrainedSession();
  const session = model.state === 'ready' ? model.session : null;
  const pixels = useMemo(
    () => (mnist.state === 'ready' ? digitPixels(mnist.set, digit) : null),
    [mnist, digit],
  );
  const [readout, setReadout] = useState<{ digit: number; r: LayerReadout } | null>(null);
  useEffect(() => {
    if (!session || !pixels) return;
    let live = true;
    session.predict(pixels).then(
      (r) => live && setReadout({ digit, r }),
      () => live && setReadout(null),
    );
    return () => {
      live = false;
    };
  }, [session, pixels, digit]);

  const maps = useMemo(() => {
    if (!readout) return null;
    // The shipped LeNet-5 always has these two layers.
    const conv1 = layerOf(readout.r, 'conv1');
    const pool1 = layerOf(readout.r, 'pool1');
    if (!conv1 || !pool1) return null;
    const conv = strongestChannels(conv1.data, conv1.shape, MAPS_SHOWN);
    // The pooled maps of the same channels, so each column follows one filter through the layer.
    const pool = conv.map(({ channel }) => ({
      channel,
      values: strongestChannels(pool1.data, pool1.shape, pool1.shape[2] ?? 0).find(
        (m) => m.channel === channel,
      )!.values,
    }));
    return { conv, pool };
  }, [readout]);

  const failed = mnist.state === 'error' ? mnist.message : model.state === 'error' ? model.message : null;
  if (failed)
    return (
      <p className="message error" role="alert">
        {t('home.failed', { message: failed })}
      </p>
    );
  const label = mnist.state === 'ready' ? digitLabel(mnist.set, digit) : null;
  const ready = readout && readout.digit === digit && maps && pixels;
  const convScale = maps ? chooseSharedScale(maps.conv.map((m) => m.values)) : null;
  const poolScale = maps ? chooseSharedScale(maps.pool.map((m) => m.values)) : null;

  return (
    <figure
      className="home-pipeline"
      aria-label={t('home.pipelineLabel')}
      aria-busy={!ready}
      data-testid="home-pipeline"
      data-ready={ready ? 'true' : 'false'}
    >
      <ol className="home-stages">
        <li className="home-stage home-stage-input">
          <h2 className="home-stage-title">
            {t('home.stages.input')} <span className="shape">{t('home.stages.inputShape')}</span>
          </h2>
          {pixels && label !== null ? (
            <Heatmap
              values={pixels}
              w={28}
              h={28}
              scale={chooseScale(pixels, [0, 1])}
              cellPx={4}
              className="heatmap home-map"
              label={t('home.digitAlt', { i: digit, label })}
              testId="home-digit"
            />
          ) : (
            <div className="home-map home-map-empty" />
          )}
        </li>
        <li className="home-stage">
          <h2 className="home-stage-title">
            {t('home.stages.conv')} <span className="shape">{t('home.stages.convShape')}</span>
          </h2>
          <div className="home-stack" data-testid="home-conv">
            {ready && convScale
              ? maps.conv.map((m, i) => (
                  <Heatmap
                    key={m.channel}
                    values={m.values}
                    w={28}
                    h={28}
                    scale={convScale}
                    cellPx={2}
                    className="heatmap home-map"
                    label={t('home.mapAlt', { layer: 'conv1', n: m.channel + 1 })}
                    testId={`home-conv-${i}`}
                  />
                ))
              : Array.from({ length: MAPS_SHOWN }, (_, i) => (
                  <div key={i} className="home-map home-map-empty" />
                ))}
          </div>
        </li>
        <li className="home-stage">
          <h2 className="home-stage-title">
            {t('home.stages.pool')} <span className="shape">{t('home.stages.poolShape')}</span>
          </h2>
          <div className="home-stack" data-testid="home-pool">
            {ready && poolScale
              ? maps.pool.map((m, i) => (
                  <Heatmap
                    key={m.channel}
                    values={m.values}
                    w={14}
                    h={14}
                    scale={poolScale}
                    cellPx={4}
                    className="heatmap home-map"
                    label={t('home.mapAlt', { layer: 'pool1', n: m.channel + 1 })}
                    testId={`home-pool-${i}`}
                  />
                ))
              : Array.from({ length: MAPS_SHOWN }, (_, i) => (
                  <div key={i} className="home-map home-map-empty" />
                ))}
          </div>
        </li>
        <li className="home-stage home-stage-answer">
          <h2 className="home-stage-title">
            {t('home.stages.answer')} <span className="shape">{t('home.stages.answerShape')}</span>
          </h2>
          {ready ? (
            <div className="home-answer" aria-live="polite">
              <span className="home-answer-digit" data-testid="home-prediction">
                {t('home.answerText', { digit: readout.r.top })}
              </span>
              <span className="home-answer-sure" data-testid="home-confidence">
                {t('home.sure', { pct: pct(readout.r.confidence) })}
              </span>
              <ol className="home-bars" data-testid="home-bars" aria-label={t('home.barsLabel')}>
                {Array.from(readout.r.probabilities, (p, d) => (
                  <li key={d} className={d === readout.r.top ? 'is-top' : undefined}>
                    <span className="home-bar-track">
                      <span className="home-bar-fill" style={{ height: `${Math.max(p * 100, 1)}%` }} />
                    </span>
                    <span className="home-bar-label">{d}</span>
                    <span className="visually-hidden home-bar-value" data-value={p}>
                      {t('home.barValue', { pct: pct(p) })}
                    </span>
                  </li>
                ))}
              </ol>
            </div>
          ) : (
            <p className="learn-muted">{t('home.loading')}</p>
          )}
        </li>
      </ol>
      <figcaption className="home-caption">
        <span>
          {label !== null && <span data-testid="home-truth">{t('home.truth', { label })} </span>}
          {t('home.pipelineNote')}
        </span>
        {convScale && <ColorLegend scale={convScale} width={140} title={t('home.legend')} />}
      </figcaption>
    </figure>
  );
}
