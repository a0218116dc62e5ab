// The check-up's actions on a pair (issue 12): from the Check-up view, a person compares the demo's
// two price-match answers (14 days against 30 days on WhatsApp) side by side, hears and reaches
// the sentences that may contradict, marked in both texts beside the diff, then merges one into
// the other from there: the editor opens with both texts, the review says the other goes once this
// one is saved, the simulator then holds one, and the check-up no longer lists the pair.
import { allByRole, byRole, descriptionOf, waitForText, waitGone } from '../support/ui.mjs';
import { ensureSignedIn } from '../support/session.mjs';
import { expectNoAxeViolations } from '../support/axe.mjs';
import { api } from '../support/sim-api.mjs';

// The demo's contradicting pair (crates/opencx-sim/src/seed/demo.md), as seeded.
const MINE = 'Do you match a lower price?';
const OTHER = 'Price match on WhatsApp';
const MINE_MARKDOWN = 'We match a lower price from another shop **within 14 days** of purchase.';
const OTHER_MARKDOWN = 'We match a lower price from another shop **within 30 days** of purchase.';
const MINE_SENTENCE = 'We match a lower price from another shop within 14 days of purchase.';
const OTHER_SENTENCE = 'We match a lower price from another shop within 30 days of purchase.';
const SEEDED = {
  [MINE]: {
    content: `${MINE_MARKDOWN}\n\n1. Ask for a link to the other shop's product page.\n2. Check that it is the same item, size and colour, and in stock there.\n3. Refund the difference to the original payment method.`,
    channels: [],
  },
  [OTHER]: {
    content: `${OTHER_MARKDOWN}\n\nAsk for a link to the other shop's product page, then refund the difference. Keep WhatsApp answers short.`,
    channels: ['whatsapp'],
  },
};

const shownTitle = (t) => t.draft_title ?? t.title;
const shownContent = (t) => t.draft_content ?? t.content;

/**
 * Puts the pair back as the demo seeds it where an earlier spec changed it (spec 24 merges the
 * two), as another open.cx client would, and says whether it had to.
 */
async function seedPair() {
  const all = await api.listAllTrainings();
  const billing = (await api.listDirectories()).find((d) => /billing/i.test(d.name))?.id ?? null;
  let changed = false;
  for (const [title, seeded] of Object.entries(SEEDED)) {
    const named = all.filter((t) => shownTitle(t) === title);
    const intact = named.find((t) => shownContent(t) === seeded.content);
    for (const t of named.filter((n) => n !== intact)) await api.deleteTraining(t.id);
    if (!intact) {
      await api.createTraining({
        title,
        content: seeded.content,
        type: 'SCENARIO_SPECIFIC',
        is_draft: false,
        directory_id: billing,
        restricted_to_channels: seeded.channels,
        restricted_to_segments: [],
      });
    }
    changed ||= !intact || named.length > 1;
  }
  return changed;
}

/** The check-up of every training, once it has answered. */
async function openCheckUp() {
  await (await byRole('button', 'All trainings')).click();
  await (await byRole('button', 'Check-up')).click();
  const view = await byRole('region', 'Check-up: All trainings');
  await browser.waitUntil(async () => /to look at in|Nothing found/.test(await view.getText()), {
    timeout: 30_000,
    timeoutMsg: 'the check-up did not answer',
  });
  return view;
}

/** The pair's actions in the view, and whether it names MINE first (the check-up's order). */
async function pairGroups() {
  const mineFirst = await allByRole('group', `What to do about “${MINE}” and “${OTHER}”`);
  const otherFirst = await allByRole('group', `What to do about “${OTHER}” and “${MINE}”`);
  return [...mineFirst.map((g) => ({ group: g, mineFirst: true })), ...otherFirst.map((g) => ({ group: g, mineFirst: false }))];
}

