import { describe, expect, it } from 'vitest';
import { scrollRatio, scrollToRatio } from './scroll-sync';

describe('scroll sync', () => {
  it('measures how far down a box is scrolled', () => {
    expect(scrollRatio({ scrollTop: 0, scrollHeight: 1000, clientHeight: 200 })).toBe(0);
    expect(scrollRatio({ scrollTop: 400, scrollHeight: 1000, clientHeight: 200 })).toBe(0.5);
    expect(scrollRatio({ scrollTop: 800, scrollHeight: 1000, clientHeight: 200 })).toBe(1);
    expect(scrollRatio({ scrollTop: 0, scrollHeight: 100, clientHeight: 200 })).toBe(0);
  });

  it('scrolls another box to the same proportion', () => {
    const preview = { scrollTop: 0, scrollHeight: 3000, clientHeight: 600 };
    scrollToRatio(preview, 0.5);
    expect(preview.scrollTop).toBe(1200);
    scrollToRatio(preview, 2);
    expect(preview.scrollTop).toBe(2400);
    const short = { scrollTop: 10, scrollHeight: 100, clientHeight: 600 };
    scrollToRatio(short, 0.7);
    expect(short.scrollTop).toBe(0);
  });
});
