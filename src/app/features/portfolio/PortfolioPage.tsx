import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { getAppStore, type PortfolioSearchResult } from '../../db/index.ts';
import { t } from '../../i18n/i18n.ts';
import { useLive } from '../../state/use-live.ts';
import { errorLine } from '../common/errors.ts';
import { formatDwellingAddress } from '../common/format.ts';
import { LabelValidity } from '../common/LabelValidity.tsx';
import { LabelBadge } from '../common/LabelBadge.tsx';
import { Loading, LoadError } from '../common/LoadState.tsx';
import { FirstRunPanel } from './FirstRunPanel.tsx';
import { typedText } from '../../ui/typed-text.ts';

const DWELLING_LIMIT = 50;

type SearchState =
  | { status: 'idle' }
  | { status: 'ready'; query: string; result: PortfolioSearchResult }
  | { status: 'error'; message: string };

/** Search-as-you-type over complexnummer, name, street, postcode, huisnummer, VHE and BAG id. */
export function PortfolioPage() {
  const store = getAppStore();
  const { query, path, route } = useLocation();
  const [text, setText] = useState(query.q ?? '');
  const [search, setSearch] = useState<SearchState>({ status: 'idle' });
  // Answers can arrive out of order while typing; only the newest query's answer is shown.
  const latest = useRef(0);
  const complexes = useLive(() => store.portfolio.watchComplexes(), []);

  useEffect(() => {
    const current = ++latest.current;
    const trimmed = text.trim();
    if (trimmed === '') {
      setSearch({ status: 'idle' });
      return;
    }
    store.portfolio.search(trimmed, { limit: DWELLING_LIMIT }).then(
      (result) => {
        if (current === latest.current) setSearch({ status: 'ready', query: trimmed, result });
      },
      (error: unknown) => {
        if (current === latest.current) setSearch({ status: 'error', message: errorLine(error) });
      },
    );
  }, [text]);

  const onInput = (value: string) => {
    setText(value);
    // Keep the query in the address so "back" from a complex returns to the same results.
    const next = value.trim() ? `${path}?q=${encodeURIComponent(value)}` : path;
    route(next, true);
  };

  return (
    <section>
      <h1>{t('portfolio.title')}</h1>
      <FirstRunPanel />
      <div class="search-box">
        <label class="field-label" for="portfolio-search">
          {t('portfolio.search.label')}
        </label>
        <input
          id="portfolio-search"
          class="input input-search"
          type="search"
          autoComplete="off"
          spellcheck={false}
          enterKeyHint="search"
          placeholder={t('portfolio.search.placeholder')}
          value={text}
          onInput={(event) => onInput(typedText(event.currentTarget))}
        />
      </div>
      {search.status === 'error' && <p class="field-error">{search.message}</p>}
      {search.status === 'ready' && <SearchResults state={search} />}
      {search.status === 'idle' && (
        <>
          <h2>{t('portfolio.complexes')}</h2>
          {complexes.status === 'loading' && <Loading />}
          {complexes.status === 'error' && <LoadError error={complexes.error} />}
          {complexes.status === 'ready' &&
            (complexes.value.length === 0 ? (
              <p class="muted">{t('portfolio.empty')}</p>
            ) : (
              <ul class="card-list" data-testid="complex-list">
                {complexes.value.map((complex) => (
                  <ComplexCard key={complex.id} complex={complex} />
                ))}
              </ul>
            ))}
        </>
      )}
    </section>
  );
}

function ComplexCard({
  complex,
}: {
  complex: {
    id: string;
    complexnummer: string;
    name: string;
    gemeente?: string | null | undefined;
  };
}) {
  return (
    <li class="card card-tap">
      <a class="card-title card-link" href={`/complexen/${complex.id}`}>
        {complex.complexnummer} {complex.name}
      </a>
      <span class="muted">{complex.gemeente ?? ''}</span>
    </li>
  );
}

function SearchResults({ state }: { state: Extract<SearchState, { status: 'ready' }> }) {
  const { complexes, dwellings } = state.result;
  if (complexes.length === 0 && dwellings.length === 0)
    return (
      <p class="muted" role="status">
        {t('portfolio.search.none', { query: state.query })}
      </p>
    );
  return (
    <div data-testid="search-results">
      <p class="muted" role="status">
        {dwellings.length >= DWELLING_LIMIT
          ? t('portfolio.search.many', { count: DWELLING_LIMIT })
          : t('portfolio.search.count', {
              complexes: complexes.length,
              dwellings: dwellings.length,
            })}
      </p>
      {complexes.length > 0 && (
        <>
          <h2>{t('portfolio.complexes')}</h2>
          <ul class="card-list">
            {complexes.map((complex) => (
              <ComplexCard key={complex.id} complex={complex} />
            ))}
          </ul>
        </>
      )}
      {dwellings.length > 0 && (
        <>
          <h2>{t('portfolio.dwellings')}</h2>
          <ul class="card-list">
            {dwellings.map(({ dwelling, complex }) => (
              <li key={dwelling.id} class="card card-tap">
                <div class="card-main">
                  <a class="card-title card-link" href={`/woningen/${dwelling.id}`}>
                    {formatDwellingAddress(dwelling)}
                  </a>
                  <div class="muted">
                    {[complex && `${complex.complexnummer} ${complex.name}`, dwelling.vheNummer]
                      .filter(Boolean)
                      .join(' · ')}
                  </div>
                </div>
                <LabelBadge label={dwelling.energyLabel?.class} />
                <LabelValidity label={dwelling.energyLabel} />
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
