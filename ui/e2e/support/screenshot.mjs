// Screenshots a spec keeps for a person to look at (ui/e2e/artifacts, not committed).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const artifacts = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../artifacts');

/** Saves the app window as artifacts/<name>.png. */
export async function keepScreenshot(name) {
  mkdirSync(artifacts, { recursive: true });
  await browser.saveScreenshot(path.join(artifacts, `${name}.png`));
}
