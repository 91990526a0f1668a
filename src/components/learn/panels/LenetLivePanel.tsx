import { useEffect, useMemo, useState } from 'react';
import { digitLabel, digitPixels, MNIST_COUNTS, type LayerReadout } from '../../../engine';
import { LayerPanels } from '../../draw/LayerPanels';
import { PredictionPanel } from '../../draw/PredictionPanel';
import { useDrawModel } from '../../draw/useDrawModel';
import { t } from '../../../i18n';
import {
  DigitsPending,
  LearnPanel,
  num,
  str,
  useLearnPresenting,
  useLearnRoom,
  useMnistTest,
  type PanelProps,
} from './common';
import { LenetLivePresent } from './LenetLivePresent';
import { DigitMap, DigitPicker, ModelNote } from './parts';

const PARTS = ['all', 'features'] as const;
const NO_LINKS = { banks: {}, channel: 'auto' } as const;

/**
 * One MNIST test digit through the real LeNet-5 (the Draw area's model session and its layer panels):
 * every layer's maps and numbers, then the answer.
 */
export function LenetLivePanel({ params, setParam }: PanelProps) {
  const mnist = useMnistTest();
  const room = useLearnRoom();
  const presenting = useLearnPresenting();
  // The lesson says "the real network, trained on 60,000 digits": always the shipped one.
  const model = useDrawModel('pretrained');
  const session = model.state === 'ready' ? model.session : null;
  const digit = num(params, 'digit', 0, 0, MNIST_COUNTS.test - 1);
  // 'features': only the convolution and pooling layers, for the step about them.
  const part = str(params, 'part', PARTS, 'all');
  const pixels = useMemo(
    () => (mnist.state === 'ready' ? digitPixels(mnist.set, digit) : null),
    [mnist, digit],
  );
  // The last readout, kept while the next digit is read (no flash of an empty panel); `failed` when
  // the network could not read this one, so nothing waits for it any more.
  const [readout, setReadout] = useState<LayerReadout | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!session || !pixels) return;
    let live = true;
    setFailed(false);
    session.predict(pixels).then(
      (r) => live && setReadout(r),
      () => {
        if (!live) return;
        setReadout(null);
        setFailed(true);
      },
    );
    return () => {
      live = false;
    };
  }, [session, pixels]);
  if (mnist.state !== 'ready' || !pixels) return <DigitsPending state={mnist} />;
  const label = digitLabel(mnist.set, digit);
  const picked = (
    <div className="learn-row">
      <DigitMap values={pixels} cellPx={5} label={t('panels.digitTitle', { i: digit, label })} />
      <DigitPicker value={digit} onChange={(v) => setParam('digit', v)} />
    </div>
  );
  const title = t('panels.lenetLiveTitle', { i: digit, label });
  if (presenting) {
    // Presenting: one layer big at a time, the digit and the answer beside it (LenetLivePresent).
    return (
      <LearnPanel title={title} shape="28×28×1 → 10">
        {readout ? (
          <LenetLivePresent readout={readout} part={part} digit={picked} />
        ) : (
          <>
            {picked}
            {/* Marked for the stage's zoom, which waits for the layers (useFitZoom): zoomed for
                the digit alone, the panel was drawn far too large once they came. Not while the
                model failed (ModelNote says why) or could not read the digit: nothing is coming. */}
            {model.state !== 'error' && !failed && (
              <p className="learn-muted" data-loading="">
                {t(model.state === 'ready' ? 'panels.lenetReading' : 'panels.modelLoading')}
              </p>
            )}
          </>
        )}
        {/* While the network loads, the line above says so (once). */}
        {(readout || model.state !== 'loading') && <ModelNote model={model} always />}
      </LearnPanel>
    );
  }
  return (
    <LearnPanel title={title} shape="28×28×1 → 10">
      {picked}
      {readout && session && (
        <LayerPanels
          readout={readout}
          spec={session.spec}
          part={part}
          maxRoom={room}
          // No filter links: the explorer links open on the drawn digit, not on this test digit.
          links={NO_LINKS}
        />
      )}
      {/* Top to bottom like the network itself: the answer comes last. */}
      {part === 'all' && <PredictionPanel readout={readout} blank={false} />}
      <ModelNote model={model} always />
    </LearnPanel>
  );
}
