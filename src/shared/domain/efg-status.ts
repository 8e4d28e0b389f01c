import { z } from 'zod';
import { may, type Role } from './role.ts';

// The workflow of a dwelling on the EFG list (sustainability team), from candidate to a new
// registered label or dropping out with a reason.
export const EfgWorkflowStatusSchema = z.enum(
  [
    'kandidaat',
    'in-voorbereiding',
    'maatregelen-gepland',
    'uitgevoerd',
    'nieuw-label-geregistreerd',
    'afgevallen',
  ],
  { error: 'Onbekende EFG-status.' },
);
export type EfgWorkflowStatus = z.infer<typeof EfgWorkflowStatusSchema>;

/** Why a dwelling left the EFG list without a new label; monuments and planned demolition are the policy's exceptions. */
export const EfgDropReasonSchema = z.enum(
  ['monument', 'sloop-gepland', 'verkocht', 'label-niet-efg', 'anders'],
  { error: 'Onbekende reden om af te vallen.' },
);
export type EfgDropReason = z.infer<typeof EfgDropReasonSchema>;

export const EfgDropSchema = z
  .object({
    reason: EfgDropReasonSchema,
    note: z.string().trim().optional(),
  })
  .refine((drop) => drop.reason !== 'anders' || (drop.note ?? '').length > 0, {
    path: ['note'],
    message: 'Bij reden "anders" is een toelichting verplicht.',
  });
export type EfgDrop = z.infer<typeof EfgDropSchema>;

// Steps may go back one stage (plans change); nieuw-label-geregistreerd is final; a dropped
// dwelling can return as kandidaat (e.g. demolition cancelled).
export const efgTransitions: Readonly<Record<EfgWorkflowStatus, readonly EfgWorkflowStatus[]>> = {
  kandidaat: ['in-voorbereiding', 'afgevallen'],
  'in-voorbereiding': ['kandidaat', 'maatregelen-gepland', 'afgevallen'],
  'maatregelen-gepland': ['in-voorbereiding', 'uitgevoerd', 'afgevallen'],
  uitgevoerd: ['maatregelen-gepland', 'nieuw-label-geregistreerd'],
  'nieuw-label-geregistreerd': [],
  afgevallen: ['kandidaat'],
};

export function canTransitionEfg(from: EfgWorkflowStatus, to: EfgWorkflowStatus): boolean {
  return efgTransitions[from].includes(to);
}

export type EfgTransitionCheck = { ok: true } | { ok: false; error: string };

/** Checks a status change: allowed step, permitted role, and a valid reason when dropping out. */
export function checkEfgTransition(
  from: EfgWorkflowStatus,
  to: EfgWorkflowStatus,
  role: Role,
  drop?: EfgDrop,
): EfgTransitionCheck {
  if (!may(role, 'efg.status.wijzigen'))
    return { ok: false, error: 'Alleen duurzaamheid of beheerder mag de EFG-status wijzigen.' };
  if (from === to) return { ok: false, error: `De EFG-status is al ${to}.` };
  if (!canTransitionEfg(from, to))
    return { ok: false, error: `Van EFG-status ${from} naar ${to} is niet toegestaan.` };
  if (to === 'afgevallen') {
    if (!drop) return { ok: false, error: 'Geef een reden waarom de woning afvalt.' };
    const parsed = EfgDropSchema.safeParse(drop);
    if (!parsed.success)
      return { ok: false, error: parsed.error.issues[0]?.message ?? 'Ongeldige reden.' };
  }
  return { ok: true };
}
