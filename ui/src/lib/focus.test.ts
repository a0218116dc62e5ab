import { afterEach, describe, expect, it } from 'vitest';
import { focusableIn, isTypingIn, trapTab } from './focus';

function setup() {
  document.body.innerHTML = `
    <button id="outside">outside</button>
    <div id="box" tabindex="-1">
      <button id="first">first</button>
      <button disabled>disabled</button>
      <input id="middle" />
      <div hidden><button>hidden</button></div>
      <button id="last">last</button>
    </div>`;
  return document.getElementById('box') as HTMLElement;
}

const tab = (shiftKey = false) => new KeyboardEvent('keydown', { key: 'Tab', shiftKey, cancelable: true });

describe('focus', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('lists what Tab visits, skipping disabled and hidden elements', () => {
    expect(focusableIn(setup()).map((el) => el.id)).toEqual(['first', 'middle', 'last']);
  });

  it('wraps Tab from the last element to the first, and Shift+Tab back', () => {
    const box = setup();
    (document.getElementById('last') as HTMLElement).focus();
    const forward = tab();
    trapTab(forward, box);
    expect(forward.defaultPrevented).toBe(true);
    expect(document.activeElement?.id).toBe('first');

    const back = tab(true);
    trapTab(back, box);
    expect(document.activeElement?.id).toBe('last');
  });

  it('leaves Tab alone in the middle', () => {
    const box = setup();
    (document.getElementById('middle') as HTMLElement).focus();
    const event = tab();
    trapTab(event, box);
    expect(event.defaultPrevented).toBe(false);
  });

  it('knows when a key goes to a field being typed in', () => {
    document.body.innerHTML = `<input id="field" /><div class="cm-editor"><p id="line"></p></div><button id="b">B</button>`;
    expect(isTypingIn(document.getElementById('field'))).toBe(true);
    expect(isTypingIn(document.getElementById('line'))).toBe(true);
    expect(isTypingIn(document.getElementById('b'))).toBe(false);
    expect(isTypingIn(null)).toBe(false);
  });
});
