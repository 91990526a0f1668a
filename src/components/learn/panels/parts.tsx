import { useState, type ReactNode } from 'react';
import { Heatmap, type HeatmapProps } from '../../canvas/Heatmap';
import type { ColorScale } from '../../canvas/colorScales';
import { describeModel, type DrawModel } from '../../draw/useDrawModel';
import { MNIST_COUNTS } from '../../../engine';
import { t } from '../../../i18n';
import { NumberStepper, Slider } from '../../ui';
import { useContentBox } from '../../canvas/useContentWidth';
import { useLearnPresentBig, useLearnPresenting } from './common';

/** Pixel values as MNIST stores them, divided by 255: 0 is paper, 1 is full ink. */
export const PIXELS: ColorScale = { kind: 'sequential', domain: [0, 1] };

/** One 28×28 MNIST digit, drawn on the pixel scale. */
export function DigitMap(p: Omit<HeatmapProps, 'w' | 'h' | 'scale'> & { main?: boolean }) {
  return <LearnMap {...p} w={28} h={28} scale={PIXELS} />;
}

/**
 * A map with its caption underneath, the way every lesson panel shows one: the caption says what the
 * map is and its size ("Input · 8×8") unless the panel gives its own. Anything else that belongs to the
 * map (its legend, a picker, the maths under it) goes in `children`, after the caption.
 */
export function MapFigure({
  caption,
  captionClassName,
  children,
  main = false,
  ...map
}: HeatmapProps & {
  caption?: ReactNode;
  captionClassName?: string;
  children?: ReactNode;
  /** The panel's main picture: presenting on a projector, it fills the room beside the rest. */
  main?: boolean;
}) {
  return (
    <figure className="learn-figure">
      <LearnMap main={main} {...map} />
      <figcaption className={main ? `learn-main-caption ${captionClassName ?? ''}` : captionClassName}>
        {caption ?? `${map.label} · ${map.h}×${map.w}`}
      </figcaption>
      {children}
    </figure>
  );
}

/** A map; the panel's main one (`main`) fills its room when presenting on a projector. */
export function LearnMap({ main = false, ...map }: HeatmapProps & { main?: boolean }) {
  const big = useLearnPresentBig() && main;
  return big ? <MainMap {...map} /> : <Heatmap {...map} />;
}

/**
 * A map drawn as large as its room (`.learn-main-room`, sized by presentLessons.css) allows, drawn at
 * that size (so it stays crisp), its numbers grown with its cells. Cells may be a fraction of a pixel
 * wide (in quarter pixels): with whole pixels a 28×28 map lost up to 27 px of its room, enough to leave
 * a projected picture short of a third of the screen.
 */
function MainMap(map: HeatmapProps) {
  const [room, box] = useContentBox<HTMLDivElement>();
  const cellPx =
    box && box.height > 0 && box.width > 0
      ? Math.max(2, Math.floor(4 * Math.min(box.width / map.w, box.height / map.h)) / 4)
      : map.cellPx;
  return (
    <div className="learn-main-room" ref={room}>
      <Heatmap {...map} cellPx={cellPx} fontPx={map.fontPx ?? Math.max(9, Math.min(40, cellPx * 0.3))} />
    </div>
  );
}

/**
 * A panel's main picture that is not a map (an SVG drawing with a viewBox `aspect` wide per unit of
 * height): presenting on a projector, it is drawn as large as the room presentLessons.css gives it
 * allows at its own proportions (its box is the drawing, no blank margins), the rest of the panel
 * beside it. Elsewhere its children as they are.
 */
export function LearnMain({ children, aspect }: { children: ReactNode; aspect: number }) {
  if (!useLearnPresentBig()) return <>{children}</>;
  return <MainDrawing aspect={aspect}>{children}</MainDrawing>;
}

/**
 * The drawing in its room, as large as the room allows at its own proportions. LearnMain uses it on a
 * projector; a panel that also lays out to the screen's height when presented on a smaller screen
 * (lesson 4's stride picture at 1366×768) uses it directly and gives the room its size itself.
 */
