import { describe, expect, it, vi } from 'vitest';
import { deferred } from '../test/backend';
import { createPreviewScheduler } from './preview-scheduler';

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('preview scheduler', () => {
  it('sends text at once when nothing renders', async () => {
    const render = vi.fn(async (md: string) => `<p>${md}</p>`);
    const onResult = vi.fn();
    const s = createPreviewScheduler({ render, onResult });

    s.update('a');
    expect(render).toHaveBeenCalledWith('a');
    await settle();
    expect(onResult).toHaveBeenLastCalledWith('<p>a</p>');
  });

  it('keeps at most one render in flight and finishes with the newest text', async () => {
    const first = deferred<string>();
    const render = vi.fn((md: string) => (md === 'one' ? first.promise : Promise.resolve(`<p>${md}</p>`)));
    const onResult = vi.fn();
    const s = createPreviewScheduler({ render, onResult });

    s.update('one');
    s.update('two');
    s.update('three');
    expect(render).toHaveBeenCalledTimes(1); // still waiting for "one"

    first.resolve('<p>one</p>');
    await settle();
    expect(render).toHaveBeenCalledTimes(2);
    expect(render).toHaveBeenLastCalledWith('three');
    expect(onResult.mock.calls.map((c) => c[0])).toEqual(['<p>one</p>', '<p>three</p>']);
    expect(render.mock.calls.map((c) => c[0])).not.toContain('two');
  });

  it('reports errors and goes on with later text', async () => {
    const render = vi.fn((md: string) => (md === 'bad' ? Promise.reject(new Error('boom')) : Promise.resolve(md)));
    const onResult = vi.fn();
    const onError = vi.fn();
    const s = createPreviewScheduler({ render, onResult, onError });
    s.update('bad');
    await settle();
    expect(onError).toHaveBeenCalledTimes(1);
    s.update('good');
    await settle();
    expect(onResult).toHaveBeenCalledWith('good');
  });

  it('delivers nothing after dispose', async () => {
    const pending = deferred<string>();
    const render = vi.fn(() => pending.promise);
    const onResult = vi.fn();
    const s = createPreviewScheduler({ render, onResult });
    s.update('x');
    s.dispose();
    pending.resolve('<p>x</p>');
    await settle();
    expect(onResult).not.toHaveBeenCalled();
    s.update('y');
    expect(render).toHaveBeenCalledTimes(1);
  });

  it('applies a render the page does at once in the same task, and never overtakes one in flight', async () => {
    const slow = deferred<string>();
    // The first text goes to the backend (a promise); later ones render at once.
    const render = vi.fn((md: string) => (md === 'long' ? slow.promise : `<p>${md}</p>`));
    const onResult = vi.fn();
    const s = createPreviewScheduler({ render, onResult });

    s.update('long');
    s.update('short');
    expect(onResult).not.toHaveBeenCalled(); // "short" waits for the render in flight

    slow.resolve('<p>long</p>');
    await settle();
    expect(onResult.mock.calls.map((c) => c[0])).toEqual(['<p>long</p>', '<p>short</p>']);

    s.update('now');
    expect(onResult).toHaveBeenLastCalledWith('<p>now</p>'); // no await: the keystroke's own task
  });

  it('reports a render that throws at once, and goes on with later text', () => {
    const render = vi.fn((md: string) => {
      if (md === 'bad') throw new Error('boom');
      return md;
    });
    const onResult = vi.fn();
    const onError = vi.fn();
    const s = createPreviewScheduler({ render, onResult, onError });
    s.update('bad');
    expect(onError).toHaveBeenCalledTimes(1);
    s.update('good');
    expect(onResult).toHaveBeenCalledWith('good');
  });

  it('says when every text given is shown: after a render at once, and after the last one in flight', async () => {
    const slow = deferred<string>();
    const render = vi.fn((md: string) => (md === 'long' ? slow.promise : md));
    const onIdle = vi.fn();
    const s = createPreviewScheduler({ render, onResult: vi.fn(), onIdle });

    s.update('now');
    expect(onIdle).toHaveBeenCalledTimes(1);
    s.update('long');
    s.update('after');
    expect(onIdle).toHaveBeenCalledTimes(1); // "long" in flight, "after" waiting
    slow.resolve('long');
    await settle();
    expect(onIdle).toHaveBeenCalledTimes(2); // once, when "after" is shown too
  });
});
