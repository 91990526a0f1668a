import { useCallback } from 'react';
import { LESSONS } from '../../demos/lessons/registry';
import { formatHash } from '../../state/hashRoute';
import { useHashRoute, useSetHashParams } from '../../state/useHashRoute';
import { t, tx } from '../../i18n';
import { learnParams, parseLearnRoute } from './lessonRoute';
import { LessonPlayer } from './LessonPlayer';
import { CompareLauncher } from './CompareLauncher';
import { LessonThumb } from './LessonThumb';
import { LearnSpotIndex } from './LearnSpotIndex';
import { PRESENT_BIG_QUERY } from './panels/common';
import { useMediaQuery } from '../ui/useMediaQuery';

/** `#/learn`: the list of lessons, or one lesson at one step (see lessonRoute.ts for the URL). */
export function LearnArea() {
  const { params } = useHashRoute();
  const setHash = useSetHashParams('learn');
  const route = parseLearnRoute(params);
  const projector = useMediaQuery(PRESENT_BIG_QUERY) && route.present;
  const navigate = useCallback(
    (next: URLSearchParams, push: boolean) => {
      const backend = params.get('backend');
      if (backend) next.set('backend', backend);
      setHash(next, { push, ownsPresent: true });
    },
    [params, setHash],
  );

  if (route.lesson) {
    return (
      <LessonPlayer
        lesson={route.lesson}
        page={route.page}
        present={route.present}
        overrides={route.overrides}
        navigate={navigate}
      />
    );
  }
  // On a projector: one lesson's picture big, the lessons as buttons beside it (an unknown lesson's
  // message needs the desk's list, which shows it).
  if (projector && !route.unknownId) return <LearnSpotIndex />;
  return (
    <section className="learn-index" aria-labelledby="learn-title">
      <h1 id="learn-title">{t('learn.title')}</h1>
      <p className="learn-intro">{t('learn.intro')}</p>
      {route.unknownId && (
        <p className="message error" role="alert">
          {t('learn.notFound', { id: route.unknownId })}
        </p>
      )}
      <ol className="learn-cards" aria-label={t('learn.lessonsLabel')}>
        {LESSONS.map((l) => (
          <li key={l.id} className="learn-card">
            <a href={formatHash('learn', learnParams(l.id, 0))}>
              <LessonThumb id={l.id} />
              <span className="learn-kicker">{t('learn.lessonNumber', { n: l.number })}</span>
              <span className="learn-card-title">{tx(`lessons.${l.id}.title`)}</span>
              <span className="learn-card-summary">{tx(`lessons.${l.id}.summary`)}</span>
            </a>
          </li>
        ))}
      </ol>
      <CompareLauncher />
    </section>
  );
}
