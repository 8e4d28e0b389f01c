import { describe, expect, it } from 'vitest';
import { moduleAllowsTarget, moduleIds, ModuleIdSchema, moduleTargetLevels } from './module.ts';

describe('modules', () => {
  it('are the six inspection modules', () => {
    expect(moduleIds).toEqual([
      'optoppen-scan',
      'ondertoppen-scan',
      'splitsen-scan',
      'energie-opname',
      'brandveiligheidsronde',
      'zorggeschiktheid',
    ]);
    expect(ModuleIdSchema.safeParse('woning-delen').error?.issues[0]?.message).toBe(
      'Onbekende module.',
    );
  });

  it('attach to the level of the hierarchy they judge', () => {
    expect(moduleTargetLevels).toEqual({
      'optoppen-scan': ['pand'],
      'ondertoppen-scan': ['pand'],
      'splitsen-scan': ['verblijfsobject'],
      'energie-opname': ['verblijfsobject', 'pand'],
      brandveiligheidsronde: ['pand'],
      zorggeschiktheid: ['verblijfsobject'],
    });
    expect(moduleAllowsTarget('energie-opname', 'pand')).toBe(true);
    expect(moduleAllowsTarget('splitsen-scan', 'pand')).toBe(false);
    expect(moduleAllowsTarget('brandveiligheidsronde', 'complex')).toBe(false);
  });
});
