import { MNIST_COUNTS } from '../../engine';
import { LESSONS } from '../../demos/lessons/registry';
import { formatHash } from '../../state/hashRoute';
import { learnParams } from '../learn/lessonRoute';
import { useHashRoute, useSetHashParams } from '../../state/useHashRoute';
import { t } from '../../i18n';
import { LivePipeline } from './LivePipeline';

/** Test digits that read well at a glance, one of each kind; "Another digit" walks through them. */
export const HOME_DIGITS = [0, 1, 2, 3, 4, 8, 11, 18, 61, 7] as const;

function digitFrom(params: URLSearchParams): number {
  const raw = Number(params.get('digit'));
  return Number.isInteger(raw) && raw >= 0 && raw < MNIST_COUNTS.test ? raw : HOME_DIGITS[0];
}

/** `#/`: what CNN Studio is, shown with a live network, and three ways in (lessons first). */
export function HomeArea() {
  const { params } = useHashRoute();
  const setHash = useSetHashParams('home');
  const digit = digitFrom(params);
  const another = () => {
    const at = HOME_DIGITS.indexOf(digit as (typeof HOME_DIGITS)[number]);
    const next = new URLSearchParams(params);
    next.set('digit', String(HOME_DIGITS[(at + 1) % HOME_DIGITS.length]));
    setHash(next);
  };
  return (
    <div className="home">
      <section className="home-hero" aria-labelledby="home-title">
        <div className="home-intro">
          <h1 id="home-title">{t('home.title')}</h1>
          <div className="home-intro-side">
            <p className="home-lead">{t('home.lead')}</p>
            <button type="button" className="secondary" onClick={another} data-testid="home-another">
              {t('home.another')}
            </button>
          </div>
        </div>
        <LivePipeline digit={digit} />
      </section>
      <nav className="home-ways" aria-label={t('home.waysLabel')}>
        <ul>
          <li className="home-way home-way-primary">
            <span className="home-kicker">{t('home.ways.learn.kicker')}</span>
            <h2>{t('home.ways.learn.title')}</h2>
            <p>{t('home.ways.learn.text')}</p>
            <a className="home-go" href={formatHash('learn', learnParams(LESSONS[0]?.id ?? null, 0))}>
              {t('home.ways.learn.go')} →
            </a>
          </li>
          <li className="home-way">
            <span className="home-kicker">{t('home.ways.explore.kicker')}</span>
            <h2>{t('home.ways.explore.title')}</h2>
            <p>{t('home.ways.explore.text')}</p>
            <a className="home-go" href={formatHash('convolution')}>
              {t('home.ways.explore.go')} →
            </a>
            <a className="home-more" href={formatHash('pooling')}>
              {t('home.ways.explore.pooling')}
            </a>
          </li>
          <li className="home-way">
            <span className="home-kicker">{t('home.ways.build.kicker')}</span>
            <h2>{t('home.ways.build.title')}</h2>
            <p>{t('home.ways.build.text')}</p>
            <a className="home-go" href={formatHash('train')}>
              {t('home.ways.build.go')} →
            </a>
            <a className="home-more" href={formatHash('draw')}>
              {t('home.ways.build.draw')}
            </a>
          </li>
        </ul>
      </nav>
    </div>
  );
}
