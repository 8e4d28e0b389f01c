import { t } from '../../i18n/i18n.ts';

/** The way back up from a complex, pand or dwelling: portfolio, then its complex and pand if known. */
export function PortfolioBreadcrumb({
  complex,
  pand,
}: {
  complex?: { id: string; complexnummer: string; name: string } | undefined;
  pand?: { id: string; bagPandId?: string | null | undefined } | undefined;
}) {
  return (
    <nav class="breadcrumb" aria-label={t('nav.breadcrumb')}>
      <a href="/portefeuille">{t('nav.portfolio')}</a>
      {complex && (
        <a href={`/complexen/${complex.id}`}>
          {complex.complexnummer} {complex.name}
        </a>
      )}
      {pand && (
        <a href={`/panden/${pand.id}`}>
          {t('pand.title', { id: pand.bagPandId ?? t('common.unknown') })}
        </a>
      )}
    </nav>
  );
}
