/**
 * A count with its noun in the right number: `plural(1, 'note')` is "1 note", `plural(3, 'note')` "3 notes".
 * @param n - the count
 * @param one - the singular noun
 * @param many - the plural when it is not `one` + "s" (e.g. "activities")
 * @example
 * plural(2, 'activity', 'activities') // '2 activities'
 */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * The verb that agrees with a count: `agree(1, 'has', 'have')` is "has", otherwise "have".
 * @param n - the count
 * @param one - the verb for one ("has", "is", "needs")
 * @param many - the verb for other counts ("have", "are", "need")
 */
export function agree(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

/**
 * "a" or "an" for the word that follows, by its sound: "an evaluation", "an OT", "an SLP", but "a PT", "a daily".
 * Initialisms (all capitals) are read letter by letter, so F, H, L, M, N, R, S and X take "an" too.
 * @param word - the next word
 * @example
 * article('OT') // 'an'
 */
export function article(word: string): 'a' | 'an' {
  if (/^[A-Z]{2,}\b/.test(word)) return /^[AEFHILMNORSX]/.test(word) ? 'an' : 'a';
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}
