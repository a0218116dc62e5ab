// Organising trainings: drag one and then three to another directory with the real mouse, undo,
// "Move to…" with the keyboard only, creating and deleting a directory, and publishing, taking
// out of use and deleting one training with its own commands. Every change is checked in the
// simulator, which is what open.cx would hold.
import { byRole, allByRole, typeInto, waitForText, waitGone } from '../support/ui.mjs';
import { ensureSignedIn, openTraining } from '../support/session.mjs';
import { dragWithRealMouse, clickWith, KEY } from '../support/mouse.mjs';
import { api } from '../support/sim-api.mjs';

async function directoryIdNamed(name) {
  const found = (await api.listDirectories()).find((d) => d.name === name);
  if (!found) throw new Error(`no directory named ${name} in the simulator`);
  return found.id;
}

async function eventuallyInDirectory(titles, directoryId) {
  await browser.waitUntil(async () => {
    const all = await api.listTrainings('limit=100');
    return titles.every((title) => all.find((t) => (t.draft_title ?? t.title) === title)?.directory_id === directoryId);
  }, { timeout: 30_000, timeoutMsg: `${titles.join(', ')} did not all reach directory ${directoryId}` });
}

const sidebarDirectory = (name) => byRole('button', `${name},`, { exact: false });

describe('Organising trainings into directories', () => {
  before(ensureSignedIn);

  it('drags one training onto another directory', async () => {
    const title = 'Customer asks for a refund';
    await (await byRole('button', 'All trainings')).click();
    const option = await byRole('option', title, { exact: false });
    await option.click();
    await dragWithRealMouse(option, await sidebarDirectory('Shipping'));
    await waitForText('status', 'Moved 1 training to Shipping');
    await eventuallyInDirectory([title], await directoryIdNamed('Shipping'));
  });

  it('drags three selected trainings, then undoes the move', async () => {
    // Trainings no other spec renames or moves (the specs share one simulator).
    await (await byRole('button', 'Product questions', { exact: false })).click();
    const titles = [
      'Finding the right size',
      'Gift cards and store credit',
      'Is an item back in stock?',
    ];
    const [first, ...rest] = await Promise.all(titles.map((t) => byRole('option', t, { exact: false })));
    await first.click();
    for (const option of rest) await clickWith(KEY.control, option);
    await waitForText('status', '3 trainings selected');
    await dragWithRealMouse(rest[1], await sidebarDirectory('Returns'));
    await waitForText('status', 'Moved 3 trainings to Returns');
    await eventuallyInDirectory(titles, await directoryIdNamed('Returns'));

    await (await byRole('button', 'Undo')).click();
    await eventuallyInDirectory(titles, await directoryIdNamed('Product questions'));
  });

  it('moves a training with "Move to…" using only the keyboard', async () => {
    const title = 'Where is my order?';
    await openTraining(title);
    const option = await byRole('option', title, { exact: false });
    await option.click();
    await browser.keys([KEY.control, KEY.shift, 'm']);
    await byRole('dialog', 'Move to');
    // Focus is in the filter now: type into it and choose with Enter.
    const filter = await byRole('searchbox', 'Filter directories');
    expect(await filter.isFocused()).toBe(true);
    await filter.addValue('Account');
    await browser.keys(['Enter']);
    await waitGone('dialog', 'Move to');
    await waitForText('status', 'Moved 1 training to Account & login');
    await eventuallyInDirectory([title], await directoryIdNamed('Account & login'));
  });

  it('creates a directory and deletes it again', async () => {
    await (await byRole('button', 'New directory')).click();
    const field = await byRole('textbox', 'Directory name');
    await field.setValue('Seasonal');
    await browser.keys(['Enter']);
    await sidebarDirectory('Seasonal');
    await browser.waitUntil(async () => (await api.listDirectories()).some((d) => d.name === 'Seasonal'), {
      timeoutMsg: 'the new directory never reached the simulator',
    });

    await (await byRole('button', 'Seasonal options')).click();
    await (await byRole('menuitem', 'Delete…')).click();
    const confirm = await byRole('dialog', 'Delete directory');
    expect(await confirm.getText()).toContain('Seasonal');
    await (await byRole('button', 'Delete', { within: confirm })).click();
    await browser.waitUntil(async () => !(await api.listDirectories()).some((d) => d.name === 'Seasonal'), {
      timeoutMsg: 'the directory was not deleted in the simulator',
    });
    // The sidebar follows once the app has the answer (a moment after the simulator has it).
    await browser.waitUntil(async () => (await allByRole('button', 'Seasonal,', { exact: false })).length === 0, {
      timeoutMsg: 'the deleted directory stayed in the sidebar',
    });
  });

  it('publishes one training, takes it out of use and deletes it, each with one command', async () => {
    const title = 'Published and deleted alone';
    // A training of its own: "+" in a directory, titled and saved as a draft.
    await (await byRole('button', 'New training in Shipping')).click();
    await typeInto('textbox', 'Title', title);
    await (await byRole('button', 'Save draft')).click();
    await (await byRole('button', 'Save draft now', { within: await byRole('dialog', 'Review changes') })).click();
    await waitGone('dialog', 'Review changes');
    let id;
    await browser.waitUntil(async () => {
      id = (await api.listTrainings('limit=100&search=Published%20and%20deleted')).find((t) => (t.draft_title ?? t.title) === title)?.id;
      return id !== undefined;
    }, { timeoutMsg: 'the new training never reached the simulator' });

    // Publish from the training's menu (Shift+F10, as a keyboard user opens it).
    await (await byRole('option', title, { exact: false })).click();
    await browser.keys([KEY.shift, 'F10']);
    await (await byRole('menuitem', 'Publish')).click();
    await waitForText('status', `Published “${title}”.`);
    expect((await api.getTraining(id)).is_draft).toBe(false);
    // One training's command says what happened in its own words: no job panel is left.
    expect(await allByRole('region', 'Job progress')).toEqual([]);

    await (await byRole('button', 'Take out of use')).click();
    await waitForText('status', `“${title}” is no longer in use.`);
    expect((await api.getTraining(id)).is_draft).toBe(true);

    await (await byRole('option', title, { exact: false })).click();
    await browser.keys([KEY.shift, 'F10']);
    await (await byRole('menuitem', 'Delete')).click();
    const confirm = await byRole('dialog', 'Delete training');
    expect(await confirm.getText()).toContain(title);
    await (await byRole('button', 'Delete', { within: confirm })).click();
    await waitForText('status', `Deleted “${title}”.`);
    expect((await api.listTrainings('limit=100&search=Published%20and%20deleted')).map((t) => t.id)).not.toContain(id);
    await browser.waitUntil(async () => (await allByRole('option', title, { exact: false })).length === 0, {
      timeoutMsg: 'the deleted training stayed in the list',
    });
  });
});
