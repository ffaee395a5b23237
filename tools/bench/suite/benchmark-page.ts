/** One measured case: a query shape against one target (a gateway, or the subgraph itself). */
export interface CaseResult {
  case: string;
  target: string;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  /** CPU time the gateway process spent per request (null for the direct call). */
  cpuMsPerRequest: number | null;
}

/** SQL statements each subgraph ran for one query of a shape. */
export interface StatementCount {
  shape: string;
  perService: Record<string, number>;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** A grouped bar chart of req/s, one group per case, one bar per target. */
export function renderChart(results: CaseResult[]): string {
  const cases = [...new Set(results.map((r) => r.case))];
  const targets = [...new Set(results.map((r) => r.target))];
  const colours = ['#1f77b4', '#ff7f0e', '#2ca02c', '#9467bd', '#7f7f7f'];
  const max = Math.max(1, ...results.map((r) => r.requestsPerSecond));
  const bar = 18;
  const groupWidth = targets.length * bar + 30;
  const width = 60 + cases.length * groupWidth;
  const height = 260;
  const plot = 180;
  const bars = cases.flatMap((c, ci) =>
    targets.flatMap((t, ti) => {
      const r = results.find((x) => x.case === c && x.target === t);
      if (!r) return [];
      const h = (r.requestsPerSecond / max) * plot;
      const x = 50 + ci * groupWidth + ti * bar;
      return [`<rect x="${x}" y="${20 + plot - h}" width="${bar - 2}" height="${h}" fill="${colours[ti % colours.length]}"><title>${escape(t)}: ${r.requestsPerSecond} req/s</title></rect>`];
    }),
  );
  const labels = cases.map((c, ci) => `<text x="${50 + ci * groupWidth}" y="${20 + plot + 16}" font-size="10">${escape(c)}</text>`);
  const legend = targets.map((t, ti) => `<rect x="${50 + ti * 120}" y="${height - 22}" width="10" height="10" fill="${colours[ti % colours.length]}"/><text x="${64 + ti * 120}" y="${height - 13}" font-size="10">${escape(t)}</text>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif">
<text x="4" y="14" font-size="11">req/s (max ${max})</text>
<line x1="46" y1="20" x2="46" y2="${20 + plot}" stroke="#333"/>
${[...bars, ...labels, ...legend].join('\n')}
</svg>
`;
}

function statementsTable(counts: StatementCount[]): string {
  const services = [...new Set(counts.flatMap((c) => Object.keys(c.perService)))].sort();
  const rows = counts.map((c) => `| ${c.shape} | ${services.map((s) => c.perService[s] ?? 0).join(' | ')} |`);
  return `## SQL statements per query

One query of each shape through EduGraph's gateway (response cache off), before the runs above warmed
licensing's own list cache; statements counted per subgraph by
request id (\`observeStatements\`); \`e2e/sql-statements.e2e.spec.ts\` fails above 2 per subgraph.

| query | ${services.join(' | ')} |
| --- | ${services.map(() => '---:').join(' | ')} |
${rows.join('\n')}
`;
}

export function renderBenchmarkPage(o: {
  machine: string;
  institutions: number;
  seconds: number;
  connections: number;
  results: CaseResult[];
  date: string;
  events?: string;
  statements?: StatementCount[];
}): string {
  const rows = o.results.map((r) => `| ${r.case} | ${r.target} | ${r.requestsPerSecond} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.errors} | ${r.cpuMsPerRequest ?? '—'} |`);
  return `# Benchmarks

Measured with \`npm run bench\` on ${o.date}: ${o.machine}. The subgraphs run the embedded default in
memory with ${o.institutions} institutions; each gateway runs in a process of its own and calls them with the actor token
they require; autocannon drives ${o.connections} connections for ${o.seconds} s per row, from the same machine, so the
load generator shares the cores. Latencies in ms.

| case | target | req/s | p50 | p95 | p99 | errors | gateway CPU ms/request |
| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}

![requests per second per case and target](benchmarks.svg)
${o.statements?.length ? `\n${statementsTable(o.statements)}` : ''}${o.events ? `\n## Events\n\n${o.events}\n` : ''}`;
}
