// Links in the preview open in the system's browser, after the editor has seen the address, and
// never inside the app's window. The app's PATH starts with a fake `xdg-open` (wdio.conf.mjs,
// support/fake-opener.mjs) that records what it is asked to open.
import { byRole, replaceEditorText, waitGone } from '../support/ui.mjs';
import { ensureSignedIn, openTraining } from '../support/session.mjs';
import { openedLinks } from '../support/fake-opener.mjs';
import { keepScreenshot } from '../support/screenshot.mjs';

const WEB = 'https://help.northwind.example/refunds?from=studio#policy';
const MAIL = 'mailto:support@northwind.example';
const TITLE = 'Open this link in your browser?';

describe('Links in the preview', () => {
  let appUrl;

  before(async () => {
    await ensureSignedIn();
    await openTraining('Support hours over the holidays');
    await replaceEditorText('Content', `Read [the refund policy](${WEB}) or [write to us](${MAIL}).\n\nend of links`);
    const preview = await byRole('region', 'Preview');
    await browser.waitUntil(async () => (await preview.getText()).includes('end of links'), {
      timeoutMsg: 'the preview never showed the links',
    });
    appUrl = await browser.getUrl();
  });

  it('asks first, showing the whole address, and Cancel opens nothing', async () => {
    const before = openedLinks().length;
    await (await byRole('link', 'the refund policy')).click();
    const dialog = await byRole('dialog', TITLE);
    expect(await dialog.getText()).toContain(WEB);
    await (await byRole('button', 'Cancel', { within: dialog })).click();
    await waitGone('dialog', TITLE);
    await browser.pause(500);
    expect(openedLinks().length).toBe(before);
    expect(await browser.getUrl()).toBe(appUrl);
  });

  it('opens the confirmed address with the system opener; the app window stays where it was', async () => {
    await (await byRole('link', 'the refund policy')).click();
    const dialog = await byRole('dialog', TITLE);
    await keepScreenshot('link-dialog');
    await (await byRole('button', 'Open link', { within: dialog })).click();
    await waitGone('dialog', TITLE);
    await browser.waitUntil(() => openedLinks().includes(WEB), {
      timeout: 10_000,
      timeoutMsg: `the system opener was not asked to open ${WEB}; it got ${JSON.stringify(openedLinks())}`,
    });
    expect(await browser.getUrl()).toBe(appUrl);
    expect((await browser.getWindowHandles()).length).toBe(1);
    await byRole('textbox', 'Title');
  });

  it('works from the keyboard: Enter on a mail link asks, Enter on "Open link" opens it', async () => {
    const link = await byRole('link', 'write to us');
    await browser.execute((el) => el.focus(), link);
    await browser.keys(['Enter']);
    const dialog = await byRole('dialog', TITLE);
    expect(await dialog.getText()).toContain(MAIL);
    const open = await byRole('button', 'Open link', { within: dialog });
    await browser.execute((el) => el.focus(), open);
    await browser.keys(['Enter']);
    await waitGone('dialog', TITLE);
    await browser.waitUntil(() => openedLinks().includes(MAIL), {
      timeout: 10_000,
      timeoutMsg: `the system opener was not asked to open ${MAIL}`,
    });
    expect(await browser.getUrl()).toBe(appUrl);
  });
});
