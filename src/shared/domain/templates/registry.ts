import type { ModuleId } from '../module.ts';
import { brandveiligheidsrondeV1 } from './brandveiligheidsronde.ts';
import { energieOpnameV1 } from './energie-opname.ts';
import { ondertoppenScanV1 } from './ondertoppen-scan.ts';
import { optoppenScanV1 } from './optoppen-scan.ts';
import { splitsenScanV1 } from './splitsen-scan.ts';
import type { Template } from './template-schema.ts';
import { zorggeschiktheidV1, zorggeschiktheidV2 } from './zorggeschiktheid.ts';

// Every version ever shipped stays here: an inspection records (templateId, templateVersion)
// and must stay readable and scorable after a newer version ships. Never edit a shipped
// version (registry.test.ts fingerprints each one); add a new version number instead.

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export const allTemplates: readonly Template[] = deepFreeze([
  optoppenScanV1,
  ondertoppenScanV1,
  splitsenScanV1,
  energieOpnameV1,
  brandveiligheidsrondeV1,
  zorggeschiktheidV1,
  zorggeschiktheidV2,
]);

/** The template of an inspection, or undefined when this app does not know that version. */
export function getTemplate(id: ModuleId, version: number): Template | undefined {
  return allTemplates.find((template) => template.id === id && template.version === version);
}

/** The newest version of a module's template (new inspections use this one). */
export function latestTemplate(id: ModuleId): Template {
  let latest: Template | undefined;
  for (const template of allTemplates)
    if (template.id === id && (latest === undefined || template.version > latest.version))
      latest = template;
  // Every module ships at least one version (registry.test.ts checks this).
  if (latest === undefined) throw new Error(`Geen template voor module ${id}.`);
  return latest;
}

/** All shipped versions of one module, oldest first. */
export function templateVersions(id: ModuleId): Template[] {
  return allTemplates
    .filter((template) => template.id === id)
    .sort((a, b) => a.version - b.version);
}
