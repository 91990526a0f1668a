import { useEffect, useRef, useState } from 'react';
import { LESSONS } from '../../demos/lessons/registry';
import { formatHash } from '../../state/hashRoute';
import { t, tx } from '../../i18n';
import { learnParams } from './lessonRoute';
import { LessonThumb } from './LessonThumb';

/**
 * The lesson list on a projector (`present=1` on a large screen): one lesson's drawing filling most of
 * the screen, with its number, title and summary, and the eleven lessons as large buttons beside it.
 * The teacher picks a lesson from the back of the room with a clicker: Page Down / Page Up (or the
 * arrow keys) move the choice and its focus, Enter starts it; a click on a button starts it at once.
 * Eleven small cards, the desk's list, left no picture a class could see.
 */
export function LearnSpotIndex() {
  const [chosen, setChosen] = useState(0);
  const buttons = useRef<(HTMLAnchorElement | null)[]>([]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
      const step =
        e.key === 'PageDown' || e.key === 'ArrowDown'
          ? 1
          : e.key === 'PageUp' || e.key === 'ArrowUp'
            ? -1
            : 0;
      if (!step) return;
      e.preventDefault();
      setChosen((c) => {
        const next = (c + step + LESSONS.length) % LESSONS.length;
        buttons.current[next]?.focus();
        return next;
      });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const lesson = LESSONS[chosen] ?? LESSONS[0];
  if (!lesson) return null;
  const href = (id: string) => formatHash('learn', learnParams(id, 0, { present: true }));
  return (
    <section className="learn-index learn-spot-index" aria-labelledby="learn-title">
      <div className="learn-spot" data-testid="learn-spot">
        <h1 id="learn-title" className="learn-spot-head">
          <span className="learn-kicker">{t('learn.lessonNumber', { n: lesson.number })}</span>{' '}
          {tx(`lessons.${lesson.id}.title`)}
        </h1>
        <a
          className="learn-spot-picture"
          href={href(lesson.id)}
          aria-label={t('learn.spotStart', { n: lesson.number })}
        >
          <LessonThumb id={lesson.id} />
        </a>
        <p className="learn-spot-summary">{tx(`lessons.${lesson.id}.summary`)}</p>
        <p className="learn-spot-go">
          <a className="learn-go" href={href(lesson.id)}>
            {t('learn.spotStart', { n: lesson.number })} →
          </a>{' '}
          <span className="learn-muted">{t('learn.spotKeys')}</span>
        </p>
      </div>
      <ol className="learn-spot-list" aria-label={t('learn.lessonsLabel')}>
        {LESSONS.map((l, i) => (
          <li key={l.id}>
            <a
              ref={(el) => {
                buttons.current[i] = el;
              }}
              href={href(l.id)}
              className={i === chosen ? 'learn-spot-item chosen' : 'learn-spot-item'}
              aria-current={i === chosen ? 'true' : undefined}
              onFocus={() => setChosen(i)}
            >
              <span className="learn-spot-n">{l.number}</span> {tx(`lessons.${l.id}.title`)}
            </a>
          </li>
        ))}
      </ol>
    </section>
  );
}
