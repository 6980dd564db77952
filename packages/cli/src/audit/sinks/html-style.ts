/** The report's inline stylesheet: readable in print and on screen, severity shown by word and colour. */
export const REPORT_CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1c1e21}
h1{font-size:1.5rem;margin:0 0 .25rem}h2{font-size:1.15rem;margin:2rem 0 .5rem;border-bottom:1px solid #ddd;padding-bottom:.25rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #eee;vertical-align:top}
th{background:#f6f7f9;font-weight:600}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.cards{display:flex;gap:1rem;flex-wrap:wrap}.card{border:1px solid #ddd;border-radius:6px;padding:.6rem 1rem;min-width:9rem}
.card b{display:block;font-size:1.4rem}.sev{font-weight:700;font-size:.75rem;padding:.1rem .4rem;border-radius:3px;white-space:nowrap}
.sev-error{background:#fde2e1;color:#8a1c13}.sev-warning{background:#fff3cd;color:#6b4e00}.sev-info{background:#e7f1ff;color:#0b4a8b}
.ok{color:#1f6f3a;font-weight:600}.visit{border:1px solid #e3e3e3;border-radius:6px;padding:.5rem 1rem;margin:.75rem 0}
.visit h3{font-size:1rem;margin:.25rem 0}.meta{color:#555}.cite{color:#666;font-size:.85em}ul{margin:.25rem 0;padding-left:1.25rem}
@media print{.visit{break-inside:avoid}}
`;
