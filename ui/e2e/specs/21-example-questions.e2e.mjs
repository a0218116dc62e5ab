// Example questions: an editor adds a customer question to a training with the check "uses this
// training", runs the checks (it passes), then limits the training to WhatsApp, so the question
// asked on Web chat no longer reaches it. "Save draft" shows the failing check in the review's
// "Example questions" part, and the save still goes through. axe-core finds nothing in the
// section, the "Add example question" dialog and the review's part.
import { expectNoAxeViolations } from '../support/axe.mjs';
import { allByRole, byRole, typeInto, waitForText, waitGone } from '../support/ui.mjs';
import { ensureSignedIn, openTraining } from '../support/session.mjs';
import { keepScreenshot } from '../support/screenshot.mjs';
import { api } from '../support/sim-api.mjs';

// A live "when asked" training no other spec touches (the specs share one simulator).
const TITLE = 'Changing the delivery address after ordering';
const QUESTION = 'Can I change the delivery address on my order?';
const LOST = `“${QUESTION}” no longer uses this training.`;

async function saveDraftThroughReview() {
  await (await byRole('button', 'Save draft')).click();
  const review = await byRole('dialog', 'Review changes');
  await (await byRole('button', 'Save draft now', { within: review })).click();
  await waitGone('dialog', 'Review changes', { timeout: 30_000 });
}

describe('Example questions', () => {
  let id;

  before(async () => {
    await ensureSignedIn();
    id = (await api.findByTitle(TITLE)).id;
  });

  // Leave the training on every channel again for later specs.
  after(async () => {
    if ((await allByRole('dialog', 'Review changes')).length > 0) await browser.keys(['Escape']);
    const whatsapp = await byRole('checkbox', 'WhatsApp');
    if (await whatsapp.isSelected()) {
      await whatsapp.click();
      await saveDraftThroughReview();
    }
  });

  it('adds a question to a training and its check passes', async () => {
    await openTraining(TITLE);
    await (await byRole('button', 'Example questions')).click();
    await (await byRole('button', 'Add example question')).click();
    const dialog = await byRole('dialog', 'Add example question');
    await typeInto('textbox', "Customer's question", QUESTION);
    await (await byRole('radio', 'Does not use another training', { within: dialog })).click();
    await byRole('combobox', 'Training it should not use', { within: dialog });
    await expectNoAxeViolations('the "Add example question" dialog', { selector: '[role="dialog"]' });
    await (await byRole('radio', 'Uses this training', { within: dialog })).click();
    await (await byRole('button', 'Add question', { within: dialog })).click();
    await waitGone('dialog', 'Add example question');
    const list = await byRole('list', 'Example questions of this training');
    expect(await list.getText()).toContain(`“${QUESTION}”`);
    expect(await list.getText()).toContain('Web chat · Any customer · Uses this training');

    await (await byRole('button', 'Run checks')).click();
    await waitForText('status', '1 check passed.');
    await browser.waitUntil(async () => (await list.getText()).includes('Passes'), {
      timeoutMsg: 'the question did not show its passing check',
    });
    expect(await list.getText()).toContain(`Passes: “${TITLE}” is the 1st likely match.`);
    await list.scrollIntoView({ block: 'center' });
    await keepScreenshot('example-questions-section');
    await expectNoAxeViolations('the Example questions section', { selector: 'section[aria-label="Editor"]' });
  });

  it('shows the failing check in the review of an edit that breaks it, and the save goes through', async () => {
    await (await byRole('checkbox', 'WhatsApp')).click();
    await (await byRole('button', 'Save draft')).click();
    const review = await byRole('dialog', 'Review changes');
    const part = await byRole('region', 'Example questions', { within: review });
    const changes = await byRole('list', 'What this edit changes', { within: part });
    await browser.waitUntil(async () => (await changes.getText()).includes(LOST), {
      timeoutMsg: 'the review did not say what the edit changes',
    });
    expect(await changes.getText()).toContain(`Fails: ${LOST}`);
    expect(await part.getText()).toContain('A failing check does not stop the save');
    await part.scrollIntoView({ block: 'center' });
    await keepScreenshot('review-example-questions');
    await expectNoAxeViolations('the review with a failing example question', { selector: '[role="dialog"]' });

    await (await byRole('button', 'Save draft now', { within: review })).click();
    await waitGone('dialog', 'Review changes', { timeout: 30_000 });
    await browser.waitUntil(async () => (await api.getTraining(id)).restricted_to_channels.includes('whatsapp'), {
      timeout: 20_000,
      timeoutMsg: 'the save did not reach the simulator',
    });
  });
});
