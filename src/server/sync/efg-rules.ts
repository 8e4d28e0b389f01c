// The server's check of an EFG case after an op merged into it: the workflow (efg-status.ts) is
// enforced here and not only in the app, because an old or tampered device could otherwise skip
// steps, drop a dwelling without a reason or rewrite the audit trail.
import {
  EfgCaseSchema,
  canTransitionEfg,
  checkEfgTransition,
  type Actor,
  type EfgCase,
} from '../../shared/domain/index.ts';
import type { Op } from '../../shared/sync/protocol.ts';

function firstIssue(error: { issues: readonly { message: string }[] }): string {
  return error.issues[0]?.message ?? 'onbekende fout';
}

/** A step the server stores names the pushing user, never a colleague the client chose. */
const NOT_YOUR_STEP = 'Een nieuwe stap in de EFG-geschiedenis moet uw eigen gebruiker noemen.';

function sameStep(a: EfgCase['history'][number], b: EfgCase['history'][number]): boolean {
  return (
    a.status === b.status && a.by === b.by && a.at === b.at && (a.note ?? '') === (b.note ?? '')
  );
}

/**
 * The Dutch reason an EFG case may not become `after`, or undefined when it may.
 * `before` is the stored live record (undefined for a new case); values are merged field maps.
 */
export function efgCaseProblem(
  id: string,
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown>,
  actor: Actor,
): string | undefined {
  const role = actor.role;
  const parsed = EfgCaseSchema.safeParse({ ...after, id });
  if (!parsed.success) return `Ongeldig EFG-dossier na deze wijziging: ${firstIssue(parsed.error)}`;
  const next = parsed.data;
  const last = next.history.at(-1);
  if (!last || last.status !== next.status)
    return 'De EFG-status moet gelijk zijn aan de laatste stap in de geschiedenis.';
  if (next.status === 'afgevallen' && !next.drop) return 'Geef een reden waarom de woning afvalt.';

  if (before === undefined) {
    // A new case: its first step is kandidaat and every later step a permitted transition.
    if (next.history[0]?.status !== 'kandidaat')
      return 'Een nieuw EFG-dossier begint met status kandidaat.';
    if (next.history.some((step) => step.by !== actor.userId)) return NOT_YOUR_STEP;
    for (let index = 1; index < next.history.length; index += 1) {
      const from = next.history[index - 1]?.status ?? 'kandidaat';
      const to = next.history[index]?.status ?? 'kandidaat';
      if (index < next.history.length - 1) {
        // Earlier steps: their drop reason is no longer known, the step itself must be allowed.
        if (!canTransitionEfg(from, to))
          return `Van EFG-status ${from} naar ${to} is niet toegestaan.`;
        continue;
      }
      const check = checkEfgTransition(from, to, role, next.drop);
      if (!check.ok) return check.error;
    }
    return undefined;
  }

  const previous = EfgCaseSchema.safeParse({ ...before, id });
  // A stored record that no longer parses (an older rule) is only checked as a new record would be.
  if (!previous.success) return undefined;
  const old = previous.data;
  if (old.complexId !== next.complexId)
    return 'Een EFG-dossier kan niet naar een ander complex verhuizen.';
  // The history is an audit trail: it keeps every stored step and grows by one step per change.
  const kept = old.history.every((step, index) => {
    const other = next.history[index];
    return other !== undefined && sameStep(step, other);
  });
  if (!kept)
    return 'De geschiedenis van dit EFG-dossier is intussen gewijzigd; synchroniseer en probeer het opnieuw.';
  if (old.status === next.status) {
    if (next.history.length !== old.history.length)
      return 'Een nieuwe stap in de geschiedenis hoort bij een statuswijziging.';
    return undefined;
  }
  if (next.history.length !== old.history.length + 1)
    return 'Een statuswijziging voegt precies één stap toe aan de geschiedenis.';
  const check = checkEfgTransition(old.status, next.status, role, next.drop);
  if (!check.ok) return check.error;
  return next.history.at(-1)?.by === actor.userId ? undefined : NOT_YOUR_STEP;
}

/** The check sync-service runs for every efgCase op that changes the stored record. */
export function efgCaseOpProblem(
  op: Pick<Op, 'kind' | 'id'>,
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown>,
  actor: Actor,
): string | undefined {
  if (op.kind === 'delete')
    return 'Een EFG-dossier wordt niet verwijderd; zet het op afgevallen met een reden.';
  return efgCaseProblem(op.id, before, after, actor);
}
