/**
 * The sign-in session token from core, kept for this window only (sessionStorage), so a
 * reload resumes with `auth.resume` instead of asking for the password again.
 */
const KEY = 'incubator.session';

export const sessionToken = {
  get(): string | null {
    try {
      return window.sessionStorage.getItem(KEY);
    } catch {
      return null;
    }
  },
  set(token: string): void {
    try {
      window.sessionStorage.setItem(KEY, token);
    } catch {
      // Storage refused: the session lasts until the next reload.
    }
  },
  clear(): void {
    try {
      window.sessionStorage.removeItem(KEY);
    } catch {
      // Nothing stored.
    }
  },
};
