// A readable name for what an inspection attaches to. The repositories have no bulk "describe
// these targets" call, so each label is one small read (dwellingDetail / pand / complexDetail).
import { getAppStore } from '../../db/index.ts';
import type { TargetLevel } from '../../../shared/domain/module.ts';
import { t } from '../../i18n/i18n.ts';
import { formatDwellingAddress } from './format.ts';

export interface TargetDescription {
  /** Address, pand id or complex name. */
  title: string;
  /** The complex it belongs to ("C-1001 Plusflat Botersloot"). */
  context: string | undefined;
  href: string;
}

export function targetHref(level: TargetLevel, id: string): string {
  if (level === 'complex') return `/complexen/${id}`;
  if (level === 'pand') return `/panden/${id}`;
  return `/woningen/${id}`;
}

export async function describeTarget(
  level: TargetLevel,
  id: string,
): Promise<TargetDescription | undefined> {
  const store = getAppStore();
  const href = targetHref(level, id);
  if (level === 'verblijfsobject') {
    const detail = await store.portfolio.dwellingDetail(id);
    if (!detail) return undefined;
    return {
      title: formatDwellingAddress(detail.dwelling),
      context: detail.complex && `${detail.complex.complexnummer} ${detail.complex.name}`,
      href,
    };
  }
  if (level === 'pand') {
    const pand = await store.portfolio.pand(id);
    if (!pand) return undefined;
    const complexes = await store.portfolio.listComplexes();
    const complex = complexes.find((item) => item.id === pand.pand.complexId);
    const first = pand.dwellings[0];
    return {
      title: t('pand.title', {
        id: pand.pand.bagPandId ?? t('common.unknown'),
      }),
      context: [complex && `${complex.complexnummer} ${complex.name}`, first?.postcode]
        .filter(Boolean)
        .join(' · '),
      href,
    };
  }
  const complexes = await store.portfolio.listComplexes();
  const complex = complexes.find((item) => item.id === id);
  return complex && { title: `${complex.complexnummer} ${complex.name}`, context: undefined, href };
}
