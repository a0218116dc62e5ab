import { afterEach, describe, expect, it } from 'vitest';
import { inertLinks } from './inert-links';

describe('inertLinks', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('keeps a click on a preview link from navigating, and nothing else', () => {
    document.body.innerHTML = '<div id="doc"><a href="https://example.com"><strong>go</strong></a><button>b</button></div>';
    const doc = document.getElementById('doc') as HTMLElement;
    const action = inertLinks(doc);

    const onLink = new MouseEvent('click', { bubbles: true, cancelable: true });
    doc.querySelector('strong')?.dispatchEvent(onLink);
    expect(onLink.defaultPrevented).toBe(true);

    const onButton = new MouseEvent('click', { bubbles: true, cancelable: true });
    doc.querySelector('button')?.dispatchEvent(onButton);
    expect(onButton.defaultPrevented).toBe(false);

    action.destroy();
    const after = new MouseEvent('click', { bubbles: true, cancelable: true });
    doc.querySelector('a')?.dispatchEvent(after);
    expect(after.defaultPrevented).toBe(false);
  });
});
