// Public entry of the domain core. Import from here outside src/shared/domain.
export * from './action.ts';
export * from './address.ts';
export * from './bag.ts';
export * from './complex.ts';
export * from './efg-case.ts';
export * from './efg-status.ts';
export * from './energy-label.ts';
export * from './entity-id.ts';
export * from './finding.ts';
export * from './fire-safety-history.ts';
export * from './fire-safety-schedule.ts';
export * from './iso-date.ts';
export * from './module.ts';
export * from './nen2767.ts';
export * from './organisation.ts';
export * from './pand.ts';
export * from './photo-note.ts';
export * from './postcode.ts';
export * from './role.ts';
export * from './rule.ts';
export * from './verblijfsobject.ts';

// Templates, scoring and inspection (engineer B):
export * from './templates/index.ts';
export * from './scoring/index.ts';
export * from './inspection.ts';
export * from './check-findings.ts';
