import { useEffect, useRef } from 'react';
import { DRAW_DEFAULTS } from '../../../state/drawParams';
import { useStore } from '../../../state/createStore';
import { formatHash } from '../../../state/hashRoute';
import { DrawCanvas } from '../../draw/DrawCanvas';
import { drawingStore } from '../../draw/drawingStore';
import { PredictionPanel } from '../../draw/PredictionPanel';
import { isBlank, type DrawAction } from '../../draw/strokes';
import { useDrawModel } from '../../draw/useDrawModel';
import { usePredictor } from '../../draw/usePredictor';
import { t } from '../../../i18n';
import { LearnPanel } from './common';
import { LearnMain, ModelNote } from './parts';
import { ModelChooser } from '../../model/ModelChooser';

const push = (a: DrawAction) => drawingStore.set({ actions: [...drawingStore.get().actions, a] });

/**
 * The Draw area's own canvas, model and prediction panel, embedded: the same code as #/draw, and the
 * same drawing (it lives in the shared drawing store), so "Open Draw" continues where the lesson stopped.
 */
export function DrawMiniPanel() {
  const model = useDrawModel();
  const session = model.state === 'ready' ? model.session : null;
  const actions = useStore(drawingStore, (s) => s.actions);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const { result, request } = usePredictor(session, canvasRef);
  // Redraws (clear, a drawing kept from #/draw) are painted by DrawCanvas' effect first, then read here.
  useEffect(() => request({ now: true }), [actions, request]);
  const blank = isBlank(actions) || !result?.pre.box;
  return (
    <LearnPanel title={t('panels.drawTitle')} shape="28×28 → 10">
      <div className="learn-row learn-draw">
        {/* On a projector the pad is the step's main picture, as large as the panel's height allows. */}
        <LearnMain aspect={1}>
          <DrawCanvas
            actions={actions}
            brush={DRAW_DEFAULTS.brush}
            canvasRef={canvasRef}
            onInk={() => request()}
            onStrokeEnd={(stroke) => {
              push(stroke);
              request({ strokeEnd: true });
            }}
          />
        </LearnMain>
        <div>
          <PredictionPanel readout={result?.readout ?? null} blank={blank} />
          <p className="learn-row">
            <button
              type="button"
              className="secondary"
              onClick={() => !isBlank(actions) && push({ kind: 'clear' })}
            >
              {t('panels.clear')}
            </button>
            <a className="learn-go" href={formatHash('draw')}>
              {t('panels.links.draw.go')} →
            </a>
          </p>
          <ModelNote model={model} />
          <ModelChooser inUseLine={false} showRun />
        </div>
      </div>
    </LearnPanel>
  );
}
