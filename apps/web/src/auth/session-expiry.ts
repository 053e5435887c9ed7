// Remembers that a call came back UNAUTHORIZED while the app believed it was logged in, so the
// login page can say "your session has expired" instead of greeting a fresh visitor.
let expired = false;

export function markSessionExpired(): void {
  expired = true;
}

export function isSessionExpired(): boolean {
  return expired;
}

/** After a successful login or a deliberate logout the notice no longer applies. */
export function clearSessionExpired(): void {
  expired = false;
}
