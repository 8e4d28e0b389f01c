import { describe, expect, it } from 'vitest';
import type { EnergyLabelRecord } from '../energy-label.ts';
import { answerSetFor, type PlainValue } from '../templates/answer-builder.ts';
import { latestTemplate } from '../templates/registry.ts';
import type { EnergieOpnameResult } from './energie-opname.ts';
import { scoreInspection } from './index.ts';

const template = latestTemplate('energie-opname');

const label = (
  labelClass: EnergyLabelRecord['class'],
  registrationDate: string,
  validUntil: string,
): EnergyLabelRecord => ({
  class: labelClass,
  registrationDate,
  recordingDate: registrationDate,
  validUntil,
  method: 'NTA8800',
  source: 'ep-online',
});
const gLabel = label('G', '2021-05-01', '2031-05-01');

// A poorly insulated dwelling: single glazing, no insulation, old boiler, natural ventilation.
const poor: Record<string, PlainValue> = {
  'label-oordeel': 'past',
  'glas-voorgevel': 'enkel',
  'glas-achtergevel': 'dubbel',
  zijgevel: 'nee',
  gevelisolatie: 'geen',
  dakisolatie: 'nvt',
  vloerisolatie: 'deels',
  verwarming: 'vr-cr-ketel',
  ventilatie: 'natuurlijk',
  zonnepanelen: 'nee',
  vocht: 'nee',
};

function score(values: Record<string, PlainValue>, labelRecords: EnergyLabelRecord[] = [gLabel]) {
  const scored = scoreInspection(template, answerSetFor(template, values), {
    inspectionDate: '2025-03-01',
    labelRecords,
  });
  if (scored.module !== 'energie-opname') throw new Error('wrong module');
  return scored as typeof scored & { result: EnergieOpnameResult };
}

describe('energie-opname', () => {
  it('shows the registered label and its EFG status', () => {
    const { result } = score(poor);
    expect(result.registered).toMatchObject({ label: 'G', isEfg: true, expired: false });
  });

  it('uses the newest registration when a dwelling has several labels', () => {
    const { result } = score(poor, [gLabel, label('C', '2023-06-01', '2033-06-01')]);
    expect(result.registered).toMatchObject({ label: 'C', isEfg: false });
  });

  it('says an expired EFG label still counts as EFG', () => {
    const { result, explanation } = score(poor, [label('F', '2014-01-01', '2024-01-01')]);
    expect(result.registered).toMatchObject({ label: 'F', isEfg: true, expired: true });
    expect(
      explanation.some((entry) => entry.detail.includes('verlopen op de inspectiedatum')),
    ).toBe(true);
  });

  it('suggests measures from the observed weak points', () => {
    const { result } = score(poor);
    expect(result.suggestedMeasures).toEqual([
      'hr-plus-plus-glas',
      'spouwmuurisolatie',
      'vloerisolatie',
      'hr-ketel-naar-hybride-warmtepomp',
      'ventilatie-kierdichting',
      'zonnepanelen',
    ]);
    expect(result.weakPoints.map((point) => point.questionId)).toContain('glas-achtergevel');
  });

  it('gives an indicative label after the suggested measures and whether it leaves EFG', () => {
    const { result } = score(poor);
    // glas 1 + gevel 2 + vloer 1 + verwarming 1 + ventilatie 1 + zon 1 = 7 steps: G -> A+.
    expect(result.indicativeAfter).toMatchObject({ from: 'G', to: 'A+', steps: 7 });
    expect(result.leavesEfg).toBe(true);
  });

  it('prefers the measures the inspector chose', () => {
    const { result } = score({ ...poor, maatregelen: ['dakisolatie'] });
    expect(result.proposedMeasures).toEqual(['dakisolatie']);
    expect(result.indicativeAfter).toMatchObject({ from: 'G', to: 'F' });
    expect(result.leavesEfg).toBe(false);
  });

  it('flags an EFG label that no longer fits what the inspector sees', () => {
    const good = {
      ...poor,
      'glas-voorgevel': 'hr-plus-plus',
      'glas-achtergevel': 'triple',
      gevelisolatie: 'volledig',
      verwarming: 'warmtepomp',
    };
    expect(score(good).result.labelSeemsOutdated).toBe(true);
    expect(score({ ...poor, 'label-oordeel': 'beter' }).result.labelSeemsOutdated).toBe(true);
    expect(score(poor).result.labelSeemsOutdated).toBe(false);
  });

  it('puts moisture first', () => {
    const { result, explanation } = score({ ...poor, vocht: 'ja' });
    expect(result.moisture).toBe(true);
    expect(
      explanation.some(
        (entry) => entry.outcome === 'fail' && entry.detail.includes('Vocht of schimmel'),
      ),
    ).toBe(true);
  });

  it('says when no label is registered and gives no indicative label', () => {
    const { result, explanation } = score(poor, []);
    expect(result.registered.label).toBeNull();
    expect(result.indicativeAfter).toBeNull();
    expect(
      explanation.some((entry) => entry.detail.includes('Geen geregistreerd energielabel bekend')),
    ).toBe(true);
  });

  it('ignores the side facade when there is none, and asks for it when there is', () => {
    expect(score(poor).result.weakPoints.some((p) => p.questionId === 'glas-zijgevel')).toBe(false);
    const withSide = score({ ...poor, zijgevel: 'ja' });
    expect(
      withSide.explanation.some(
        (e) => e.answersUsed.includes('glas-zijgevel') && e.detail.includes('niet beantwoord'),
      ),
    ).toBe(true);
  });
});
