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
