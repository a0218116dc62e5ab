// Prints the medians of a `vitest bench --outputJson` report as a table (vitest's own table shows
// means and percentiles, not medians): one row per benchmark group, the app's search beside the
// naive baseline measured in the same run.
//   node bench/medians.mjs <report.json>
import { readFileSync } from 'node:fs';
import process from 'node:process';

const [file] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/medians.mjs <vitest bench --outputJson report>');
  process.exit(2);
}
const report = JSON.parse(readFileSync(file, 'utf8'));
const ms = (n) => `${n.toFixed(2)} ms`;

console.log('\n| benchmark | filterTrainings median | ÷ keystrokes | naive median | ÷ keystrokes | speed-up | samples |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const group of report.files.flatMap((f) => f.groups)) {
  const [app, naive] = ['filterTrainings', 'naive'].map((prefix) =>
    group.benchmarks.find((b) => b.name.startsWith(prefix)),
  );
  if (!app || !naive) continue;
  const name = group.fullName.split(' > ').pop();
  const keystrokes = Number(name.match(/\((\d+) keystrokes?\)/)?.[1] ?? 1);
  const ratio = (naive.median / app.median).toFixed(1);
  console.log(
    `| ${name} | ${ms(app.median)} | ${ms(app.median / keystrokes)} | ${ms(naive.median)} | ` +
      `${ms(naive.median / keystrokes)} | ${ratio}× | ${app.sampleCount} / ${naive.sampleCount} |`,
  );
}
console.log('\nOne frame at 60 Hz is 16.7 ms.');
