// Answers the system's file chooser the way a person does: the app opens the real GTK chooser
// (the page never names a path). An e2e run starts the app in a folder of its own and sets GTK's
// chooser to open in the current folder (wdio.conf.mjs), so choosing that folder is pressing the
// chooser's Open button (Alt+O), a real X key event (xdotool). Typing a path into the chooser's
// location box is not reliable under Xvfb: its completion inserts text between the keys.
import { execFileSync } from 'node:child_process';
import { eventually } from './wait.mjs';

const xdotool = (...args) => {
  try {
    return execFileSync('xdotool', args.map(String), { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    return ''; // `search` exits 1 when nothing matches
  }
};

/** The visible top-level windows. */
const windows = () => xdotool('search', '--onlyvisible', '--name', '.').split('\n').filter(Boolean);
const isChooser = (id) => xdotool('getwindowname', id) === 'Select Folder';

/** The folder the chooser opens in: the e2e run's own (see wdio.conf.mjs). */
export const chosenFolder = () => process.env.E2E_CHOSEN_FOLDER;

/** Waits for the folder chooser the app just opened and presses its Open button, choosing
 *  `chosenFolder()`. */
export async function chooseTheFolderItOpensIn({ timeout = 30_000 } = {}) {
  const chooser = await eventually(() => windows().find(isChooser), { timeoutMs: timeout, what: 'the folder chooser to open' });
  // Let it list the folder before answering, as a person would see it first.
  await new Promise((r) => setTimeout(r, 500));
  xdotool('key', '--clearmodifiers', 'alt+o');
  await eventually(() => !windows().includes(chooser), { timeoutMs: timeout, what: 'the folder chooser to close' });
}
