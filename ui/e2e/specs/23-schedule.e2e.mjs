// Scheduling (issue 11, item 6): an editor sets "Active from" on a demo training to a day ahead,
// on this computer's clock; the review says the change in words before publishing; the list and
// the editor's header say "Starts …"; the State filter's "Scheduled" keeps it; open.cx holds the
// start as the UTC moment typed. Clearing it again sends it cleared, and open.cx forgets it.
import { allByRole, byRole, fieldByLabel, waitGone } from '../support/ui.mjs';
import { ensureSignedIn, openTraining } from '../support/session.mjs';
import { expectNoAxeViolations } from '../support/axe.mjs';
import { api } from '../support/sim-api.mjs';

// A training no other spec touches (specs share one simulator): out of use in the demo.
const TITLE = 'Extended holiday return window';

const two = (n) => String(n).padStart(2, '0');

/** The start: 20 days ahead at 10:00 on this computer's clock (the app runs on the same one). */
function futureStart() {
  const at = new Date();
  at.setDate(at.getDate() + 20);
  at.setHours(10, 0, 0, 0);
  return at;
}

/** What a datetime-local input holds for `at`. */
const localValue = (at) =>
  `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}T${two(at.getHours())}:${two(at.getMinutes())}`;

/** "Starts 24 Dec" (with the year when it is not this one), as the list says it. */
function startsLabel(at) {
  const sameYear = at.getFullYear() === new Date().getFullYear();
  const day = at.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: sameYear ? undefined : 'numeric' });
  return `Starts ${day}`;
}

/** Types a date and time into a datetime-local input the way the webview's own control takes it. */
async function typeDateTime(name, value) {
  const input = await fieldByLabel(name);
  await input.click();
  await input.setValue(value);
  if ((await input.getValue()) !== value) {
    // WebKitGTK without a native date control still gives the value to the page's input event.
    await browser.execute((el, v) => {
      el.value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, input, value);
  }
  await browser.waitUntil(async () => (await input.getValue()) === value, {
    timeoutMsg: `${name} did not take ${value}`,
  });
}

async function publishThroughReview(expectSchedule) {
  await (await byRole('button', 'Publish')).click();
  const dialog = await byRole('dialog', 'Review changes');
  await browser.waitUntil(async () => (await dialog.getText()).includes(expectSchedule), {
    timeoutMsg: `the review did not say "${expectSchedule}"`,
  });
  return dialog;
}

describe('Scheduling a training', () => {
  let id;
  const start = futureStart();

  before(async () => {
    await ensureSignedIn();
    id = (await api.findByTitle(TITLE)).id;
  });

  it('sets “Active from” on this computer’s clock, with the time zone said beside it', async () => {
    await openTraining(TITLE);
    const group = await byRole('group', 'Schedule');
    const zone = await browser.execute(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(await group.getText()).toContain(`Times in ${zone}`);
    await typeDateTime('Active from', localValue(start));
    await byRole('status', 'Unsaved changes');
    await (await byRole('button', 'Clear the start')).waitForEnabled();
    await expectNoAxeViolations('editor with a schedule');
  });

  it('publishes through the review, which says the new schedule in words', async () => {
    const day = start.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
    const dialog = await publishThroughReview(`Active from ${day}, 10:00, no end`);
    expect(await dialog.getText()).toContain('No start or end');
    await expectNoAxeViolations('review of a schedule change');
    await (await byRole('button', 'Publish now', { within: dialog })).click();
    await waitGone('dialog', 'Review changes', { timeout: 30_000 });

    // open.cx holds the moment typed, in UTC.
    const held = await browser.waitUntil(async () => {
      const t = await api.getTraining(id);
      return t.start_time !== null && t;
    }, { timeout: 20_000, timeoutMsg: 'the schedule did not reach the simulator' });
    expect(held.start_time).toBe(start.toISOString());
    expect(held.end_time).toBeNull();
    expect(held.is_draft).toBe(false);
  });

  it('says “Starts …” in the list and the editor’s header, and “Scheduled” keeps it', async () => {
    const label = startsLabel(start);
    const row = await byRole('option', TITLE, { exact: false });
    await browser.waitUntil(async () => (await row.getText()).includes(label), {
      timeoutMsg: `the list row did not say "${label}"`,
    });
    const editor = await byRole('region', 'Editor');
    expect(await editor.getText()).toContain(label);

    const stateFilter = await byRole('combobox', 'State filter');
    await stateFilter.selectByVisibleText('Scheduled');
    const list = await byRole('listbox', 'Trainings');
    // Other specs may schedule trainings of their own: the filter keeps exactly those with a window.
    const scheduled = (await api.listAllTrainings()).filter((t) => t.start_time !== null || t.end_time !== null);
    expect(scheduled.map((t) => t.id)).toContain(id);
    await browser.waitUntil(async () => (await allByRole('option', null, { within: list })).length === scheduled.length, {
      timeoutMsg: `the Scheduled filter did not keep exactly the ${scheduled.length} scheduled trainings`,
    });
    expect(await (await byRole('option', TITLE, { exact: false, within: list })).getText()).toContain(label);
    await stateFilter.selectByVisibleText('All');
  });

  it('clears the start again: open.cx is told, and forgets it', async () => {
    await (await byRole('button', 'Clear the start')).click();
    expect(await (await fieldByLabel('Active from')).getValue()).toBe('');
    const dialog = await publishThroughReview('No start or end');
    await (await byRole('button', 'Publish now', { within: dialog })).click();
    await waitGone('dialog', 'Review changes', { timeout: 30_000 });
    await browser.waitUntil(async () => (await api.getTraining(id)).start_time === null, {
      timeout: 20_000,
      timeoutMsg: 'the simulator kept the start the editor cleared',
    });
    await waitGone('status', 'Unsaved changes');
  });
});
