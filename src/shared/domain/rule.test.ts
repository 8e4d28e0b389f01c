import { describe, expect, it } from 'vitest';
import { RuleRefSchema, rules } from './rule.ts';

describe('rule registry', () => {
  it('holds valid rule references keyed by their own id', () => {
    for (const [key, rule] of Object.entries(rules)) {
      expect(RuleRefSchema.parse(rule)).toEqual(rule);
      expect(rule.id).toBe(key);
    }
  });

  it('states the NTA 8800 thresholds, not the 2019 draft ones', () => {
    expect(rules['energielabel.klasse.ep2'].text).toContain('E ≤ 335, F ≤ 380, G > 380');
    expect(rules['energielabel.klasse.ep2'].source).toContain('NTA 8800');
  });

  it('rejects ids with capitals or spaces', () => {
    expect(RuleRefSchema.safeParse({ id: 'Bbl lift', text: 't', source: 's' }).success).toBe(false);
    expect(RuleRefSchema.safeParse({ id: 'bbl.lift.12_5m', text: 't', source: 's' }).success).toBe(
      true,
    );
  });
});
