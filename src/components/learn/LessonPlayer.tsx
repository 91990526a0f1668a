import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ErrorBoundary } from '../shell/ErrorBoundary';
import { lessonPages, type LessonDef, type PanelParams } from '../../demos/lessons/types';
import { LESSONS } from '../../demos/lessons/registry';
import { formatHash } from '../../state/hashRoute';
import { t, tx } from '../../i18n';
import { checkLessonOverrides } from './lessonLinkParams';
import { learnParams, pageParams } from './lessonRoute';
import { ownsKeys } from '../shell/keymap';
import { PANELS } from './panelRegistry';
import { QuestionCard } from './QuestionCard';
import { RichText } from './RichText';
import { LearnPresentBig, LearnRoom, LearnScale, PRESENT_BIG_QUERY } from './panels/common';
import { useContentWidth } from '../canvas/useContentWidth';
import { usePresentation } from './usePresentation';
import { useFitZoom } from '../shell/useFitZoom';
import { usePresentSvgText } from './usePresentSvgText';
import { useMediaQuery } from '../ui/useMediaQuery';

/**
 * The lesson's part of the key map (src/components/shell/keymap.ts). A presentation clicker sends
 * Page Up / Page Down: those always move through the steps, whatever has the focus (a slider a teacher
 * just dragged included), and go on into the next lesson from the last page. The arrow keys move steps
 * only when nothing that uses them has the focus: a text field, a slider, or a panel's animation
 * (its PlayerControls claim ← and → with preventDefault).
 */
const CLICKER_NEXT = 'PageDown';
const CLICKER_PREV = 'PageUp';

function typingText(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.tagName === 'TEXTAREA' || target.isContentEditable);
}

