// Try it on open.cx: from "What will the AI see?", a customer's question goes to the workspace's
// live AI (the simulator's) as the workspace's test contact. The first try asks plainly whether
// to create a real conversation; the answer shows with the instructions it scanned, and one of
// them opens in the editor. With open.cx's other documented answer (only a message id), the
// answer is read back from the conversation's history. axe-core finds nothing in the question
// or the panel with the answer.
import { expectNoAxeViolations } from '../support/axe.mjs';
import { allByRole, byRole, typeInto } from '../support/ui.mjs';
import { ensureSignedIn } from '../support/session.mjs';
import { keepScreenshot } from '../support/screenshot.mjs';
import { control } from '../support/sim-api.mjs';

const QUESTION = 'Where is my order?';

async function answerRegion() {
  const region = await byRole('region', "open.cx's answer");
  await browser.waitUntil(async () => (await region.getText()).includes('Look the order up'), {
    timeout: 30_000,
    timeoutMsg: "open.cx's answer did not show",
  });
  return region;
}

describe('Try it on open.cx', () => {
  before(async () => {
    await ensureSignedIn();
    await (await byRole('button', 'What will the AI see?')).click();
    await typeInto('textbox', 'Customer message', QUESTION);
  });

  after(async () => {
    await control.setChatAnswer('in-response');
    if ((await allByRole('button', 'Close')).length > 0) await browser.keys(['Escape']);
  });

  it('asks before the first try, then shows the answer and the instructions it scanned', async () => {
    await control.clearRequests();
    await (await byRole('button', 'Try it on open.cx')).click();
    const dialog = await byRole('dialog', 'Try it on open.cx?');
    expect(await dialog.getText()).toContain("This creates a real conversation in this workspace's inbox.");
    expect((await control.requests()).filter((r) => r.path.startsWith('/chat/'))).toEqual([]);
    await keepScreenshot('try-on-opencx-consent');
    await expectNoAxeViolations('the question before the first try');
    await (await byRole('button', 'Continue', { within: dialog })).click();

    const region = await answerRegion();
    expect(await region.getText()).toContain('Instructions it scanned');
    await byRole('button', QUESTION, { within: region });
    await keepScreenshot('try-on-opencx');
    await expectNoAxeViolations("the panel with open.cx's answer");
    const opened = (await control.requests()).find((r) => r.method === 'POST' && r.path === '/chat/sessions');
    expect(opened.body.contact.name).toBe('Training Studio test');

    await (await byRole('button', QUESTION, { within: region })).click();
    await browser.waitUntil(async () => (await (await byRole('textbox', 'Title')).getValue()) === QUESTION, {
      timeoutMsg: 'the scanned training did not open in the editor',
    });
  });

  it('reads the answer back from the history when open.cx gives only a message id, without asking again', async () => {
    await control.setChatAnswer('id-only');
    await control.clearRequests();
    if ((await allByRole('textbox', 'Customer message')).length === 0) {
      await (await byRole('button', 'What will the AI see?')).click();
      await typeInto('textbox', 'Customer message', QUESTION);
    }
    await (await byRole('button', 'Try it on open.cx')).click();
    const region = await answerRegion();
    expect(await allByRole('dialog', 'Try it on open.cx?')).toEqual([]);
    expect(await region.getText()).toContain('open.cx did not say which instructions it scanned.');
    expect((await control.requests()).some((r) => r.path.endsWith('/history'))).toBe(true);
  });
});
