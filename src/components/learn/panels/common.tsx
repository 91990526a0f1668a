import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { Panel } from '../../canvas/Panel';
import type { PanelParams } from '../../../demos/lessons/types';
import { t } from '../../../i18n';
import { getMnist } from '../../../state/mnistService';
import type { MnistSet } from '../../../engine';
import { exportElementPng } from '../exportPng';
import { LESSON_NUMBER_PARAMS } from '../lessonLinkParams';
import { useMnistRetries } from '../../../state/useMnistRetries';

export type PanelProps = {
  params: PanelParams;
  /** Writes one panel setting into the URL, so the link keeps it. */
  setParam: (key: string, value: string | number) => void;
};

/** 1 normally, larger in presentation mode: panels multiply their cell sizes by it. */
export const LearnScale = createContext(1);
export const useLearnScale = () => useContext(LearnScale);
/**
 * Presentation mode at any screen size (the scale is above 1 only then): for a panel that shows less or
 * lays out to the screen's height when presented on a screen smaller than a projector's (1366×768).
 */
export const useLearnPresenting = () => useContext(LearnScale) > 1;

/** Width a lesson panel's pictures may take, px (the stage's width less the panel's padding); null until measured. */
export const LearnRoom = createContext<number | null>(null);

export const useLearnRoom = () => useContext(LearnRoom);

/**
 * Presentation mode on a projector-sized screen (the media query of presentLessons.css): a panel's main
 * picture (`MapFigure main`, `LearnMain`) takes the room the stylesheet gives it, most of the screen,
 * and the rest of the panel sits beside it. False everywhere else, where panels keep their own layout.
 */
export const LearnPresentBig = createContext(false);
export const useLearnPresentBig = () => useContext(LearnPresentBig);

/** The media query of presentLessons.css under which a lesson's main picture fills its room. */
export const PRESENT_BIG_QUERY = '(min-width: 1600px) and (min-height: 860px)';

/**
 * The cell size for a picture `cells` cells wide: `preferred` (already scaled) when it fits the panel,
 * else the largest whole size that does, never below `least`.
 */
export function useFitCell(cells: number, preferred: number, least = 2): number {
  const room = useContext(LearnRoom);
  if (room === null) return preferred;
  return Math.max(least, Math.min(preferred, Math.floor(room / cells)));
}

export function num(
  params: PanelParams,
  key: string,
  fallback: number,
  min = -Infinity,
  max = Infinity,
): number {
  const raw = params[key];
  const v = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
  // LessonPlayer already refused bad link values; this guards presets and calls from code alike, so a
  // fraction can never reach an array index.
  if (!Number.isFinite(v) || (LESSON_NUMBER_PARAMS[key]?.whole && !Number.isInteger(v))) return fallback;
  return Math.min(max, Math.max(min, v));
}

export function str<T extends string>(
  params: PanelParams,
  key: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const v = String(params[key] ?? '');
  return (allowed as readonly string[]).includes(v) ? (v as T) : fallback;
}

/** A titled lesson panel with a "Download PNG" button that saves all of its pictures at once. */
export function LearnPanel({
  title,
  shape,
  children,
  testId,
  download = true,
}: {
  title: string;
  shape?: string;
  children: ReactNode;
  testId?: string;
  /** false while the panel has no picture yet (only words and buttons): nothing worth a PNG. */
  download?: boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const file = `${
    title
      .replace(/[^\w]+/g, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase() || 'panel'
  }.png`;
  return (
    <div ref={ref} className="learn-panel-wrap">
      <Panel
        title={title}
        shape={shape}
        testId={testId ?? 'learn-panel'}
        actions={
          download && (
            <button
              type="button"
              className="secondary"
              aria-label={t('learn.downloadPngLabel', { what: title })}
              onClick={() => {
                if (ref.current)
                  void exportElementPng(ref.current, shape ? `${title} · ${shape}` : title, file);
              }}
            >
              {t('learn.downloadPng')}
            </button>
          )
        }
      >
        {children}
      </Panel>
    </div>
  );
}

type DigitsState =
  { state: 'loading' } | { state: 'ready'; set: MnistSet } | { state: 'error'; message: string };

/** The MNIST test set from the shared service (downloaded once for the whole app). */
export function useMnistTest(): DigitsState {
  const [state, setState] = useState<DigitsState>({ state: 'loading' });
  // After the status bar's Try again, ask for the digits again.
  const retries = useMnistRetries();
  useEffect(() => {
    let alive = true;
    getMnist('test').then(
      (set) => alive && setState({ state: 'ready', set }),
      (err: unknown) =>
        alive && setState({ state: 'error', message: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      alive = false;
    };
  }, [retries]);
  return state;
}

/** What a panel shows while the digits load, or why they could not. */
export function DigitsPending({ state }: { state: DigitsState }) {
  if (state.state === 'error') {
    return (
      <p className="message error" role="alert">
        {t('learn.digitsFailed', { message: state.message })}
      </p>
    );
  }
  // Marked for the presented stage's zoom, which waits for the real content (useFitZoom).
  return (
    <p className="learn-muted" data-loading="">
      {t('learn.loadingDigits')}
    </p>
  );
}
