// Screenshots a spec keeps for a person to look at (ui/e2e/artifacts, not committed): the X
// display the app runs on, as a person sees it (native dialogs included). Not WebDriver's Take
// Screenshot: WebKitGTK's automation snapshot of the page sometimes never answered (spec 19's
// sign-out dialog, after the preview drew its blocks; the page kept painting frames and answering
// clicks meanwhile), and a screenshot is an artifact, not a check a spec may hang on.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const artifacts = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../artifacts');

/** Saves the display the app window is on as artifacts/<name>.png, once the page has painted. */
export async function keepScreenshot(name) {
  mkdirSync(artifacts, { recursive: true });
  // Two frames: whatever the last command changed is on the display.
  await browser.executeAsync((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
  execFileSync('import', ['-window', 'root', path.join(artifacts, `${name}.png`)], { timeout: 30_000 });
}
