// Prints criterion's results under a benchmark group folder as a markdown table of medians.
//   node scripts/criterion-table.mjs target/criterion/<group>
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';

const group = process.argv[2];
const rows = [];
for (const fn of readdirSync(group)) {
  const fnDir = path.join(group, fn);
  for (const input of readdirSync(fnDir)) {
    const file = path.join(fnDir, input, 'new', 'estimates.json');
    if (!existsSync(file)) continue;
    const { median } = JSON.parse(readFileSync(file, 'utf8'));
    rows.push({ fn, input, us: median.point_estimate / 1000 });
  }
}
const inputs = [...new Set(rows.map((r) => r.input))].sort((a, b) => parseFloat(a) - parseFloat(b));
const fns = [...new Set(rows.map((r) => r.fn))];
console.log(`| size | ${fns.map((f) => `${f.replaceAll('_', ' ')} (median)`).join(' | ')} |`);
console.log(`|---|${fns.map(() => '---').join('|')}|`);
for (const input of inputs) {
  const cells = fns.map((fn) => {
    const row = rows.find((r) => r.fn === fn && r.input === input);
    return row ? (row.us >= 1000 ? `${(row.us / 1000).toFixed(2)} ms` : `${row.us.toFixed(1)} µs`) : '–';
  });
  console.log(`| ${input} | ${cells.join(' | ')} |`);
}
