import { describe, expect, it } from 'vitest';
import {
  actionProblems,
  defaultOwnerRole,
  emptyNewFindingDraft,
  findingProblems,
  nenRating,
  toNewAction,
  toNewFinding,
  withSeverity,
} from './finding-form.ts';

describe('the finding form', () => {
  it('proposes a due date from the severity until the inspector picks one', () => {
    const draft = emptyNewFindingDraft('brandveiligheidsronde');
    const serious = withSeverity(draft, 'ernstig', '2026-03-01');
    expect(serious.action.dueDate).toBe('2026-03-31');
    const danger = withSeverity(serious, 'direct-gevaar', '2026-03-01');
    expect(danger.action.dueDate).toBe('2026-03-01');
    const picked = {
      ...danger,
      action: { ...danger.action, dueDate: '2026-04-15', dueDateEdited: true },
    };
    expect(withSeverity(picked, 'gering', '2026-03-01').action.dueDate).toBe('2026-04-15');
  });

  it('names what is missing before a finding can be stored', () => {
    const draft = emptyNewFindingDraft('zorggeschiktheid');
    expect(findingProblems(draft.finding)).toEqual({
      location: 'finding.error.location',
      description: 'finding.error.description',
      severity: 'finding.error.severity',
    });
    expect(actionProblems(draft.action)).toEqual({
      what: 'action.error.what',
      dueDate: 'action.error.dueDate',
    });
    expect(actionProblems({ ...draft.action, enabled: false })).toEqual({});
  });

  it('requires all three NEN 2767 parts once the rating is switched on', () => {
    const finding = {
      ...emptyNewFindingDraft('zorggeschiktheid').finding,
      location: 'Galerij',
      description: 'Scheur',
      severity: 'gering' as const,
      nenEnabled: true,
      ernst: 'serieus' as const,
      intensiteit: 2 as const,
    };
    expect(findingProblems(finding)).toEqual({ nen: 'finding.error.nen' });
    const complete = { ...finding, omvang: 3 as const };
    expect(nenRating(complete)).toEqual({ ernst: 'serieus', intensiteit: 2, omvang: 3 });
    expect(toNewFinding(complete)).toEqual({
      location: 'Galerij',
      description: 'Scheur',
      severity: 'gering',
      nen2767: { ernst: 'serieus', intensiteit: 2, omvang: 3 },
    });
  });

  it('leaves the rating out when it is switched off, even if parts were chosen', () => {
    const finding = {
      ...emptyNewFindingDraft('zorggeschiktheid').finding,
      location: ' Hal ',
      description: ' Drempel ',
      severity: 'ernstig' as const,
      ernst: 'gering' as const,
      intensiteit: 1 as const,
      omvang: 1 as const,
    };
    expect(toNewFinding(finding)).toEqual({
      location: 'Hal',
      description: 'Drempel',
      severity: 'ernstig',
    });
  });

  it('gives the action to the team that usually owns it, with the module and pand', () => {
    expect(defaultOwnerRole('brandveiligheidsronde')).toBe('veiligheid');
    expect(defaultOwnerRole('energie-opname')).toBe('duurzaamheid');
    expect(defaultOwnerRole('zorggeschiktheid')).toBe('beheerder');
    const draft = {
      ...emptyNewFindingDraft('zorggeschiktheid').action,
      what: ' Drempel weg ',
      dueDate: '2026-05-01',
    };
    expect(toNewAction(draft, { moduleId: 'zorggeschiktheid', pandId: 'p1' })).toEqual({
      what: 'Drempel weg',
      ownerRole: 'beheerder',
      dueDate: '2026-05-01',
      moduleId: 'zorggeschiktheid',
      pandId: 'p1',
    });
  });
});
