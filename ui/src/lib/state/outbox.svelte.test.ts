import { describe, expect, it } from 'vitest';
import { fakeBackend } from '../../test/backend';
import { TRAININGS, workspaceData } from '../../test/fixtures';
import type { OutboxEntry } from '../bindings/OutboxEntry';
import type { OutboxView } from '../bindings/OutboxView';
import type { RecoveredEdit } from '../bindings/RecoveredEdit';
import { draftFromTraining } from '../form';
import { Feedback } from './feedback.svelte';
import { OutboxStore } from './outbox.svelte';
import { RecoveryStore } from './recovery.svelte';
import { WorkspaceStore } from './workspace.svelte';
import type { Training } from '../bindings/Training';

const REFUND = TRAININGS[0] as Training;

const draft = { ...draftFromTraining(REFUND), title: 'Refunds, offline' };
const SAVE: OutboxEntry = {
  id: 'o-1',
  training_id: 't-refund',
  title: 'Refund policy',
  action: { kind: 'save', draft, publish: false, base: REFUND },
  state: 'waiting',
  queued_at: '2026-12-05T08:00:00Z',
  message: null,
};
const view = (entries: OutboxEntry[], landed = [] as OutboxView['landed']): OutboxView => ({
  entries,
  waiting: entries.length,
  landed,
});
const edit = (trainingId: string): RecoveredEdit => ({
  training_id: trainingId,
  title: 'Refunds, offline',
  written_at: '2026-12-05T08:00:00Z',
  base_updated_at: null,
  draft,
});

async function setup(handlers: Parameters<typeof fakeBackend>[0] = {}) {
  const backend = fakeBackend({ load_workspace: () => workspaceData(), ...handlers });
  const workspace = new WorkspaceStore();
  await workspace.load();
  const feedback = new Feedback();
  const recovery = new RecoveryStore(workspace, feedback);
  const outbox = new OutboxStore(workspace, recovery);
  return { backend, workspace, feedback, recovery, outbox };
}

describe('the outbox and recovery stores', () => {
  it('follow the outbox events, and put what landed into the workspace', async () => {
    const { backend, workspace, outbox } = await setup();
    const unlisten = await outbox.listen();
    await backend.emit('outbox-changed', view([SAVE]));
    expect(outbox.pending).toBe(1);
    expect(outbox.waitingDraftOf('t-refund')).toEqual(draft);
    expect(outbox.savesOf('t-refund')).toBe('waiting');

    await backend.emit('outbox-changed', view([], [{ ...REFUND, draft_title: 'Refunds, offline' }]));
    expect(outbox.pending).toBe(0);
    expect(workspace.titleOf('t-refund')).toBe('Refunds, offline');
    unlisten();
  });

  it('a discarded save comes back as a recovered edit; other recovered edits stay', async () => {
    const { outbox, recovery } = await setup({
      outbox_discard: () => view([]),
      journal_list: () => [edit('t-refund'), edit('t-tone')],
    });
    recovery.edits = [edit('t-tone')];
    await outbox.discard(SAVE);
    expect(recovery.edits.map((e) => e.training_id)).toEqual(['t-refund', 't-tone']);
    expect(outbox.error).toBeNull();
  });

  it('offers back only edits of trainings the workspace still has, and opens one as the draft to restore', async () => {
    const { recovery } = await setup({ journal_list: () => [edit('t-refund'), edit('t-gone')] });
    await recovery.check();
    expect(recovery.edits.map((e) => e.training_id)).toEqual(['t-refund']);
    const [offered] = recovery.edits;
    if (!offered) throw new Error('nothing offered back');
    recovery.open(offered, true);
    expect(recovery.edits).toEqual([]);
    expect(recovery.draftFor('t-refund')).toEqual({ id: 't-refund', draft, review: true });
    expect(recovery.draftFor('t-tone')).toBeNull();
  });

  it('shows a journal it cannot read as a failure to retry', async () => {
    const { recovery, feedback } = await setup({ journal_list: () => Promise.reject({ kind: 'io', message: 'Unreadable.' }) });
    await recovery.check();
    expect(feedback.error?.error.message).toBe('Unreadable.');
    expect(feedback.error?.retry).toBeTypeOf('function');
  });
});
