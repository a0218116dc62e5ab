// Accessibility in the running app: axe-core over the sign-in screen, the main view, the editor
// and each dialog a person reaches from them. Every screen must have no violation of WCAG 2.x A/AA
// or axe's best practices; a rule left out below is named with the reason.
import { allByRole, byRole, typeInto, waitGone } from '../support/ui.mjs';
import { ensureSignedIn, openTraining } from '../support/session.mjs';
import { expectNoAxeViolations } from '../support/axe.mjs';
import { keepScreenshot } from '../support/screenshot.mjs';

// A training no other spec edits (specs share one simulator).
const TITLE = 'Brand voice and tone';

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
