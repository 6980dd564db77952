import type { UnitResult, WhatIf } from '@unitwise/rules';

const METHOD_NAMES: Record<string, string> = {
  cms: 'CMS 8-minute rule, timed minutes pooled',
  ama: 'AMA per-code midpoint rule',
  'per-code-15': 'a unit per full 15 minutes of each code',
};

/**
 * Renders a units result for a terminal: one row per code, the total, then the numbered explanation.
 * @param result - the engine's result
 * @param what - the what-if for the same lines, printed last
 * @param source - where the method came from, e.g. "policy commercial on 2026-03-02"
 */
export function formatUnitsText(result: UnitResult, what?: WhatIf, source?: string): string {
  const from = source ? `, from ${source}` : '';
  const out: string[] = [`Method: ${result.method} (${METHOD_NAMES[result.method] ?? 'payer policy'})${from}`, ''];
  out.push('  code    minutes  units');
  for (const l of result.lines) {
    const kind = l.timed ? '' : '  (untimed)';
    out.push(`  ${l.code.padEnd(6)}  ${String(l.minutes).padStart(7)}  ${String(l.units).padStart(5)}${kind}`);
  }
  out.push(
    `  ${'total'.padEnd(6)}  ${String(result.totalTimedMinutes).padStart(7)}  ${String(result.totalUnits).padStart(5)}`,
  );
  out.push('', 'Why:');
  result.explanation.forEach((s, i) => {
    out.push(`  ${i + 1}. ${s}`);
  });
  if (what && what.explanation.length > 0) {
    out.push('', 'What if:');
    for (const s of what.explanation) out.push(`  - ${s}`);
  }
  return `${out.join('\n')}\n`;
}
