import { z } from 'zod';
import { EntityIdSchema } from './entity-id.ts';
import { IsoDateSchema } from './iso-date.ts';

// A building's fire-safety round schedule (safety officers): how often the brandveiligheidsronde
// is due. Due and overdue dates follow from the schedule and the last finished round.

export const RoundFrequencySchema = z.enum(
  ['maandelijks', 'per-kwartaal', 'halfjaarlijks', 'jaarlijks'],
  { error: 'Kies maandelijks, per kwartaal, halfjaarlijks of jaarlijks.' },
);
export type RoundFrequency = z.infer<typeof RoundFrequencySchema>;

export const RoundScheduleSchema = z.object({
  id: EntityIdSchema,
  pandId: EntityIdSchema,
  complexId: EntityIdSchema,
  frequency: RoundFrequencySchema,
  /** The first round is due on this date when no round was done before. */
  startsOn: IsoDateSchema,
  /** A paused schedule (e.g. building being renovated) produces no due rounds. */
  active: z.boolean(),
  note: z.string().trim().max(2000).optional(),
});
export type RoundSchedule = z.infer<typeof RoundScheduleSchema>;
