// Drags with the real X pointer (xdotool), the path a person's mouse takes. WebDriver's
// synthesized pointer actions only fire `dragstart` for an HTML5 drag in WebKitGTK: the native GTK
// drag loop never sees them. Real pointer events complete it: dragstart → dragenter → drop.
import { execFileSync } from 'node:child_process';

const xdotool = (...args) => execFileSync('xdotool', args.map(String)).toString().trim();

/** Screen coordinates of the app window's top-left corner. */
function windowOrigin() {
  const ids = xdotool('search', '--onlyvisible', '--name', 'Training Studio').split('\n');
  const shell = xdotool('getwindowgeometry', '--shell', ids[ids.length - 1]);
  const value = (key) => Number(shell.match(new RegExp(`^${key}=(\\d+)`, 'm'))[1]);
  return { x: value('X'), y: value('Y') };
}

async function centre(element) {
  const rect = await browser.getElementRect(element.elementId);
  return { x: Math.round(rect.x + rect.width / 2), y: Math.round(rect.y + rect.height / 2) };
}

/** Presses the mouse on `source`, moves in small steps to `target` and releases it there. */
export async function dragWithRealMouse(source, target, { steps = 12 } = {}) {
  await source.scrollIntoView({ block: 'center' });
  const origin = windowOrigin();
  const from = await centre(source);
  const to = await centre(target);
  xdotool('mousemove', origin.x + from.x, origin.y + from.y);
  xdotool('mousedown', 1);
  for (let i = 1; i <= steps; i++) {
    const x = from.x + ((to.x - from.x) * i) / steps;
    const y = from.y + ((to.y - from.y) * i) / steps;
    xdotool('mousemove', Math.round(origin.x + x), Math.round(origin.y + y));
    await browser.pause(30);
  }
  await browser.pause(100);
  xdotool('mouseup', 1);
}

export const KEY = { control: '\uE009', shift: '\uE008' };

/** Clicks `element` with a modifier key held, in one WebDriver action sequence. Like a person,
 * it first scrolls the element into view (the list's rows below its visible part cannot be
 * clicked), and the key is released even when the click fails, so later clicks are plain. */
export async function clickWith(modifier, element) {
  await element.scrollIntoView({ block: 'nearest' });
  const origin = { 'element-6066-11e4-a52e-4f735466cecf': element.elementId };
  try {
    await browser.performActions([
      {
        type: 'key', id: 'keyboard',
        actions: [{ type: 'keyDown', value: modifier }, { type: 'pause' }, { type: 'pause' }, { type: 'pause' }, { type: 'keyUp', value: modifier }],
      },
      {
        type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' },
        actions: [{ type: 'pause' }, { type: 'pointerMove', origin, x: 0, y: 0 }, { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 }, { type: 'pause' }],
      },
    ]);
  } finally {
    await browser.releaseActions();
  }
}
