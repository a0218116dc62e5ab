import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deferred, fakeBackend, ipcFailure } from '../../test/backend';
import { reachAnswer, training } from '../../test/fixtures';
import type { Reach } from '../bindings/Reach';
import type { TrainingDraft } from '../bindings/TrainingDraft';
import { draftFromTraining } from '../form';
import { REACH_DELAY_MS, ReachStore, type EditSource } from './reach.svelte';

const NOW = new Date(2026, 11, 5, 9, 30);

/** A store whose `follow` runs in an effect, as the panel runs it. */
function setup(answer: () => unknown = () => reachAnswer()) {
  const backend = fakeBackend({ what_will_the_ai_see: answer });
  const reach = new ReachStore(() => NOW);
  const stop = $effect.root(() => {
    $effect(() => reach.follow());
  });
  return { backend, reach, stop };
}

/** An editor's draft as the panel sees it. */
function editor(changed: boolean): EditSource {
  const form = $state<TrainingDraft>(draftFromTraining(training({ id: 't-refund' })));
  return {
    saved: { id: 't-refund' },
    form,
    get changed() {
      return changed;
    },
  };
}

describe('the "What will the AI see?" store', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('asks once the question has stayed the same for a moment, never on each keystroke', async () => {
    const { backend, reach, stop } = setup();
    flushSync();
    await vi.advanceTimersByTimeAsync(REACH_DELAY_MS);
    expect(backend.callsTo('what_will_the_ai_see')).toHaveLength(1);
    for (const message of ['W', 'Wh', 'Where is my parcel?']) {
      reach.message = message;
      flushSync();
      await vi.advanceTimersByTimeAsync(REACH_DELAY_MS - 1);
    }
    reach.channel = 'whatsapp';
    reach.segmentIds = ['seg-vip-0001'];
    flushSync();
    expect(backend.callsTo('what_will_the_ai_see')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(REACH_DELAY_MS);
    const asked = backend.callsTo('what_will_the_ai_see');
    expect(asked).toHaveLength(2);
    expect(asked[1]).toEqual({
      question: {
        message: 'Where is my parcel?',
        channel: 'whatsapp',
        segment_ids: ['seg-vip-0001'],
        at: NOW.toISOString(),
        utc_offset_minutes: -NOW.getTimezoneOffset(),
        edit: null,
      },
    });
    expect(reach.answer).toEqual(reachAnswer());
    stop();
  });

  it('asks about noon of another day', async () => {
    const { backend, reach, stop } = setup();
    expect(reach.day).toBe('2026-12-05');
    reach.day = '2026-12-24';
    flushSync();
    await vi.advanceTimersByTimeAsync(REACH_DELAY_MS);
    const [asked] = backend.callsTo('what_will_the_ai_see') as { question: { at: string } }[];
    expect(asked?.question.at).toBe(new Date(2026, 11, 24, 12).toISOString());
    stop();
  });

  it('drops an answer to a question that changed meanwhile', async () => {
    const first = deferred<Reach>();
    let calls = 0;
    const { reach, stop } = setup(() => (++calls === 1 ? first.promise : reachAnswer({ always_on_count: 7 })));
    flushSync();
    await vi.advanceTimersByTimeAsync(REACH_DELAY_MS);
    reach.message = 'refund';
    flushSync();
    await vi.advanceTimersByTimeAsync(REACH_DELAY_MS);
    first.resolve(reachAnswer({ always_on_count: 1 }));
    await vi.advanceTimersByTimeAsync(0);
    expect(reach.answer?.always_on_count).toBe(7);
    stop();
  });

  it('sends the editor’s unsaved edit while it is included, and follows the form as it changes', async () => {
    const { backend, reach, stop } = setup();
    const edited = editor(true);
    reach.open(null, edited);
    expect(reach.offersUnsaved).toBe(true);
    flushSync();
    await vi.advanceTimersByTimeAsync(REACH_DELAY_MS);
    edited.form.title = 'Refunds, rewritten';
    flushSync();
    await vi.advanceTimersByTimeAsync(REACH_DELAY_MS);
    const asked = backend.callsTo('what_will_the_ai_see') as { question: { edit: unknown } }[];
    expect(asked.at(-1)?.question.edit).toEqual({ id: 't-refund', draft: { ...edited.form } });

    reach.includeUnsaved = false;
    flushSync();
    await vi.advanceTimersByTimeAsync(REACH_DELAY_MS);
    expect(backend.callsTo('what_will_the_ai_see').at(-1)).toMatchObject({ question: { edit: null } });

    // The editor closes: its edit no longer counts, and the box is no longer offered.
    reach.includeUnsaved = true;
    reach.editorClosed(edited);
    expect(reach.offersUnsaved).toBe(false);
    expect(reach.question().edit).toBeNull();
    stop();
  });

  it('offers no unsaved changes for an editor without any', () => {
    const reach = new ReachStore(() => NOW);
    reach.open(null, editor(false));
    expect(reach.offersUnsaved).toBe(false);
    expect(reach.question().edit).toBeNull();
  });

  it('says why no answer came', async () => {
    const { reach, stop } = setup(ipcFailure('no_workspace', 'Open a workspace first.'));
    flushSync();
    await vi.advanceTimersByTimeAsync(REACH_DELAY_MS);
    expect(reach.error?.kind).toBe('no_workspace');
    expect(reach.asking).toBe(false);
    stop();
  });

  it('gives focus back to the button that opened it', () => {
    const button = document.createElement('button');
    document.body.append(button);
    const reach = new ReachStore(() => NOW);
    reach.open(button);
    expect(reach.isOpen).toBe(true);
    reach.close();
    expect(reach.isOpen).toBe(false);
    expect(document.activeElement).toBe(button);
    button.remove();
  });
});
