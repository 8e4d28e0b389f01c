import { describe, expect, it } from 'vitest';
import type { ModuleId } from '../module.ts';
import { latestTemplate } from '../templates/registry.ts';
import { findQuestion } from '../templates/template-schema.ts';
import { energyObservations } from './energie-opname.ts';
import { ondertoppenCriteria } from './ondertoppen-scan.ts';
import { optoppenFactors } from './optoppen-scan.ts';
import { splitsenCriteria } from './splitsen-scan.ts';
import { zorgCriteria } from './zorggeschiktheid.ts';

// Scoring reads answers by question id; a typo would silently read "not answered". Every id the
// scoring code names must exist in the latest template of its module.
const references: [ModuleId, string[]][] = [
  [
    'optoppen-scan',
    [
      ...optoppenFactors.map((factor) => factor.question),
      'hoogste-vloer',
      'verdiepingshoogte',
      'extra-bouwlagen',
      'dakoppervlak',
      'doelgrootte',
      'droge-blusleiding',
    ],
  ],
  [
    'ondertoppen-scan',
    [...ondertoppenCriteria.flatMap((criterion) => criterion.questions), 'vloeroppervlak'],
  ],
  [
    'splitsen-scan',
    [...splitsenCriteria.A, ...splitsenCriteria.B]
      .flatMap((criterion) => criterion.questions)
      .concat('totaal-oppervlak'),
  ],
  [
    'energie-opname',
    [
      ...energyObservations.map((observation) => observation.question),
      'vocht',
      'label-oordeel',
      'maatregelen',
    ],
  ],
  ['zorggeschiktheid', zorgCriteria.flatMap((criterion) => criterion.questions)],
];

describe.each(references)('question ids used by the %s scoring', (module, ids) => {
  it('all exist in the latest template', () => {
    const template = latestTemplate(module);
    for (const id of new Set(ids)) expect(findQuestion(template, id), id).toBeDefined();
  });
});
