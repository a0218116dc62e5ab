// A workspace whose open.cx reads `is_draft` literally (saving a draft takes a training out of use):
// the check made when it was added shows in the workspace's details in words, and moving a live
// training — by dragging it with the real mouse and by "Move to…" — leaves it live and unchanged
// but for its directory, as the simulator's API (read-only key) shows. Its own simulator and
// workspace; it leaves the app in the shared workspace, as spec 10 does.
import { byRole, waitForText, waitGone } from '../support/ui.mjs';
import { openOwnWorkspace } from '../support/own-workspace.mjs';
import { api, control } from '../support/sim-api.mjs';
import { dragWithRealMouse, KEY } from '../support/mouse.mjs';
import { keepScreenshot } from '../support/screenshot.mjs';
import { expectNoAxeViolations } from '../support/axe.mjs';

const sidebarDirectory = (name) => byRole('button', `${name},`, { exact: false });
const live = (t) => !t.is_draft && t.current_version !== null;

/** The training as the simulator has it, without the two fields a move may change. */
function fixed(t) {
  const { directory_id: _directory, updated_at: _updated, ...rest } = t;
  return rest;
}

describe('Moves on a workspace whose open.cx takes a training out of use when a draft is saved', () => {
  let own;
  let directories;

  before(async () => {
    // Everything in this spec talks to its own simulator (the sign-in and the API checks).
    own = await openOwnWorkspace({ name: 'Literal — e2e', logName: 'opencx-sim-literal.log', draftMode: 'literal' });
    directories = await api.listDirectories();
  });

  after(async () => {
    await own?.leave();
  });

  it('learned the rule when the workspace was added and says it in the workspace details', async () => {
    // The check's temporary training is gone again.
    const all = await api.listAllTrainings();
    expect(all.filter((t) => t.title.startsWith('Training Studio check'))).toEqual([]);

    await (await byRole('button', 'Workspace options')).click();
    await (await byRole('menuitem', 'Workspace details…')).click();
    const dialog = await byRole('dialog', 'Workspace details');
    const text = await dialog.getText();
    expect(text).toContain(
      'On this workspace, saving a draft takes the training out of use until it is published: the AI agent stops using it.',
    );
    expect(text).toContain('Moving a training or changing where it applies changes nothing else.');
    expect(text).toContain('leaves the training live or a draft, as it was');
    expect(text).toContain('Checked ');
    expect(text).not.toContain('Not checked yet');
    expect(text).not.toContain('could not check');
    await keepScreenshot('workspace-details-literal');
    await expectNoAxeViolations('Workspace details', { selector: '[role="dialog"]' });
    await (await byRole('button', 'Close', { within: dialog })).click();
    await waitGone('dialog', 'Workspace details');
  });

  /** A live training in a directory, and another directory to move it to. */
  async function liveTrainingAndTarget(skip = []) {
    const all = await api.listAllTrainings();
    const training = all.find((t) => live(t) && t.directory_id && !skip.includes(t.id));
    if (!training) throw new Error('no live training in a directory in the literal simulator');
    const target = directories.find((d) => d.id !== training.directory_id);
    return { before: await api.getTraining(training.id), target };
  }

  async function expectLiveAndUnchanged(before, target) {
    await browser.waitUntil(async () => (await api.getTraining(before.id)).directory_id === target.id, {
      timeout: 30_000, timeoutMsg: `"${before.title}" did not reach ${target.name}`,
    });
    const after = await api.getTraining(before.id);
    expect(live(after)).toBe(true);
    expect(fixed(after)).toEqual(fixed(before));
    // The move's PUT did not say "draft" (which would take it out of use here).
    const puts = (await control.requests(own.sim.url)).filter((r) => r.method === 'PUT' && r.path === `/training/${before.id}`);
    expect(puts.length).toBe(1);
    expect(puts[0].body.is_draft).not.toBe(true);
  }

  it('drags a live training to another directory with the mouse: it stays live and unchanged', async () => {
    const { before, target } = await liveTrainingAndTarget();
    await (await byRole('button', 'All trainings')).click();
    const option = await byRole('option', before.title, { exact: false });
    await option.click();
    await dragWithRealMouse(option, await sidebarDirectory(target.name));
    await waitForText('status', `Moved 1 training to ${target.name}`);
    await expectLiveAndUnchanged(before, target);
  });

  it('moves another live training with "Move to…": it stays live and unchanged', async () => {
    const moved = (await control.requests(own.sim.url))
      .filter((r) => r.method === 'PUT' && r.path.startsWith('/training/'))
      .map((r) => r.path.replace('/training/', ''));
    const { before, target } = await liveTrainingAndTarget(moved);
    await (await byRole('button', 'All trainings')).click();
    const option = await byRole('option', before.title, { exact: false });
    await option.click();
    await browser.keys([KEY.control, KEY.shift, 'm']);
    await byRole('dialog', 'Move to');
    await (await byRole('searchbox', 'Filter directories')).addValue(target.name);
    await browser.keys(['Enter']);
    await waitGone('dialog', 'Move to');
    await waitForText('status', `Moved 1 training to ${target.name}`);
    await expectLiveAndUnchanged(before, target);
  });
});
