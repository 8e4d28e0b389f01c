import { z } from 'zod';

// Ids only: display names are UI text and live in the app's message catalogue.
export const ModuleIdSchema = z.enum(
  [
    'optoppen-scan',
    'ondertoppen-scan',
    'splitsen-scan',
    'energie-opname',
    'brandveiligheidsronde',
    'zorggeschiktheid',
  ],
  { error: 'Onbekende module.' },
);
export type ModuleId = z.infer<typeof ModuleIdSchema>;

export const moduleIds: readonly ModuleId[] = ModuleIdSchema.options;

/** The level of the portfolio hierarchy an inspection attaches to. */
export const TargetLevelSchema = z.enum(['complex', 'pand', 'verblijfsobject'], {
  error: 'Onbekend niveau: kies complex, pand of verblijfsobject.',
});
export type TargetLevel = z.infer<typeof TargetLevelSchema>;

/** Where each module's inspection may attach; the first level is the usual one. */
export const moduleTargetLevels: Readonly<Record<ModuleId, readonly TargetLevel[]>> = {
  'optoppen-scan': ['pand'],
  // Ground-floor space (bergingen, shops, garages) is judged within its pand.
  'ondertoppen-scan': ['pand'],
  'splitsen-scan': ['verblijfsobject'],
  'energie-opname': ['verblijfsobject', 'pand'],
  brandveiligheidsronde: ['pand'],
  zorggeschiktheid: ['verblijfsobject'],
};

export function moduleAllowsTarget(moduleId: ModuleId, level: TargetLevel): boolean {
  return moduleTargetLevels[moduleId].includes(level);
}
