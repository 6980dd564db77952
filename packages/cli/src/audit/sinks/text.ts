/**
 * "1 error", "3 warnings".
 * @param n - the count
 * @param word - the singular noun
 */
export function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Codes with units, e.g. "97530×2 97110×1"; a claimed count that differs from the computed one shows both.
 * @param lines - the visit's lines
 */
export function codesWithUnits(lines: readonly { code: string; units: number; claimedUnits: number | null }[]): string {
  return lines
    .map((l) =>
      l.claimedUnits === null || l.claimedUnits === l.units
        ? `${l.code}×${l.units}`
        : `${l.code}×${l.claimedUnits} (supports ${l.units})`,
    )
    .join(' ');
}
