// Formatting shared by the screens: addresses, dates, sizes, and the catalogue names of domain
// ids (modules, levels, statuses), so every screen says the same thing the same way.
import { locale, t } from '../../i18n/i18n.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import type { ModuleId, TargetLevel } from '../../../shared/domain/module.ts';
import type { Role } from '../../../shared/domain/role.ts';
import type { Severity } from '../../../shared/domain/finding.ts';
import type { ActionStatus } from '../../../shared/domain/action.ts';
import type { LocalizedText, Question } from '../../../shared/domain/templates/template-schema.ts';
import type { RuleRef } from '../../../shared/domain/rule.ts';
import {
  localizeRule,
  localizeText,
  type TemplateCatalogue,
} from '../../../shared/domain/templates/i18n/localize.ts';
import { formatAnswerIn } from '../../../shared/domain/templates/i18n/format-answer.ts';
import type { AnswerValue } from '../../../shared/domain/templates/answer.ts';
import { signal } from '@preact/signals';
import { dutchDateOf } from '../../../shared/domain/iso-date.ts';

const moduleKeys: Record<ModuleId, MessageKey> = {
  'optoppen-scan': 'module.optoppen-scan',
  'ondertoppen-scan': 'module.ondertoppen-scan',
  'splitsen-scan': 'module.splitsen-scan',
  'energie-opname': 'module.energie-opname',
  brandveiligheidsronde: 'module.brandveiligheidsronde',
  zorggeschiktheid: 'module.zorggeschiktheid',
};

export function moduleName(module: ModuleId): string {
  return t(moduleKeys[module]);
}

const levelKeys: Record<TargetLevel, MessageKey> = {
  complex: 'level.complex',
  pand: 'level.pand',
  verblijfsobject: 'level.verblijfsobject',
};

export function levelName(level: TargetLevel): string {
  return t(levelKeys[level]);
}

export type InspectionStatusName = 'planned' | 'draft' | 'finished' | 'reopened';

const statusKeys: Record<InspectionStatusName, MessageKey> = {
  planned: 'inspection.status.planned',
  draft: 'inspection.status.draft',
  finished: 'inspection.status.finished',
  reopened: 'inspection.status.reopened',
};

export function inspectionStatusName(status: InspectionStatusName): string {
  return t(statusKeys[status]);
}

const roleKeys: Record<Role, MessageKey> = {
  inspecteur: 'role.inspecteur',
  duurzaamheid: 'role.duurzaamheid',
  veiligheid: 'role.veiligheid',
  beheerder: 'role.beheerder',
};

export function roleName(role: Role): string {
  return t(roleKeys[role]);
}

const severityKeys: Record<Severity, MessageKey> = {
  'direct-gevaar': 'severity.direct-gevaar',
  ernstig: 'severity.ernstig',
  gering: 'severity.gering',
};

export function severityName(severity: Severity): string {
  return t(severityKeys[severity]);
}

const actionStatusKeys: Record<ActionStatus, MessageKey> = {
  open: 'action.status.open',
  'in-behandeling': 'action.status.in-behandeling',
  afgerond: 'action.status.afgerond',
  vervallen: 'action.status.vervallen',
};

export function actionStatusName(status: ActionStatus): string {
  return t(actionStatusKeys[status]);
}

// The English checklist catalogue is its own chunk, fetched the first time English template text
// is shown, so Dutch users never download it. Until it arrives texts stay Dutch; the signal then
// re-renders whoever read them.
const templateCatalogue = signal<TemplateCatalogue | undefined>(undefined);
let templateCatalogueLoad: Promise<TemplateCatalogue | undefined> | undefined;

/**
 * Loads the English template texts once. Code that renders outside a component (a PDF report)
 * awaits this before calling localized(); a failed load (offline before precaching) resolves
 * undefined, leaves the Dutch fallback in place and is retried on the next call.
 */
export function loadTemplateCatalogue(): Promise<TemplateCatalogue | undefined> {
  templateCatalogueLoad ??= import('../../../shared/domain/templates/i18n/en.ts').then(
    (module) => (templateCatalogue.value = module.templateCatalogueEn),
    () => {
      templateCatalogueLoad = undefined;
      return undefined;
    },
  );
  return templateCatalogueLoad;
}

/**
 * Template text (title, group, question label, help, option, action) in the UI language; Dutch
 * when no translation exists or while the English catalogue is still loading.
 */
export function localized(text: LocalizedText): string {
  if (locale.value !== 'en') return text.nl;
  const catalogue = templateCatalogue.value;
  if (!catalogue) void loadTemplateCatalogue();
  return localizeText(text, 'en', catalogue);
}

/** An answer as a short phrase in the UI language ("no", "2.45 m", option labels translated). */
export function localizedAnswer(question: Question, value: AnswerValue): string {
  if (locale.value !== 'en') return formatAnswerIn(question, value, 'nl', undefined);
  const catalogue = templateCatalogue.value;
  if (!catalogue) void loadTemplateCatalogue();
  return formatAnswerIn(question, value, 'en', catalogue);
}

/** A rule a template cites, with text and source in the UI language (see localized()). */
export function localizedRule(rule: RuleRef): RuleRef {
  if (locale.value !== 'en') return rule;
  const catalogue = templateCatalogue.value;
  if (!catalogue) void loadTemplateCatalogue();
  return localizeRule(rule, 'en', catalogue);
}

export interface AddressParts {
  straat?: string | null;
  postcode: string | null;
  huisnummer: number | null;
  huisletter: string | null;
  toevoeging: string | null;
  woonplaats: string | null;
}

/** "Botersloot 100A-2, 3011 HE Rotterdam"; parts the export lacks are left out, never invented. */
export function formatDwellingAddress(dwelling: AddressParts): string {
  const number = [
    dwelling.huisnummer ?? '',
    dwelling.huisletter ?? '',
    dwelling.toevoeging ? `-${dwelling.toevoeging}` : '',
  ].join('');
  const street = [dwelling.straat ?? '', number].filter(Boolean).join(' ');
  const place = [dwelling.postcode ?? '', dwelling.woonplaats ?? ''].filter(Boolean).join(' ');
  return [street, place].filter(Boolean).join(', ') || t('address.unknown');
}

function intlLocale(): string {
  return locale.value === 'en' ? 'en-GB' : 'nl-NL';
}

/** 'YYYY-MM-DD' as a Dutch calendar date ("22 nov. 2026"), with no time-zone shift. */
export function formatIsoDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  if (!year || !month || !day) return isoDate;
  return new Date(Date.UTC(year, month - 1, day)).toLocaleDateString(intlLocale(), {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
}

/** A moment as Dutch (Europe/Amsterdam) date and time ("22 nov. 2026 14:05"), on any device. */
export function formatDateTime(isoDateTime: string | number): string {
  const date = new Date(isoDateTime);
  if (Number.isNaN(date.getTime())) return String(isoDateTime);
  return date.toLocaleString(intlLocale(), {
    timeZone: 'Europe/Amsterdam',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** The Dutch calendar date (Europe/Amsterdam) of a moment, default now, as 'YYYY-MM-DD'. */
export function todayIso(now: Date | number | string = Date.now()): string {
  return dutchDateOf(now);
}

/** Bytes as "12,3 MB" / "1,2 GB". */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toLocaleString(intlLocale(), { maximumFractionDigits: digits })} ${units[unit]}`;
}