export function MainDrawing({ children, aspect }: { children: ReactNode; aspect: number }) {
  const [room, box] = useContentBox<HTMLDivElement>();
  const width = box ? Math.floor(Math.min(box.width, box.height * aspect)) : undefined;
  return (
    <div className="learn-main-room" ref={room}>
      <div
        className="learn-main-scale"
        style={width ? { width, height: Math.floor(width / aspect) } : { visibility: 'hidden' }}
      >
        {children}
      </div>
    </div>
  );
}

/**
 * A part of a panel a projected step can do without (the maths table under a picture): presenting, at
 * any screen size, it waits behind a "Show …" toggle, so the main picture keeps the room (at 1366×768
 * lesson 3's maths table pushed the player below the screen); elsewhere it is shown as it is.
 */
export function LearnAside({ what, children }: { what: string; children: ReactNode }) {
  if (!useLearnPresenting()) return <>{children}</>;
  return (
    <details className="learn-aside">
      <summary>{t('learn.showAside', { what })}</summary>
      {children}
    </details>
  );
}

/**
 * A drawing's key in words beside it: one small swatch drawn like the drawing's mark, then what it
 * means (HTML, so a projector's text floor enlarges the words, not the drawing).
 */
export function SwatchKey({
  label,
  items,
  width = 14,
  className = 'learn-stride-key',
}: {
  label: string;
  items: readonly (readonly [string, ReactNode])[];
  /** The swatch's width in pixels; it is always 14 px tall. */
  width?: number;
  className?: string;
}) {
  return (
    <ul className={className} aria-label={label}>
      {items.map(([text, swatch]) => (
        <li key={text}>
          <svg width={width} height={14} aria-hidden="true">
            {swatch}
          </svg>{' '}
          {text}
        </li>
      ))}
    </ul>
  );
}

/** A row of radio buttons for one panel setting (activation function, kind of pooling…). */
export function RadioPicker<T extends string>({
  legend,
  name,
  options,
  value,
  onChange,
  labelOf,
}: {
  legend: string;
  name: string;
  options: readonly T[];
  value: T;
  onChange: (v: T) => void;
  labelOf: (v: T) => string;
}) {
  return (
    <fieldset className="learn-radios">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o}>
          <input type="radio" name={name} value={o} checked={value === o} onChange={() => onChange(o)} />
          {labelOf(o)}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * A labelled slider with its value printed beside it (the shared Slider: a 44 px target on a touch
 * screen, readable when projected); reports the value as text, as the URL keeps it.
 */
export function RangeControl({
  label,
  min,
  max,
  value,
  onChange,
}: {
  label: string;
  min: number;
  max: number;
  value: number;
  onChange: (value: string) => void;
}) {
  return (
    <div className="learn-control">
      <Slider label={label} min={min} max={max} value={value} onChange={(v) => onChange(String(v))} />
    </div>
  );
}

/**
 * "Digit #": picks one of the MNIST test digits by index with the shared NumberStepper (− and + for a
 * finger, typing for a keyboard); a typed value that is not a whole number in range is marked and
 * ignored, so the digit shown stays.
 */
export function DigitPicker({ value, onChange }: { value: number; onChange: (index: number) => void }) {
  const [typed, setTyped] = useState<string | null>(null);
  const notWhole = typed !== null && typed.trim() !== '' && !Number.isInteger(Number(typed));
  return (
    <div className="learn-control">
      <NumberStepper
        label={t('panels.digitNumber')}
        min={0}
        max={MNIST_COUNTS.test - 1}
        value={value}
        invalid={notWhole}
        onTyped={setTyped}
        onChange={(v) => {
          setTyped(null);
          if (Number.isInteger(v)) onChange(v);
        }}
        testId="digit-picker"
      />
    </div>
  );
}

/**
 * Which network an embedded Draw panel uses, or why there is none yet. `always`: the lesson speaks of
 * the shipped network, so it always uses it and says so.
 */
export function ModelNote({ model, always = false }: { model: DrawModel; always?: boolean }) {
  return (
    <p
      className="learn-model-note"
      data-testid="lesson-model"
      data-used={model.state === 'ready' ? model.source : model.state}
    >
      {model.state === 'ready'
        ? t(always ? 'models.usingAlways' : 'models.using', { label: describeModel(model) })
        : model.state === 'error'
          ? model.message
          : t('panels.modelLoading')}
      {model.state === 'ready' && model.note && ` ${model.note}`}
    </p>
  );
}
