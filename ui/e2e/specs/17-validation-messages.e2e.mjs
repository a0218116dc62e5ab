// open.cx refusing one value reads as a sentence in the form's words, and the field is marked:
// the simulator refuses WhatsApp with exactly open.cx's 400 body
// ("body/restricted_to_channels/N must be equal to one of the allowed values"), as a workspace
// without that channel would. The edit stays; unticking the channel clears the mark and saves.
import { allByRole, byRole, typeInto, waitForText } from '../support/ui.mjs';
import { ensureSignedIn, openTraining } from '../support/session.mjs';
import { api, control } from '../support/sim-api.mjs';

const TITLE = 'Exchanging an item for a different size';
const EDITED = 'Exchanging an item for another size';
const SENTENCE = 'open.cx does not accept the channel “WhatsApp”. Untick it, then save again.';

async function saveDraftThroughReview() {
  await (await byRole('button', 'Save draft')).click();
  await byRole('dialog', 'Review changes');
  await (await byRole('button', 'Save draft now')).click();
}

/** The WhatsApp box inside the "Channels" group. */
async function whatsapp() {
  const channels = await byRole('group', 'Channels');
  return byRole('checkbox', 'WhatsApp', { within: channels });
}

/** The text of the elements an element's aria-describedby points to. */
async function description(element) {
  return browser.execute((el) => (el.getAttribute('aria-describedby') || '')
    .split(/\s+/)
    .map((id) => document.getElementById(id))
    .filter(Boolean)
    .map((d) => d.textContent.trim())
    .join(' '), element);
}

describe('A value open.cx refuses', () => {
  before(async () => {
    await ensureSignedIn();
    await control.refuseChannels(['whatsapp']);
    await openTraining(TITLE);
  });

  after(() => control.refuseChannels([]));

  it('reads as a sentence, marks the channels and keeps the edit', async () => {
    await typeInto('textbox', 'Title', EDITED);
    const box = await whatsapp();
    expect(await box.isSelected()).toBe(false);
    await box.click();
    await saveDraftThroughReview();

    await waitForText('alert', SENTENCE);
    for (const alert of await allByRole('alert')) expect(await $(alert).getText()).not.toContain('body/');
    const marked = await whatsapp();
    expect(await marked.getAttribute('aria-invalid')).toBe('true');
    expect(await description(marked)).toBe(SENTENCE);
    expect(await marked.isSelected()).toBe(true);
    expect(await (await byRole('textbox', 'Title')).getValue()).toBe(EDITED);
    await byRole('status', 'Unsaved changes');
    const server = await api.findByTitle(TITLE);
    expect(server.restricted_to_channels).not.toContain('whatsapp');
  });

  it('clears the mark once the channel is unticked, and then saves', async () => {
    await (await whatsapp()).click();
    const unticked = await whatsapp();
    // The mark goes with the form's next update (on a loaded machine, after the click returns).
    await browser.waitUntil(async () => (await unticked.getAttribute('aria-invalid')) === null, {
      timeout: 10_000,
      timeoutMsg: 'the channel stayed marked after it was unticked',
    });
    expect(await unticked.isSelected()).toBe(false);
    expect(await description(unticked)).toBe('');
    await saveDraftThroughReview();
    await browser.waitUntil(async () => (await api.findByTitle(EDITED).catch(() => null)) !== null, {
      timeoutMsg: 'the corrected save never reached the simulator',
    });
  });
});
