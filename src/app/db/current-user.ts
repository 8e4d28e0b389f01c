// Who is signed in, as the store records it (`by` in histories, whose planning is whose). The
// session lives in app state, which this folder may not import; the shell registers a source
// here. No Dexie in this file, so the shell can register before the database code loads.

let source: () => string | undefined = () => undefined;

/** Called once by the session wiring: the signed-in user's id, read at each write. */
export function setCurrentUserSource(next: () => string | undefined): void {
  source = next;
}

/** The signed-in user's id, or undefined when nobody is signed in. */
export function currentUserId(): string | undefined {
  return source();
}
