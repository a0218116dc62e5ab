// Hostile markdown renders inert in the real webview: nothing a training contains may run code in
// the window that can call the app's commands.
import { byRole, replaceEditorText } from '../support/ui.mjs';
import { ensureSignedIn, openTraining } from '../support/session.mjs';

const PAYLOADS = [
  '<img src=x onerror="window.__pwned = \'img\'">',
  '<script>window.__pwned = "script"</script>',
  '[click me](javascript:window.__pwned="link")',
  '<iframe src="javascript:parent.__pwned=\'iframe\'"></iframe>',
  '<svg onload="window.__pwned = \'svg\'"></svg>',
];

describe('Hostile content in the preview', () => {
  before(async () => {
    await ensureSignedIn();
    await openTraining('Customer asks for a refund');
  });

  it('renders every payload inert', async () => {
    await replaceEditorText('Content', `# Payloads\n\n${PAYLOADS.join('\n\n')}\n\nend of payloads`);
    const preview = await byRole('region', 'Preview');
    await browser.waitUntil(async () => (await preview.getText()).includes('end of payloads'), {
      timeoutMsg: 'the preview never showed the payload document',
    });
    await browser.pause(500);
    // The link is still there for the editor to read, but it goes nowhere.
    const link = await preview.$('a=click me');
    if (await link.isExisting()) {
      expect(await link.getAttribute('href') ?? '').not.toMatch(/^\s*javascript:/i);
      await link.click();
    }
    await browser.pause(300);
    const found = await browser.execute(() => {
      const root = document.querySelector('[aria-label="Preview"]');
      return {
        pwned: window.__pwned ?? null,
        scripts: root.querySelectorAll('script').length,
        iframes: root.querySelectorAll('iframe, object, embed, svg').length,
        handlers: [...root.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
      };
    });
    expect(found).toEqual({ pwned: null, scripts: 0, iframes: 0, handlers: 0 });
    expect(await browser.getUrl()).not.toContain('javascript');
  });
});