describe('The check-up’s actions on a pair', () => {
  let otherId;

  before(async () => {
    await ensureSignedIn();
    if (await seedPair()) {
      // The app loads the workspace as it starts: a new session starts it on the seeded pair.
      await browser.reloadSession();
      await ensureSignedIn();
    }
    otherId = (await api.findByTitle(OTHER)).id;
  });

  it('compares the pair side by side, the sentences that may contradict marked in both, with the diff', async () => {
    const view = await openCheckUp();
    await browser.waitUntil(async () => (await pairGroups()).length > 0, {
      timeout: 30_000,
      timeoutMsg: `the check-up does not list “${MINE}” and “${OTHER}”`,
    });
    const [{ group, mineFirst }] = await pairGroups();
    expect(await view.getText()).toContain('One says within');
    await (await byRole('button', 'Compare', { within: group })).click();
    const [firstTitle, secondTitle] = mineFirst ? [MINE, OTHER] : [OTHER, MINE];
    const dialog = await byRole('dialog', `Compare “${firstTitle}” and “${secondTitle}”`);
    const first = await byRole('region', 'First training', { within: dialog });
    const second = await byRole('region', 'Second training', { within: dialog });
    const [mineSide, otherSide] = mineFirst ? [first, second] : [second, first];

    // One mark on each side, on the sentence as written, that says what it may contradict.
    const [mineMark] = await allByRole('mark', null, { within: mineSide });
    const [otherMark] = await allByRole('mark', null, { within: otherSide });
    expect(await $(mineMark).getText()).toBe(MINE_MARKDOWN);
    expect(await $(otherMark).getText()).toBe(OTHER_MARKDOWN);
    const rule = mineFirst
      ? 'One says within 14 days, the other within 30 days.'
      : 'One says within 30 days, the other within 14 days.';
    expect(await descriptionOf(mineMark)).toBe(`May contradict “${OTHER}”: “${OTHER_SENTENCE}” ${rule}`);
    expect(await descriptionOf(otherMark)).toBe(`May contradict “${MINE}”: “${MINE_SENTENCE}” ${rule}`);

    // The keyboard reaches both marks.
    const focused = async () => browser.execute(() => document.activeElement?.textContent ?? '');
    const reached = new Set();
    for (let i = 0; i < 12 && reached.size < 2; i += 1) {
      await browser.keys(['Tab']);
      const text = await focused();
      if ([MINE_MARKDOWN, OTHER_MARKDOWN].includes(text)) reached.add(text);
    }
    expect([...reached].sort()).toEqual([MINE_MARKDOWN, OTHER_MARKDOWN].sort());

    // The diff stays, below.
    const diff = await byRole('list', 'Differences between', { exact: false, within: dialog });
    const diffText = await diff.getText();
    expect(diffText).toContain(MINE_MARKDOWN);
    expect(diffText).toContain(OTHER_MARKDOWN);
    await expectNoAxeViolations('the check-up’s compare view');
  });

  it('merges the pair from the compare view through the editor’s review; the check-up then no longer lists it', async () => {
    const dialog = await byRole('dialog', 'Compare “', { exact: false });
    const merge = await byRole('button', 'Merge “', { exact: false, within: dialog });
    const mergeName = await merge.getText();
    // "Merge “second” into “first”": the first stays, with the second's text below its own.
    const [, gone, kept] = mergeName.match(/^Merge “(.+)” into “(.+)”$/);
    expect([gone, kept].sort()).toEqual([MINE, OTHER].sort());
    const goneId = (await api.findByTitle(gone)).id;
    const keptId = (await api.findByTitle(kept)).id;
    await merge.click();

    await browser.waitUntil(async () => (await (await byRole('textbox', 'Title')).getValue()) === kept, {
      timeoutMsg: `the editor did not open “${kept}”`,
    });
    await waitGone('region', 'Check-up: All trainings');
    await waitForText('status', `“${gone}” is deleted once this training is saved.`);
    await (await byRole('button', 'Save draft')).click();
    const review = await byRole('dialog', 'Review changes');
    expect(await review.getText()).toContain(`“${gone}” will be deleted once this training is saved`);
    expect((await api.listAllTrainings()).some((t) => t.id === goneId)).toBe(true);
    await (await byRole('button', 'Save draft now', { within: review })).click();
    await waitGone('dialog', 'Review changes', { timeout: 30_000 });

    await browser.waitUntil(async () => !(await api.listAllTrainings()).some((t) => t.id === goneId), {
      timeout: 30_000,
      timeoutMsg: `“${gone}” was not deleted after “${kept}” was saved`,
    });
    const merged = shownContent(await api.getTraining(keptId));
    expect(merged).toContain(MINE_MARKDOWN);
    expect(merged).toContain(OTHER_MARKDOWN);
    expect(gone === OTHER ? goneId : keptId).toBe(otherId);

    // The check-up, opened again, has checked the workspace since: the pair is gone.
    await openCheckUp();
    await browser.waitUntil(async () => (await pairGroups()).length === 0, {
      timeout: 30_000,
      timeoutMsg: 'the check-up still lists the merged pair',
    });
  });
});
