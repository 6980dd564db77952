import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dollars, type Finding, type VisitAudit } from '@unitwise/rules';
import { type Output, openFileOutput } from '../output.ts';
import type { AuditSink } from '../pipeline.ts';
import type { AuditTally } from '../summary.ts';
import { escapeHtml as esc } from './html-escape.ts';
import { REPORT_CSS } from './html-style.ts';
import { codesWithUnits } from './text.ts';

const SEV_LABEL: Record<Finding['severity'], string> = { error: 'ERROR', warning: 'WARNING', info: 'INFO' };

function anchor(id: string): string {
  return `visit-${encodeURIComponent(id)}`;
}

function visitSection(a: VisitAudit): string {
  const codes = esc(codesWithUnits(a.lines));
  const head = `<h3 id="${esc(anchor(a.id))}">${esc(a.date)} · visit ${esc(a.id)} · patient ${esc(a.patientId)}</h3>`;
  const unpriced = a.estimate.unpriced === undefined ? '' : ` <span class="cite">(${esc(a.estimate.unpriced)})</span>`;
  const meta = `<div class="meta">${esc(a.estimate.payer)} · ${codes} · estimate ${esc(dollars(a.estimate.totalCents))}${unpriced}</div>`;
  if (a.findings.length === 0)
    return `<section class="visit">${head}${meta}<p class="ok">OK: no findings</p></section>\n`;
  const items = a.findings
    .map((f) => {
      const line = f.service === undefined ? undefined : a.lines[f.service];
      const code = line ? ` [${esc(line.code)}]` : '';
      const cite = f.citation ? ` <span class="cite">(${esc(f.citation)})</span>` : '';
      return `<li><span class="sev sev-${f.severity}">${SEV_LABEL[f.severity]}</span> <code>${esc(f.rule)}</code>${code}: ${esc(f.message)}${cite}</li>`;
    })
    .join('');
  return `<section class="visit">${head}${meta}<ul>${items}</ul></section>\n`;
}

function summaryHtml(tally: AuditTally, title: string): string {
  const s = tally.summary;
  const cards = [
    ['visits audited', s.visits],
    ['errors', s.errors],
    ['warnings', s.warnings],
    ['input errors', tally.inputErrorCount],
  ]
    .map(([k, v]) => `<div class="card"><b>${Number(v).toLocaleString('en-US')}</b>${k}</div>`)
    .join('');
  const estimate = `<div class="card"><b>${esc(dollars(tally.totalCents))}</b>estimated allowed</div>`;
  const rules = [...tally.rules.entries()].sort((x, y) => y[1].error - x[1].error || y[1].warning - x[1].warning);
  const ruleRows = rules
    .map(([rule, t]) => {
      const links = t.visits.map((v) => `<a href="#${esc(anchor(v))}">${esc(v)}</a>`).join(', ');
      const more = t.visitCount > t.visits.length ? ` … (${t.visitCount.toLocaleString('en-US')} visits)` : '';
      return `<tr><td><code>${esc(rule)}</code></td><td class="num">${t.error}</td><td class="num">${t.warning}</td><td class="num">${t.info}</td><td>${links}${more}</td></tr>`;
    })
    .join('\n');
  const byRule = rules.length
    ? `<table><thead><tr><th>rule</th><th class="num">errors</th><th class="num">warnings</th><th class="num">info</th><th>visits</th></tr></thead><tbody>\n${ruleRows}\n</tbody></table>`
    : '<p class="ok">No findings.</p>';
  const inputErrors = tally.inputErrorCount
    ? `<h2>Input errors (not audited)</h2><table><thead><tr><th>where</th><th>problem</th></tr></thead><tbody>${tally
        .listedInputErrors()
        .map((e) => `<tr><td><code>${esc(e.where)}</code></td><td>${esc(e.message)}</td></tr>`)
        .join('\n')}</tbody></table>`
    : '';
  return [
    '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width,initial-scale=1">',
    `<title>${esc(title)}</title><style>${REPORT_CSS}</style></head><body>\n`,
    `<h1>${esc(title)}</h1><p class="meta">Estimates are in US dollars at the payer policy's rates; findings cite their source.</p>\n`,
    `<h2>Summary</h2><div class="cards">${cards}${estimate}</div>\n`,
    `<h2>Findings by rule</h2>${byRule}\n${inputErrors}\n<h2>Visits</h2>\n`,
  ].join('');
}

/**
 * A self-contained HTML report (inline CSS, no scripts): summary, findings by rule, then each visit with
 * its findings. Visits are spooled to a temporary file as they are audited, so the summary can come first
 * while memory stays flat. All input text is escaped.
 * @param target - where the finished report goes
 * @param title - the report title (e.g. the input file name)
 */
export async function createHtmlSink(target: Output, title: string): Promise<AuditSink> {
  const dir = await mkdtemp(join(tmpdir(), 'unitwise-report-'));
  const spoolPath = join(dir, 'visits.html');
  const spool = openFileOutput(spoolPath);
  return {
    async visit(a) {
      spool.write(visitSection(a));
      await spool.ready();
    },
    async end(tally) {
      await spool.close();
      try {
        target.write(summaryHtml(tally, title));
        for await (const chunk of createReadStream(spoolPath, 'utf8')) {
          target.write(chunk as string);
          await target.ready();
        }
        if (tally.summary.visits === 0) target.write('<p>No visit could be audited.</p>\n');
        target.write('</body></html>\n');
        await target.close();
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
