/**
 * Password rules for new and changed passwords (OWASP ASVS 4.0.3 V2.1): at least 12 characters once runs of spaces
 * count as one (V2.1.1), up to 128 (V2.1.2), any character allowed and nothing truncated (V2.1.3, V2.1.4), no
 * composition rules (V2.1.9), and not a common or trivially guessable one (V2.1.7).
 */

/** V2.1.1: "at least 12 characters in length (after multiple spaces are combined)". */
export const MIN_PASSWORD_LENGTH = 12;
/** V2.1.2: "at least 64 characters are permitted, and ... 128 characters are denied". */
export const MAX_PASSWORD_LENGTH = 128;

/**
 * Common passwords of 12 characters or more, lower-cased: a hand-picked subset of the longest entries of the
 * SecLists "10-million-password-list-top-10000" and Have I Been Pwned's most-seen lists (checked 2026), kept short
 * because the patterns below catch the repeated and sequential ones. Compared without spaces.
 */
const COMMON = new Set([
  'password1234',
  'password12345',
  'password123456',
  'passwordpassword',
  'qwertyuiopasdfghjkl',
  'qwertyuiop123',
  'qwerty123456',
  '1q2w3e4r5t6y',
  '1qaz2wsx3edc',
  'iloveyou1234',
  'letmein12345',
  'welcome12345',
  'administrator',
  'changeme1234',
  'trustno1trustno1',
  'abcdefghijkl',
  'abc123abc123',
  'football1234',
  'baseball1234',
  'princess1234',
  'sunshine1234',
  'starwars1234',
  'unitwise1234',
  'unitwisedemo',
  'correcthorsebatterystaple',
]);

/** The same character over and over, or a run of consecutive keys/digits/letters (`123456789012`, `abcdefghijkl`). */
function trivial(p: string): boolean {
  if (/^(.)\1*$/u.test(p)) return true;
  const seq = '01234567890123456789abcdefghijklmnopqrstuvwxyzqwertyuiopasdfghjklzxcvbnm';
  return seq.includes(p) || [...seq].reverse().join('').includes(p);
}

/**
 * Why a new password is refused, in plain words, or undefined when it is acceptable.
 * @param password - the password as typed
 */
export function passwordProblem(password: string): string | undefined {
  const combined = password.replace(/ {2,}/g, ' ');
  if ([...combined].length < MIN_PASSWORD_LENGTH)
    return `Use at least ${MIN_PASSWORD_LENGTH} characters (spaces in a row count as one).`;
  if ([...password].length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  const bare = password.toLowerCase().replace(/\s+/g, '');
  if (bare.length === 0 || trivial(bare) || COMMON.has(bare))
    return 'This password is too common or too easy to guess; choose another (a few unrelated words work well).';
  return undefined;
}
