import { describe, expect, it, vi } from 'vitest';
import { deferred } from '../test/backend';
import { createPreviewScheduler } from './preview-scheduler';

/** A hand-cranked animation frame. */
function frames() {
  let queue: (() => void)[] = [];
  return {
    request: (cb: () => void) => void queue.push(cb),
    get pending() {
      return queue.length;
    },
    run() {
      const now = queue;
      queue = [];
      now.forEach((cb) => cb());
    },
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('preview scheduler', () => {
  it('renders once per frame, with the latest text', async () => {
    const frame = frames();
    const render = vi.fn(async (md: string) => `<p>${md}</p>`);
    const onResult = vi.fn();
    const s = createPreviewScheduler({ render, onResult, requestFrame: frame.request });

    s.update('a');
    s.update('ab');
    s.update('abc');
    expect(frame.pending).toBe(1);
    expect(render).not.toHaveBeenCalled();

    frame.run();
    await settle();
    expect(render).toHaveBeenCalledTimes(1);
    expect(render).toHaveBeenCalledWith('abc');
    expect(onResult).toHaveBeenLastCalledWith('<p>abc</p>');
  });

  it('keeps at most one render in flight and finishes with the newest text', async () => {
    const frame = frames();
    const first = deferred<string>();
    const render = vi.fn((md: string) => (md === 'one' ? first.promise : Promise.resolve(`<p>${md}</p>`)));
    const onResult = vi.fn();
    const s = createPreviewScheduler({ render, onResult, requestFrame: frame.request });

    s.update('one');
    frame.run();
    expect(render).toHaveBeenCalledTimes(1);

    s.update('two');
    s.update('three');
    frame.run();
    expect(render).toHaveBeenCalledTimes(1); // still waiting for "one"

    first.resolve('<p>one</p>');
    await settle();
    expect(onResult).toHaveBeenCalledWith('<p>one</p>');
    frame.run();
    await settle();
    expect(render).toHaveBeenCalledTimes(2);
    expect(render).toHaveBeenLastCalledWith('three');
    expect(onResult).toHaveBeenLastCalledWith('<p>three</p>');
    expect(render.mock.calls.map((c) => c[0])).not.toContain('two');
  });

  it('reports errors and goes on with later text', async () => {
    const frame = frames();
    const render = vi.fn((md: string) => (md === 'bad' ? Promise.reject(new Error('boom')) : Promise.resolve(md)));
    const onResult = vi.fn();
    const onError = vi.fn();
    const s = createPreviewScheduler({ render, onResult, onError, requestFrame: frame.request });
    s.update('bad');
    frame.run();
    await settle();
    expect(onError).toHaveBeenCalledTimes(1);
    s.update('good');
    frame.run();
    await settle();
    expect(onResult).toHaveBeenCalledWith('good');
  });

  it('delivers nothing after dispose', async () => {
    const frame = frames();
    const pending = deferred<string>();
    const onResult = vi.fn();
    const s = createPreviewScheduler({ render: () => pending.promise, onResult, requestFrame: frame.request });
    s.update('x');
    frame.run();
    s.dispose();
    pending.resolve('<p>x</p>');
    await settle();
    expect(onResult).not.toHaveBeenCalled();
    s.update('y');
    expect(frame.pending).toBe(0);
  });
});
