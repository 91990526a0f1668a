import { memo, useMemo } from 'react';
import { kerasCode, mnistSpec, tfjsCode, type LayerSpec, type ModelSpec } from '../../../engine';
import { t } from '../../../i18n';
import { downloadBlob } from '../../canvas/download';
import { Panel } from '../../canvas/Panel';
import './layerEditor.css';

/** The current network as Keras (Python) and TensorFlow.js code, each downloadable. */
export const CodePanel = memo(function CodePanel({
  layers,
  input,
}: {
  layers: LayerSpec[];
  /** The dataset's picture size and class count (MNIST's when absent). */
  input?: Pick<ModelSpec, 'inputShape' | 'classes'>;
}) {
  const spec = useMemo(
    () => (input ? { ...mnistSpec(layers), ...input } : mnistSpec(layers)),
    [layers, input],
  );
  const keras = useMemo(() => kerasCode(spec), [spec]);
  const tfjs = useMemo(() => tfjsCode(spec), [spec]);
  const save = (text: string, file: string) => downloadBlob(new Blob([text], { type: 'text/plain' }), file);
  return (
    <Panel
      title={t('arch.code.title')}
      shape={t('arch.code.shape')}
      className="arch-code"
      testId="code-panel"
    >
      <p className="train-note">{t('arch.code.note')}</p>
      <h3>{t('arch.code.keras')}</h3>
      {/* Focusable, so a keyboard can scroll code wider than the panel. */}
      <pre data-testid="code-keras" tabIndex={0} aria-label={t('arch.code.keras')}>
        {keras}
      </pre>
      <button type="button" className="secondary" onClick={() => save(keras, 'cnn_studio_model.py')}>
        {t('arch.code.download', { file: 'cnn_studio_model.py' })}
      </button>
      <h3>{t('arch.code.tfjs')}</h3>
      <pre data-testid="code-tfjs" tabIndex={0} aria-label={t('arch.code.tfjs')}>
        {tfjs}
      </pre>
      <button type="button" className="secondary" onClick={() => save(tfjs, 'cnn_studio_model.js')}>
        {t('arch.code.download', { file: 'cnn_studio_model.js' })}
      </button>
    </Panel>
  );
});
