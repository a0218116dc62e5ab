// Nothing typed is lost on a crash: type a new title and content, let the editor write its
// journal, kill the app with SIGKILL, start it again, and get the text back from the
// "Recovered changes" banner as unsaved changes. The simulator's log proves nothing was sent.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { allByRole, byRole, replaceEditorText, typeInto, waitGone } from '../support/ui.mjs';
import { ensureSignedIn, openTraining } from '../support/session.mjs';
import { control } from '../support/sim-api.mjs';

const TITLE = 'Caring for merino wool products';
const NEW_TITLE = 'Caring for merino wool (typed before the crash)';
const NEW_CONTENT = 'Wash merino cold and by hand.\n\nNever tumble dry.';
const flat = (s) => s.replace(/\s+/g, ' ').trim();

const APP = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../target/debug/training-studio');

/** The app's process id: the newest process of this tree's binary (no shell, so not pgrep's own). */
function appPid() {
  return Number(execFileSync('pgrep', ['-n', '-f', APP]).toString().trim());
}

describe('Crash recovery', () => {
  before(async () => {
    await ensureSignedIn();
    // Earlier specs leave unsaved edits behind, and the journal rightly offers them back: start
    // from a clean journal so this spec sees only its own edit.
    const recovered = await browser
      .waitUntil(async () => (await allByRole('region', 'Recovered changes')).length > 0, { timeout: 3_000 })
      .catch(() => false);
    if (recovered) {
      const banner = await byRole('region', 'Recovered changes');
      await (await byRole('button', 'Discard', { within: banner })).click();
      const question = await byRole('dialog', 'Discard recovered changes');
      await (await byRole('button', 'Discard', { within: question })).click();
      await waitGone('region', 'Recovered changes');
    }
  });

  it('keeps what was typed in the journal, without sending it', async () => {
    await openTraining(TITLE);
    await control.clearRequests();
    await typeInto('textbox', 'Title', NEW_TITLE);
    await replaceEditorText('Content', NEW_CONTENT);
    await byRole('status', 'Unsaved changes', { exact: false });
    // The journal is written about a second after typing stops.
    await browser.pause(2_000);
  });

  it('survives kill -9 and offers the edit back on the next start', async () => {
    const pid = appPid();
    process.kill(pid, 'SIGKILL');
    await browser.waitUntil(
      async () => {
        try {
          process.kill(pid, 0);
          return false;
        } catch {
          return true;
        }
      },
      { timeout: 10_000, timeoutMsg: 'the app did not die' },
    );
    // The WebDriver session died with the app; a new one starts the app again.
    await browser.reloadSession();
    expect(appPid()).not.toBe(pid);
    await ensureSignedIn();

    const banner = await byRole('region', 'Recovered changes');
    expect(await banner.getText()).toContain('Recovered unsaved changes to 1 training');
    expect(await banner.getText()).toContain(NEW_TITLE);
    await (await byRole('button', 'Open', { within: banner })).click();

    await browser.waitUntil(async () => (await (await byRole('textbox', 'Title')).getValue()) === NEW_TITLE, {
      timeoutMsg: 'the recovered title did not open in the editor',
    });
    expect(flat(await (await byRole('textbox', 'Content')).getText())).toBe(flat(NEW_CONTENT));
    await byRole('status', 'Unsaved changes', { exact: false });
    await waitGone('region', 'Recovered changes');

    const sent = (await control.requests()).filter((r) => r.method !== 'GET');
    expect(sent).toEqual([]);
  });

  it('forgets the recovered edit once it is discarded', async () => {
    await (await byRole('option', 'Brand voice and tone', { exact: false })).click();
    await (await byRole('button', 'Discard changes')).click();
    await browser.waitUntil(async () => (await (await byRole('textbox', 'Title')).getValue()) === 'Brand voice and tone', {
      timeoutMsg: 'the other training did not open',
    });
    // Give the discard a moment to reach the disk, then restart: no banner any more.
    await browser.pause(500);
    await browser.reloadSession();
    await ensureSignedIn();
    await browser.pause(1_500);
    expect(await allByRole('region', 'Recovered changes')).toEqual([]);
  });
});
