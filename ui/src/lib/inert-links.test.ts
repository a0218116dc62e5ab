import { afterEach, describe, expect, it, vi } from 'vitest';
import { inertLinks, isOpenableLink } from './inert-links';

const click = (el: Element | null | undefined, init: MouseEventInit = {}) => {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true, ...init });
  el?.dispatchEvent(event);
  return event;
};

describe('inertLinks', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('keeps a click on a preview link from navigating, and nothing else', () => {
    document.body.innerHTML = '<div id="doc"><a href="https://example.com"><strong>go</strong></a><button>b</button></div>';
    const doc = document.getElementById('doc') as HTMLElement;
    const action = inertLinks(doc);

    expect(click(doc.querySelector('strong')).defaultPrevented).toBe(true);
    expect(click(doc.querySelector('button')).defaultPrevented).toBe(false);
    const middle = new MouseEvent('auxclick', { bubbles: true, cancelable: true, button: 1 });
    doc.querySelector('a')?.dispatchEvent(middle);
    expect(middle.defaultPrevented).toBe(true);

    action.destroy();
    expect(click(doc.querySelector('a')).defaultPrevented).toBe(false);
  });

  it('hands the address as written to the preview, which asks before opening it', () => {
    document.body.innerHTML =
      '<div id="doc"><a href="https://help.example/refunds?x=1"><em>policy</em></a><a>no address</a></div>';
    const doc = document.getElementById('doc') as HTMLElement;
    const onlink = vi.fn();
    const action = inertLinks(doc, onlink);
    click(doc.querySelector('em'));
    expect(onlink).toHaveBeenCalledWith('https://help.example/refunds?x=1');
    expect(click(doc.querySelectorAll('a')[1]).defaultPrevented).toBe(true);
    expect(onlink).toHaveBeenCalledTimes(1);

    const other = vi.fn();
    action.update(other);
    click(doc.querySelector('a'));
    expect(other).toHaveBeenCalledTimes(1);
    action.destroy();
  });

  it('opens only complete web and email addresses', () => {
    for (const ok of ['https://example.com/a', 'http://example.com', 'mailto:help@example.com', ' https://x.example ']) {
      expect(isOpenableLink(ok)).toBe(true);
    }
    for (const no of ['javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', '/docs', '#top', 'example.com', 'http://', 'ftp://example.com']) {
      expect(isOpenableLink(no)).toBe(false);
    }
  });
});
