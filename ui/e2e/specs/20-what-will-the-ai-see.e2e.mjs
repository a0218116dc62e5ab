// "What will the AI see?" on the demo workspace: a customer's message on WhatsApp from a VIP
// customer shows the always-on trainings for WhatsApp, the "when asked" answer that matches the
// message best, and a training left out because it is not on WhatsApp; a training clicked in the
// panel opens in the editor; Escape closes the panel and gives focus back to its button. The
// coverage map: a table of channels by customers, a cell's trainings listed when it is chosen,
// one of them opened. axe-core checks the panel and the map.
import { allByRole, byRole, waitGone } from '../support/ui.mjs';
import { ensureSignedIn } from '../support/session.mjs';
import { expectNoAxeViolations } from '../support/axe.mjs';
import { keepScreenshot } from '../support/screenshot.mjs';

const PANEL = 'What will the AI see?';
// Demo trainings no other spec edits (specs share one simulator).
const WHATSAPP_RULE = 'Keep SMS and WhatsApp answers short';
const BEST_MATCH = 'Changing the delivery address after ordering';
const VOICE_ONLY = 'Speaking style on phone and voice calls';
const VIP_ONLY = 'Free express shipping for VIP customers';

const textOf = (el) => browser.execute((e) => e.textContent, el);

describe('What will the AI see?', () => {
  before(async () => {
    await ensureSignedIn();
  });

  it('answers for a message on WhatsApp from a VIP customer', async () => {
    // The main view's button (the editor, when one is open, has its own).
    const [button] = await allByRole('button', PANEL);
    await $(button).click();
    const panel = await byRole('region', PANEL);
    expect(await browser.execute(() => document.activeElement?.getAttribute('placeholder'))).toBe('Where is my parcel?');

    await (await byRole('textbox', 'Customer message', { within: panel })).setValue(
      'How can I change the delivery address of my order?',
    );
    await (await byRole('combobox', 'Channel', { within: panel })).selectByVisibleText('WhatsApp');
    await (await byRole('checkbox', 'VIP customers', { within: panel })).click();

    const always = await byRole('region', 'Always on', { exact: false, within: panel });
    await byRole('button', WHATSAPP_RULE, { within: always, timeout: 20_000 });
    const asked = await byRole('region', 'When asked', { exact: false, within: panel });
    expect(await textOf(asked)).toContain('Likely matches, by the words used — open.cx');
    await browser.waitUntil(async () => {
      const [first] = await allByRole('listitem', null, { within: asked });
      return first !== undefined && (await textOf(first)).includes(BEST_MATCH);
    }, { timeout: 20_000, timeoutMsg: `"${BEST_MATCH}" is not the first likely match` });
    const left = await byRole('region', 'Left out', { exact: false, within: panel });
    await byRole('heading', 'Not on WhatsApp', { exact: false, within: left });
    await byRole('button', VOICE_ONLY, { within: left });
    // For a VIP customer, the VIP training is not left out.
    expect(await allByRole('button', VIP_ONLY, { within: left })).toHaveLength(0);

    await expectNoAxeViolations('"What will the AI see?" panel');
    await keepScreenshot('what-will-the-ai-see');

    await (await byRole('button', BEST_MATCH, { within: asked })).click();
    await browser.waitUntil(async () => (await (await byRole('textbox', 'Title')).getValue()) === BEST_MATCH, {
      timeoutMsg: 'the editor did not open the training clicked in the panel',
    });

    await (await byRole('textbox', 'Customer message', { within: panel })).click();
    await browser.keys(['Escape']);
    await waitGone('region', PANEL);
    expect(await browser.execute((b) => document.activeElement === b, button)).toBe(true);
  });
});

describe('Coverage map', () => {
  it('lists the trainings of a cell and opens one', async () => {
    await (await byRole('button', 'All trainings')).click();
    const button = await byRole('button', 'Coverage map');
    await button.click();
    const view = await byRole('region', 'Coverage map: All trainings');
    const table = await byRole('table', null, { within: view });
    expect(await textOf(table)).toContain('VIP customers');
    const cell = await byRole('button', 'WhatsApp, VIP customers:', { exact: false, within: table });
    await cell.click();
    const list = await byRole('region', 'WhatsApp · VIP customers', { within: view });
    await byRole('button', WHATSAPP_RULE, { within: list });
    await byRole('button', VIP_ONLY, { within: list });
    expect(await allByRole('button', VOICE_ONLY, { within: list })).toHaveLength(0);

    await expectNoAxeViolations('coverage map');
    await keepScreenshot('coverage-map');

    await (await byRole('button', VIP_ONLY, { within: list })).click();
    await waitGone('region', 'Coverage map: All trainings');
    await browser.waitUntil(async () => (await (await byRole('textbox', 'Title')).getValue()) === VIP_ONLY, {
      timeoutMsg: 'the editor did not open the training chosen in the map',
    });
    expect(await browser.execute((b) => document.activeElement === b, button)).toBe(true);
  });
});
