// Accessibility in the running app: axe-core over the sign-in screen, the main view, the editor
// and each dialog a person reaches from them, including the conflict view (a real conflict: a
// colleague's change through the simulator's API) and the outbox panel (a real save made while
// the simulator is down), and the check-up view. Every screen must have no violation of WCAG 2.x A/AA
// or axe's best practices; a rule left out below is named with the reason.
import { allByRole, byRole, typeInto, waitGone } from '../support/ui.mjs';
import { ensureSignedIn, openTraining } from '../support/session.mjs';
import { expectNoAxeViolations } from '../support/axe.mjs';
import { keepScreenshot } from '../support/screenshot.mjs';
import { api, control } from '../support/sim-api.mjs';

// Trainings no other spec edits (specs share one simulator).
const TITLE = 'Brand voice and tone';
const CONFLICTED = 'Parcel arrived damaged';
const QUEUED = 'Express and next-day delivery';

async function saveDraftThroughReview() {
  await (await byRole('button', 'Save draft')).click();
  await byRole('dialog', 'Review changes');
  await (await byRole('button', 'Save draft now')).click();
}

describe('Accessibility (axe-core)', () => {
  before(async () => {
    await ensureSignedIn();
  });

  it('the main view', async () => {
    await expectNoAxeViolations('main view');
  });

  it('the editor with a training open', async () => {
    await openTraining(TITLE);
    await expectNoAxeViolations('editor');
  });

  it('the review of a change', async () => {
    await typeInto('textbox', 'Title', `${TITLE} (checked)`);
    await (await byRole('button', 'Save draft')).click();
    await byRole('dialog', 'Review changes');
    await expectNoAxeViolations('review dialog');
    await browser.keys(['Escape']);
    await waitGone('dialog', 'Review changes');
    await typeInto('textbox', 'Title', TITLE);
    await waitGone('status', 'Unsaved changes');
  });

  it('the Move to dialog', async () => {
    await (await byRole('button', 'Move to…')).click();
    await byRole('dialog', 'Move to');
    await expectNoAxeViolations('move dialog');
    await browser.keys(['Escape']);
    await waitGone('dialog', 'Move to');
  });

  it('the history panel', async () => {
    await (await byRole('button', 'History')).click();
    await byRole('dialog', `History of “${TITLE}”`);
    await expectNoAxeViolations('history panel');
    await browser.keys(['Escape']);
    await waitGone('dialog', `History of “${TITLE}”`);
  });

  it('the conflict view and its merge', async () => {
    await openTraining(CONFLICTED);
    await typeInto('textbox', 'Title', `${CONFLICTED} (mine)`);
    const t = await api.findByTitle(CONFLICTED);
    await api.updateTraining(t.id, {
      title: `${CONFLICTED} (a colleague’s)`,
      content: `${t.draft_content ?? t.content}\n\nPhotos help.`,
      type: t.type,
      directory_id: t.directory_id,
      restricted_to_channels: ['web', 'sms'],
      restricted_to_segments: t.restricted_to_segments,
    });
    await saveDraftThroughReview();
    const dialog = await byRole('dialog', 'Someone else changed this training', { timeout: 30_000 });
    await expectNoAxeViolations('conflict view');
    await keepScreenshot('conflict-view-audited');
    await (await byRole('button', 'Edit the merge', { within: dialog })).click();
    await byRole('group', 'Channels', { within: dialog });
    await expectNoAxeViolations('conflict merge');
    await (await byRole('button', 'Back', { within: dialog })).click();
    await (await byRole('button', 'Take theirs', { within: dialog })).click();
    await waitGone('dialog', 'Someone else changed this training');
  });

  it('the outbox panel with a save waiting', async () => {
    await openTraining(QUEUED);
    await control.setFaults({ down: true });
    try {
      await typeInto('textbox', 'Title', `${QUEUED} (saved offline)`);
      await saveDraftThroughReview();
      // The client retries a 503 a few times before the save goes to the outbox.
      await (await byRole('button', 'Waiting to send (1)', { timeout: 90_000 })).click();
      await byRole('dialog', 'Waiting to send');
      await expectNoAxeViolations('outbox panel');
      await keepScreenshot('outbox-panel-audited');
      await browser.keys(['Escape']);
      await waitGone('dialog', 'Waiting to send');
    } finally {
      await control.clearFaults();
    }
    // Sent once open.cx answers again (the app retries every 10 s while something waits).
    await waitGone('button', 'Waiting to send (1)', { timeout: 60_000 });
  });

  it('the check-up view', async () => {
    await (await byRole('button', 'All trainings')).click();
    await (await byRole('button', 'Check-up')).click();
    const view = await byRole('region', 'Check-up: All trainings');
    await browser.waitUntil(async () => (await view.getText()).includes('to look at in'), {
      timeout: 30_000,
      timeoutMsg: 'the check-up did not answer',
    });
    await expectNoAxeViolations('check-up view');
    await keepScreenshot('check-up-view-audited');
    await (await byRole('button', 'Close check-up')).click();
    await waitGone('region', 'Check-up: All trainings');
  });

  it('the sign-out question', async () => {
    await (await byRole('button', 'Sign out')).click();
    await byRole('dialog', 'Sign out of', { exact: false });
    await (await byRole('checkbox', "Also remove this workspace's data from this computer")).click();
    await expectNoAxeViolations('sign-out dialog');
    await keepScreenshot('sign-out-dialog');
    await (await byRole('button', 'Cancel')).click();
    await waitGone('dialog', 'Sign out of', { exact: false });
  });

  it('the sign-in screen of "Add workspace"', async () => {
    await (await byRole('button', 'Add workspace')).click();
    await byRole('button', 'Sign in');
    await expectNoAxeViolations('sign-in screen');
    await (await byRole('button', 'Cancel')).click();
    await byRole('listbox', 'Trainings');
    expect(await allByRole('button', 'Sign in')).toHaveLength(0);
  });
});