export function LessonPlayer({
  lesson,
  page,
  present,
  overrides,
  navigate,
}: {
  lesson: LessonDef;
  page: number;
  present: boolean;
  overrides: PanelParams;
  navigate: (params: URLSearchParams, push: boolean) => void;
}) {
  const pages = useMemo(() => lessonPages(lesson), [lesson]);
  const [stageRef, stageWidth] = useContentWidth<HTMLDivElement>();
  // Presentation mode: the step's panel is enlarged to fill the stage (never scrolled).
  const stageBox = useRef<HTMLDivElement>(null);
  const stageContent = useRef<HTMLDivElement>(null);
  const current = pages[page] ?? pages[0];
  const stepsCount = lesson.steps.length;
  const base = `lessons.${lesson.id}`;
  const go = useCallback(
    (p: number, opts: { present?: boolean } = {}) => {
      if (p < 0 || p >= pages.length) return;
      navigate(learnParams(lesson.id, p, { present: opts.present ?? present }), true);
    },
    [lesson.id, pages.length, present, navigate],
  );
  const setPresent = useCallback(
    (on: boolean) => navigate(learnParams(lesson.id, page, { present: on, overrides }), false),
    [lesson.id, page, overrides, navigate],
  );
  const { chromeVisible, enter, exit } = usePresentation(present, setPresent);
  // Link values are checked before any panel sees them; a bad one keeps the last good value and is named.
  const pageKey = `${lesson.id}-${page}`;
  // Its text floor is 24 px (styles.css), so at the smallest zoom, 20/24, no text is under 20 px.
  const zoom = useFitZoom(stageBox, stageContent, present, pageKey, { min: 20 / 24 });
  // On a projector the step's main picture fills the room beside the rest of its panel (presentLessons.css).
  const presentBig = useMediaQuery(PRESENT_BIG_QUERY) && present;
  // A drawing's text scales with the drawing; 21 px leaves a rounding margin over the 20 px floor.
  usePresentSvgText(stageContent, present, 21, zoom);
  const lastGood = useRef<{ key: string; overrides: PanelParams }>({ key: pageKey, overrides: {} });
  const checked = useMemo(() => {
    const prev = lastGood.current.key === pageKey ? lastGood.current.overrides : {};
    const p = pages[page] ?? pages[0];
    const preset = (p?.kind === 'step' ? p.step.params : p?.question.params) ?? {};
    return checkLessonOverrides(overrides, prev, preset);
  }, [overrides, pageKey, pages, page]);
  useEffect(() => {
    lastGood.current = { key: pageKey, overrides: checked.overrides };
  }, [pageKey, checked]);
  // Questions answered (right, or revealed) in this visit: their panels may show the answer.
  const [answered, setAnswered] = useState<ReadonlySet<string>>(() => new Set());
  const [answeredLesson, setAnsweredLesson] = useState(lesson.id);
  if (answeredLesson !== lesson.id) {
    setAnsweredLesson(lesson.id);
    setAnswered(new Set());
  }

  const nextLesson = LESSONS.find((l) => l.number === lesson.number + 1);
  const prevLesson = LESSONS.find((l) => l.number === lesson.number - 1);
  // One page on; past the last page, the first step of the next lesson (a clicker never gets stuck).
  const forward = useCallback(() => {
    if (page + 1 < pages.length) go(page + 1);
    else if (nextLesson) navigate(learnParams(nextLesson.id, 0, { present }), true);
  }, [page, pages.length, go, nextLesson, navigate, present]);
  const backward = useCallback(() => {
    if (page > 0) go(page - 1);
    else if (prevLesson)
      navigate(learnParams(prevLesson.id, lessonPages(prevLesson).length - 1, { present }), true);
  }, [page, go, prevLesson, navigate, present]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const clicker = e.key === CLICKER_NEXT || e.key === CLICKER_PREV;
      if (clicker) {
        if (typingText(e.target)) return;
        e.preventDefault();
        if (e.key === CLICKER_NEXT) forward();
        else backward();
        return;
      }
      if (e.defaultPrevented || ownsKeys(e.target)) return;
      if (e.key === 'ArrowRight') {
        e.preventDefault();
        forward();
      } else if (e.key === 'ArrowLeft') {
        e.preventDefault();
        backward();
      } else if (e.key === 'Escape' && present) {
        exit();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [forward, backward, present, exit]);

  if (!current) return null;
  const setParam = (key: string, value: string | number) =>
    navigate(
      learnParams(lesson.id, page, { present, overrides: { ...checked.overrides, [key]: value } }),
      false,
    );
  const questionId = current.kind === 'question' ? current.question.id : null;
  const params = pageParams(current, checked.overrides, questionId !== null && answered.has(questionId));
  const panelKind = current.kind === 'step' ? current.step.panel : current.question.panel;
  const Panel = panelKind ? PANELS[panelKind] : null;
  const title =
    current.kind === 'step'
      ? tx(`${base}.steps.${current.step.id}.title`)
      : `${t('learn.questionTitle')} ${current.index + 1}`;
  const counter =
    current.kind === 'step'
      ? t('learn.stepOf', { n: page + 1, total: stepsCount })
      : t('learn.questionOf', { n: current.index + 1, total: lesson.questions.length });
  const last = page === pages.length - 1;
  const stepHref = formatHash('learn', learnParams(lesson.id, page, { overrides }));
  const chromeClass = `learn-chrome${present && !chromeVisible ? ' learn-chrome-hidden' : ''}`;

  return (
    <LearnScale.Provider value={present ? 1.3 : 1}>
      <LearnPresentBig.Provider value={presentBig}>
        <section
          className={`learn-lesson${present ? ' learn-present' : ''}${presentBig ? ' learn-present-big' : ''}`}
          aria-labelledby="learn-lesson-title"
          data-testid="lesson"
          data-lesson={lesson.id}
          data-page={page + 1}
        >
          <header className={`learn-head ${chromeClass}`}>
            {!present && (
              <a href={formatHash('learn')} className="learn-back">
                ← {t('learn.allLessons')}
              </a>
            )}
            <h1 id="learn-lesson-title" className="learn-lesson-title">
              <span className="learn-kicker">{t('learn.lessonNumber', { n: lesson.number })}</span>{' '}
              {tx(`${base}.title`)}
            </h1>
            <span className="learn-counter" aria-live="polite" data-testid="step-counter">
              {counter}
            </span>
            <a href={stepHref} className="learn-steplink">
              {t('learn.stepLink')}
            </a>
            {present ? (
              // Short on screen ("✕ Leave"), so a long title still fits the header's one row at
              // 1366×768; its full name for screen readers and voice control.
              <button type="button" className="secondary" onClick={exit} aria-label={t('learn.exitPresent')}>
                <span aria-hidden="true">✕</span> {t('learn.exitPresentShort')}
              </button>
            ) : (
              <button type="button" onClick={enter} aria-label={t('learn.presentLabel')}>
                {t('learn.present')}
              </button>
            )}
          </header>
          <div className="learn-body">
            <article className="learn-text" data-testid="step-text" tabIndex={0}>
              <h2 className="learn-step-title">{title}</h2>
              {current.kind === 'step' ? (
                <RichText text={tx(`${base}.steps.${current.step.id}.body`)} />
              ) : (
                <QuestionCard
                  key={`${lesson.id}-${current.question.id}`}
                  lessonId={lesson.id}
                  question={current.question}
                  onAnswered={() => {
                    if (questionId !== null && !answered.has(questionId))
                      setAnswered(new Set([...answered, questionId]));
                  }}
                />
              )}
              {last && (
                <p className="learn-end">
                  {nextLesson ? (
                    <a href={formatHash('learn', learnParams(nextLesson.id, 0, { present }))}>
                      {t('learn.nextLesson', { title: tx(`lessons.${nextLesson.id}.title`) })} →
                    </a>
                  ) : (
                    t('learn.finished')
                  )}
                </p>
              )}
            </article>
            <div
              className="learn-stage"
              data-testid="step-panel"
              data-panel={panelKind ?? 'none'}
              ref={stageBox}
            >
              <div ref={stageRef} className="map-fit" />
              <div
                className="learn-stage-content"
                ref={stageContent}
                style={zoom === 1 ? undefined : { zoom }}
              >
                {checked.errors.length > 0 && (
                  <div className="message error" role="alert" data-testid="link-message">
                    {checked.errors.map((m, i) => (
                      <p key={i}>{m}</p>
                    ))}
                  </div>
                )}
                {/* A panel's padding and border take ~28 px of the stage; zoomed, it lays out narrower. */}
                <LearnRoom.Provider value={stageWidth === null ? null : Math.floor((stageWidth - 28) / zoom)}>
                  {Panel && (
                    <ErrorBoundary key={pageKey} where={title} resetKey={JSON.stringify(params)}>
                      <Panel params={params} setParam={setParam} />
                    </ErrorBoundary>
                  )}
                </LearnRoom.Provider>
              </div>
            </div>
          </div>
          {/* Never hidden in presentation mode (sticky at the bottom): the step buttons are always there. */}
          <nav className="learn-nav" aria-label={t('learn.stepsNav')}>
            <button
              type="button"
              className="secondary"
              onClick={backward}
              disabled={page === 0 && !prevLesson}
              aria-label={t('learn.prevLabel')}
            >
              ← <span className="learn-nav-word">{t('learn.prev')}</span>
            </button>
            <ol className="learn-dots">
              {pages.map((p, i) => {
                const label =
                  p.kind === 'step'
                    ? t('learn.goToStep', { n: i + 1, title: tx(`${base}.steps.${p.step.id}.title`) })
                    : t('learn.goToQuestion', { n: p.index + 1 });
                return (
                  <li key={i}>
                    <button
                      type="button"
                      className={`learn-dot${p.kind === 'question' ? ' learn-dot-q' : ''}`}
                      aria-label={label}
                      aria-current={i === page ? 'step' : undefined}
                      onClick={() => go(i)}
                    >
                      {p.kind === 'question' ? '?' : i + 1}
                    </button>
                  </li>
                );
              })}
            </ol>
            <button
              type="button"
              onClick={forward}
              disabled={last && !nextLesson}
              aria-label={t('learn.nextLabel')}
            >
              <span className="learn-nav-word">{t('learn.next')}</span> →
            </button>
            {!present && <span className="learn-muted learn-keys">{t('learn.keysHint')}</span>}
          </nav>
        </section>
      </LearnPresentBig.Provider>
    </LearnScale.Provider>
  );
}
