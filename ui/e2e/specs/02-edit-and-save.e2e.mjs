// The editor's main path: change title and content, watch the preview render, tick channels and
// segments, review, save, and check through the simulator that the PUT carried exactly that.
import { byRole, waitGone, replaceEditorText, typeInto, allByRole } from '../support/ui.mjs';
import { ensureSignedIn, openTraining } from '../support/session.mjs';
import { api, control } from '../support/sim-api.mjs';

const TITLE = 'Customer needs a copy of an invoice';
const NEW_TITLE = 'Customer asks for an invoice copy';
const NEW_CONTENT = '## Invoice copies\n\nSend the PDF from **Account → Orders**.';

describe('Editing and saving a training', () => {
  let id;

  before(async () => {
    await ensureSignedIn();
    id = (await api.findByTitle(TITLE)).id;
  });

  it('edits the title and content and shows the preview', async () => {
    await openTraining(TITLE);
    await typeInto('textbox', 'Title', NEW_TITLE);
    await replaceEditorText('Content', NEW_CONTENT);
    const preview = await byRole('region', 'Preview');
    await browser.waitUntil(async () => (await preview.$('h2').isExisting()) && (await preview.$('h2').getText()) === 'Invoice copies', {
      timeoutMsg: 'the preview did not render the heading',
    });
    expect(await (await preview.$('strong')).getText()).toBe('Account → Orders');
    await byRole('status', 'Unsaved changes', { exact: false });
  });

  it('ticks and unticks channels and segments', async () => {
    // The seed limits this training to Web chat and Email.
    await (await byRole('checkbox', 'Email')).click();
    await (await byRole('checkbox', 'SMS')).click();
    await (await byRole('checkbox', 'WhatsApp')).click();
    await (await byRole('checkbox', 'WhatsApp')).click();
    await (await byRole('checkbox', 'VIP customers')).click();
    expect(await (await byRole('checkbox', 'Web chat')).isSelected()).toBe(true);
    expect(await (await byRole('checkbox', 'Email')).isSelected()).toBe(false);
    expect(await (await byRole('checkbox', 'SMS')).isSelected()).toBe(true);
    expect(await (await byRole('checkbox', 'WhatsApp')).isSelected()).toBe(false);
  });

  it('reviews the changes, saves a draft, and the PUT carries exactly those fields', async () => {
    await control.clearRequests();
    await (await byRole('button', 'Save draft')).click();
    const dialog = await byRole('dialog', 'Review changes');
    const review = await dialog.getText();
    expect(review).toContain(NEW_TITLE);
    expect(review).toContain('SMS');
    expect(review).toContain('VIP customers');
    await (await byRole('button', 'Save draft now')).click();
    await waitGone('dialog', 'Review changes');
    await browser.waitUntil(async () => (await allByRole('status', 'Unsaved changes', { exact: false })).length === 0, {
      timeoutMsg: '"Unsaved changes" still showed after the save',
    });

    const puts = (await control.requests()).filter((r) => r.method === 'PUT' && r.path === `/training/${id}`);
    expect(puts.length).toBe(1);
    const body = puts[0].body;
    expect(body.title).toBe(NEW_TITLE);
    expect(body.content).toBe(NEW_CONTENT);
    expect(body.is_draft).toBe(true);
    expect([...body.restricted_to_channels].sort()).toEqual(['sms', 'web']);
    const vip = (await (await fetch(`${process.env.E2E_SIM_URL}/contacts/segments?limit=100`, {
      headers: { authorization: 'Bearer ocx_live_e2e_full_access' },
    })).json()).data.find((s) => s.name === 'VIP customers');
    expect(body.restricted_to_segments).toEqual([vip.id]);

    const saved = await api.getTraining(id);
    expect(saved.draft_title ?? saved.title).toBe(NEW_TITLE);
    expect(await (await byRole('textbox', 'Title')).getValue()).toBe(NEW_TITLE);
  });
});
