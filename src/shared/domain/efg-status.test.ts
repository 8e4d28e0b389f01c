import { describe, expect, it } from 'vitest';
import {
  canTransitionEfg,
  checkEfgTransition,
  EfgDropSchema,
  efgTransitions,
  EfgWorkflowStatusSchema,
  type EfgWorkflowStatus,
} from './efg-status.ts';
import type { Role } from './role.ts';

const statuses = EfgWorkflowStatusSchema.options;
const allowed = new Set([
  'kandidaat>in-voorbereiding',
  'kandidaat>afgevallen',
  'in-voorbereiding>kandidaat',
  'in-voorbereiding>maatregelen-gepland',
  'in-voorbereiding>afgevallen',
  'maatregelen-gepland>in-voorbereiding',
  'maatregelen-gepland>uitgevoerd',
  'maatregelen-gepland>afgevallen',
  'uitgevoerd>maatregelen-gepland',
  'uitgevoerd>nieuw-label-geregistreerd',
  'afgevallen>kandidaat',
]);

describe('canTransitionEfg', () => {
  it.each(
    statuses.flatMap((from) =>
      statuses.map((to) => [from, to, allowed.has(`${from}>${to}`)] as const),
    ),
  )('from %s to %s is allowed: %s', (from, to, expected) => {
    expect(canTransitionEfg(from, to)).toBe(expected);
  });

  it('treats a registered new label as final', () => {
    expect(efgTransitions['nieuw-label-geregistreerd']).toEqual([]);
  });
});

describe('checkEfgTransition', () => {
  it.each<[Role, boolean]>([
    ['inspecteur', false],
    ['veiligheid', false],
    ['duurzaamheid', true],
    ['beheerder', true],
  ])('lets only duurzaamheid and beheerder change the status (%s: %s)', (role, ok) => {
    expect(checkEfgTransition('kandidaat', 'in-voorbereiding', role).ok).toBe(ok);
  });

  it('refuses a step that is not in the table or stays put', () => {
    expect(checkEfgTransition('kandidaat', 'uitgevoerd', 'beheerder')).toEqual({
      ok: false,
      error: 'Van EFG-status kandidaat naar uitgevoerd is niet toegestaan.',
    });
    expect(checkEfgTransition('kandidaat', 'kandidaat', 'beheerder').ok).toBe(false);
  });

  it('requires a reason to drop out, and a note when the reason is anders', () => {
    const from: EfgWorkflowStatus = 'in-voorbereiding';
    expect(checkEfgTransition(from, 'afgevallen', 'duurzaamheid')).toEqual({
      ok: false,
      error: 'Geef een reden waarom de woning afvalt.',
    });
    expect(
      checkEfgTransition(from, 'afgevallen', 'duurzaamheid', { reason: 'sloop-gepland' }),
    ).toEqual({ ok: true });
    expect(checkEfgTransition(from, 'afgevallen', 'duurzaamheid', { reason: 'anders' })).toEqual({
      ok: false,
      error: 'Bij reden "anders" is een toelichting verplicht.',
    });
    expect(
      checkEfgTransition(from, 'afgevallen', 'duurzaamheid', {
        reason: 'anders',
        note: 'Verkoop aan zittende huurder',
      }),
    ).toEqual({ ok: true });
  });

  it('rejects an unknown drop reason', () => {
    expect(EfgDropSchema.safeParse({ reason: 'geen-zin' }).error?.issues[0]?.message).toBe(
      'Onbekende reden om af te vallen.',
    );
  });
});
