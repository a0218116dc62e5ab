// A stand-in for the system's link opener: an `xdg-open` placed first on the PATH of the app that
// tauri-driver launches. It opens nothing and appends each address it is given to a log, so no
// end-to-end run ever starts a real browser and specs can check what the app asked to open.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Writes the fake `xdg-open` into `<dir>/bin` and answers that directory and the log's path. */
export function installFakeOpener(dir) {
  const bin = path.join(dir, 'bin');
  const log = path.join(dir, 'opened-links.log');
  mkdirSync(bin, { recursive: true });
  writeFileSync(log, '');
  const script = `#!/bin/sh\n# e2e stand-in for xdg-open: records the address, opens nothing.\nprintf '%s\\n' "$*" >> '${log.replace(/'/g, "'\\''")}'\n`;
  writeFileSync(path.join(bin, 'xdg-open'), script);
  chmodSync(path.join(bin, 'xdg-open'), 0o755);
  return { bin, log };
}

/** The addresses the app asked the system to open so far (the launcher exports the log's path). */
export function openedLinks() {
  const log = process.env.E2E_OPENER_LOG;
  if (!log || !existsSync(log)) return [];
  return readFileSync(log, 'utf8').split('\n').filter(Boolean);
}
