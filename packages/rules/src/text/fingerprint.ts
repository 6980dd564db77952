/**
 * A 53-bit fingerprint of a text with case and whitespace runs normalised, computed in one pass without
 * building the normalised string (two 32-bit FNV-1a hashes with different seeds, joined). Used to find a
 * description repeated word for word from an earlier visit.
 * @param text - any text
 * @returns 0 for a text that is empty or only whitespace
 */
export function textFingerprint(text: string): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x050c5d1f;
  let pendingSpace = false;
  let any = false;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 160) {
      pendingSpace = any;
      continue;
    }
    if (pendingSpace) {
      h1 = Math.imul(h1 ^ 32, 0x01000193);
      h2 = Math.imul(h2 ^ 32, 0x01000193);
      pendingSpace = false;
    }
    if (c >= 65 && c <= 90) c += 32;
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ (c + 0x9e), 0x01000193);
    any = true;
  }
  if (!any) return 0;
  return (h1 >>> 0) * 0x200000 + ((h2 >>> 0) & 0x1fffff);
}

/**
 * Number of words in a text (runs of non-space characters), without splitting it.
 * @param text - any text
 */
export function wordCount(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 9 || c === 10 || c === 13 || c === 160;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/**
 * Whether a text has more than `n` words (runs of non-space characters, as `wordCount` counts them), reading
 * only as far as the word that decides it.
 * @param text - any text
 * @param n - the word count to exceed
 */
export function hasMoreWordsThan(text: string, n: number): boolean {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 9 || c === 10 || c === 13 || c === 160;
    if (!space && !inWord && ++words > n) return true;
    inWord = !space;
  }
  return false;
}

/**
 * The fingerprint of a description (as `textFingerprint`) when it has at least `minWords` words, else 0;
 * one pass over the text.
 * @param text - a description
 * @param minWords - shorter descriptions get 0
 */
export function descriptionKey(text: string | undefined, minWords: number): number {
  if (!text) return 0;
  let h1 = 0x811c9dc5;
  let h2 = 0x050c5d1f;
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 160) {
      inWord = false;
      continue;
    }
    if (!inWord) {
      if (words > 0) {
        h1 = Math.imul(h1 ^ 32, 0x01000193);
        h2 = Math.imul(h2 ^ 32, 0x01000193);
      }
      words++;
      inWord = true;
    }
    if (c >= 65 && c <= 90) c += 32;
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ (c + 0x9e), 0x01000193);
  }
  if (words < minWords || words === 0) return 0;
  return (h1 >>> 0) * 0x200000 + ((h2 >>> 0) & 0x1fffff);
}
