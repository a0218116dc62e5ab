// Runs axe-core (the accessibility engine behind most audit tools) inside the real webview and
// returns its violations in a form a failing test can print: rule, impact, help, and where.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The WCAG 2.x A and AA rules and axe's best practices. */
const RUN_ONLY = { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] };

/**
 * The violations axe finds on the whole page (or inside `selector`), except the rules in
 * `allowed` (each must be named with its reason by the caller).
 */
export async function axeViolations({ selector = null, allowed = {} } = {}) {
  // WebDriver scripts are not page scripts: the CSP (no inline script) does not stop them.
  await browser.execute(`if (!window.axe) { ${AXE_SOURCE} }`);
  const result = await browser.executeAsync((sel, runOnly, done) => {
    const context = sel ? document.querySelector(sel) : document;
    window.axe
      .run(context, { runOnly, resultTypes: ['violations'] })
      .then((r) => done(r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary.replace(/\s+/g, ' ')}`),
      }))))
      .catch((e) => done([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }]));
  }, selector, RUN_ONLY);
  return result.filter((v) => !(v.id in allowed));
}

/** Fails with every violation axe finds on the page (or inside `selector`), named by `where`. */
export async function expectNoAxeViolations(where, { selector = null } = {}) {
  const violations = await axeViolations({ selector });
  if (violations.length > 0) throw new Error(`${where}: axe found\n${describeViolations(violations)}`);
}

/** Readable lines for an assertion message. */
export function describeViolations(violations) {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 5).join('\n    ')}`).join('\n');
}
