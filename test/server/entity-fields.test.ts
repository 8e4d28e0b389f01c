import { describe, expect, it } from 'vitest';
import { fieldProblems } from '../../src/server/sync/entity-fields.ts';
import {
  AnswerRecordSchema,
  InspectionRecordSchema,
  type AnswerRecord,
  type InspectionRecord,
} from '../../src/shared/domain/index.ts';

// The server checks pushed fields against the same schemas the device stores with, so every
// record the device may hold is accepted and nothing outside those schemas is.

const inspection: InspectionRecord = InspectionRecordSchema.parse({
  id: '0190f5a4-1c2d-7000-8000-000000000001',
  module: 'brandveiligheidsronde',
  templateId: 'brandveiligheidsronde',
  templateVersion: 1,
  targetLevel: 'pand',
  targetId: '0190f5a4-1c2d-7000-8000-000000000002',
  complexId: '0190f5a4-1c2d-7000-8000-000000000003',
  status: 'finished',
  plannedFor: '2026-11-02',
  startedAt: '2026-11-02T09:00:00Z',
  finishedAt: '2026-11-02T10:00:00Z',
  inspectorId: 'user-1',
  position: { lat: 52.1, lon: 5.1, accuracyM: 8 },
  carriedForwardFrom: '0190f5a4-1c2d-7000-8000-000000000004',
});

const answer: AnswerRecord = AnswerRecordSchema.parse({
  inspectionId: inspection.id,
  questionId: 'hoogste-vloer',
  value: { type: 'measurement', value: 12.5, unit: 'm' },
  answeredAt: '2026-11-02T09:10:00Z',
  answeredBy: 'user-1',
});

describe('fields a pushed op may set', () => {
  it('accepts every field of a complete inspection record except its id', () => {
    const fields: Partial<InspectionRecord> = { ...inspection };
    delete fields.id;
    expect(Object.keys(fields)).toHaveLength(Object.keys(InspectionRecordSchema.shape).length - 1);
    expect(fieldProblems('inspection', fields)).toEqual([]);
    expect(fieldProblems('inspection', { id: inspection.id })).toEqual([
      'Onbekend veld voor inspection: id.',
    ]);
  });

  it('accepts every field of a complete answer record', () => {
    expect(fieldProblems('answer', answer)).toEqual([]);
  });

  it('refuses an inspection status the device does not know', () => {
    expect(fieldProblems('inspection', { status: 'archived' })).toHaveLength(1);
  });

  it('bounds who inspected or answered to 200 characters', () => {
    const long = 'x'.repeat(201);
    expect(fieldProblems('inspection', { inspectorId: 'x'.repeat(200) })).toEqual([]);
    expect(fieldProblems('inspection', { inspectorId: long })).toHaveLength(1);
    expect(fieldProblems('answer', { answeredBy: long })).toHaveLength(1);
  });
});
