// Similar trainings (issue 12): the demo's two price-match answers disagree on the number of days
// and both reach WhatsApp customers. Opening one shows the other under "Similar trainings" with
// the contradiction quoted from both; Compare shows them side by side with the diff; "Merge into
// this one" puts the other's text below, the review says the other goes once this one is saved,
// and after the save the simulator holds one training of the two, with both texts.
import { allByRole, byRole, waitForText, waitGone } from '../support/ui.mjs';
import { ensureSignedIn, openTraining } from '../support/session.mjs';
import { expectNoAxeViolations } from '../support/axe.mjs';
import { keepScreenshot } from '../support/screenshot.mjs';
import { api } from '../support/sim-api.mjs';

// The demo's contradicting pair (crates/opencx-sim/src/seed/demo.md); no other spec touches them.
const MINE = 'Do you match a lower price?';
const OTHER = 'Price match on WhatsApp';
const MINE_SENTENCE = 'We match a lower price from another shop within 14 days of purchase.';
const OTHER_SENTENCE = 'We match a lower price from another shop within 30 days of purchase.';
// The same sentences as written (markdown), as the compare view and the server hold them.
const MINE_MARKDOWN = 'We match a lower price from another shop **within 14 days** of purchase.';
const OTHER_MARKDOWN = 'We match a lower price from another shop **within 30 days** of purchase.';

const shownContent = (t) => t.draft_content ?? t.content;

describe('Similar trainings while writing', () => {
  let mineId;
  let otherId;

  before(async () => {
    await ensureSignedIn();
    mineId = (await api.findByTitle(MINE)).id;
    otherId = (await api.findByTitle(OTHER)).id;
  });

  it('shows the other of the pair with why, shared reach and the contradiction quoted from both', async () => {
    await openTraining(MINE);
    const item = await byRole('listitem', OTHER, { timeout: 20_000 });
    const text = await item.getText();
    expect(text).toContain('Both on WhatsApp for all customers');
    expect(text).toContain('Possible contradiction');
    expect(text).toContain('One says within 14 days, the other within 30 days.');
    expect(text).toContain(`This training: “${MINE_SENTENCE}”`);
    expect(text).toContain(`“${OTHER}”: “${OTHER_SENTENCE}”`);
    await item.scrollIntoView({ block: 'center' });
    await keepScreenshot('similar-trainings-section');
    await expectNoAxeViolations('editor with similar trainings');
  });

  it('compares the two side by side with the diff', async () => {
    const item = await byRole('listitem', OTHER);
    await (await byRole('button', 'Compare', { within: item })).click();
    const dialog = await byRole('dialog', `Compare with “${OTHER}”`);
    expect(await (await byRole('region', 'This training', { within: dialog })).getText()).toContain(MINE_MARKDOWN);
    expect(await (await byRole('region', 'Similar training', { within: dialog })).getText()).toContain(OTHER_MARKDOWN);
    const diff = await byRole('list', `Differences between this training and “${OTHER}”`, { within: dialog });
    const diffText = await diff.getText();
    expect(diffText).toContain(MINE_MARKDOWN);
    expect(diffText).toContain(OTHER_MARKDOWN);
    await keepScreenshot('similar-trainings-compare');
    await expectNoAxeViolations('compare view');
    await (await byRole('button', 'Close', { within: dialog })).click();
    await waitGone('dialog', `Compare with “${OTHER}”`);
  });

  it('merges the other into this one through the review; the server then holds one of the two', async () => {
    const item = await byRole('listitem', OTHER);
    await (await byRole('button', 'Merge into this one', { within: item })).click();
    await waitForText('status', `“${OTHER}” is deleted once this training is saved.`);
    await (await byRole('button', 'Save draft')).click();
    const review = await byRole('dialog', 'Review changes');
    expect(await review.getText()).toContain(`“${OTHER}” will be deleted once this training is saved`);
    await keepScreenshot('similar-trainings-merge-review');
    // Nothing is deleted before the save.
    expect((await api.listAllTrainings()).some((t) => t.id === otherId)).toBe(true);
    await (await byRole('button', 'Save draft now', { within: review })).click();
    await waitGone('dialog', 'Review changes', { timeout: 30_000 });

    await browser.waitUntil(async () => !(await api.listAllTrainings()).some((t) => t.id === otherId), {
      timeout: 30_000,
      timeoutMsg: `“${OTHER}” was not deleted after the merged training was saved`,
    });
    const pair = (await api.listAllTrainings()).filter((t) => [mineId, otherId].includes(t.id));
    expect(pair.map((t) => t.id)).toEqual([mineId]);
    const merged = shownContent(pair[0]);
    expect(merged.indexOf(MINE_MARKDOWN)).toBe(0);
    expect(merged).toContain(`\n\n${OTHER_MARKDOWN}`);
    await browser.waitUntil(async () => (await allByRole('option', OTHER, { exact: false })).length === 0, {
      timeoutMsg: `“${OTHER}” is still in the list`,
    });
    expect(await allByRole('status', 'Unsaved changes')).toEqual([]);
  });
});
