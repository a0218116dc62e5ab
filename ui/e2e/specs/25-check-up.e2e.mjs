// The workspace check-up in the running app, on the demo workspace: the Check-up view lists the
// contradicting pair of the demo ("How returns work" says 30 days where "Checking the status of a
// return refund" says otherwise) with both sentences quoted, and health notes; a training it
// names opens in the editor, whose "Instruction health" shows that training's notes; "Needs
// attention" narrows the list to the trainings the check-up lists.
import { allByRole, byRole, waitGone } from '../support/ui.mjs';
import { ensureSignedIn } from '../support/session.mjs';
import { keepScreenshot } from '../support/screenshot.mjs';

const RETURNS = 'How returns work';
const REFUND_STATUS = 'Checking the status of a return refund';

/** How many trainings the list shows, and how many of them have this title. */
const shown = async (title = null) => (await allByRole('option', title, { exact: false })).length;

describe('The workspace check-up', () => {
  before(async () => {
    await ensureSignedIn();
    await (await byRole('button', 'All trainings')).click();
  });

  it('lists the contradicting pair with both sentences quoted, and health notes', async () => {
    await (await byRole('button', 'Check-up')).click();
    const view = await byRole('region', 'Check-up: All trainings');
    await browser.waitUntil(async () => (await view.getText()).includes('to look at in'), {
      timeout: 30_000,
      timeoutMsg: 'the check-up did not answer',
    });
    const contradictions = await byRole('region', 'Possible contradictions', { exact: false, within: view });
    const text = await contradictions.getText();
    expect(text).toContain(`“${REFUND_STATUS}” and “${RETURNS}” may tell the same customers different things`);
    expect(text).toContain(`“${RETURNS}”: “`);
    await byRole('region', 'Instruction health', { exact: false, within: view });
    await keepScreenshot('check-up-view');
  });

  it('opens a training it names, with its instruction health in the editor', async () => {
    const actions = await byRole('group', `What to do about “${REFUND_STATUS}” and “${RETURNS}”`);
    await (await byRole('button', `Open “${RETURNS}”`, { within: actions })).click();
    await browser.waitUntil(async () => (await (await byRole('textbox', 'Title')).getValue()) === RETURNS, {
      timeoutMsg: 'the editor did not open the training',
    });
    await waitGone('region', 'Check-up: All trainings');
    await byRole('region', 'Instruction health');
  });

  it('“Needs attention” narrows the list to what the check-up lists', async () => {
    const all = await shown();
    // Named "Needs attention (N)" once the background check-up has counted.
    const filter = await byRole('checkbox', 'Needs attention (', { exact: false, timeout: 30_000 });
    await filter.click();
    await browser.waitUntil(async () => (await shown()) < all, {
      timeoutMsg: 'Needs attention did not narrow the list',
    });
    expect(await shown(RETURNS)).toBe(1);
    expect(await shown(REFUND_STATUS)).toBe(1);
    await keepScreenshot('needs-attention');
    await filter.click();
    await browser.waitUntil(async () => (await shown()) === all, {
      timeoutMsg: 'unticking Needs attention did not bring every training back',
    });
  });
});
