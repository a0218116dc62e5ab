// The workspace menu: "Workspace details…" says in words how this workspace's server treats
// drafts, and "Check drafts again" learns it anew; a check that could not finish says why and
// that every change takes the safest path meanwhile.
import { screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { DraftRules } from '../lib/bindings/DraftRules';
import { type Handler } from '../test/backend';
import { WORKSPACE } from '../test/fixtures';
import { renderMainView } from '../test/main-view';

const LITERAL: DraftRules = {
  draft_save: 'takes_out_of_use',
  omitted_is_draft: 'keeps_state',
  omitted_fields: 'kept',
  checked_at: '2026-12-05T02:00:00Z',
  problem: null,
};

const FAILED: DraftRules = {
  draft_save: 'unknown',
  omitted_is_draft: 'unknown',
  omitted_fields: 'unknown',
  checked_at: '2026-12-05T02:05:00Z',
  problem:
    'Training Studio could not check how this workspace treats drafts: This API key is not allowed to do that (403). Use a key with the training:write scope.',
};

function setup(handlers: Record<string, Handler> = {}) {
  return renderMainView(handlers);
}

async function chooseFromWorkspaceMenu(user: ReturnType<typeof userEvent.setup>, item: string) {
  await user.click(await screen.findByRole('button', { name: 'Workspace options' }));
  await user.click(within(screen.getByRole('menu', { name: 'Workspace options' })).getByRole('menuitem', { name: item }));
}

describe('the workspace details', () => {
  it('say how drafts work on this workspace', async () => {
    const { backend, user } = setup({ draft_rules: () => LITERAL });
    await chooseFromWorkspaceMenu(user, 'Workspace details…');
    const dialog = await screen.findByRole('dialog', { name: 'Workspace details' });
    await within(dialog).findByText(
      'On this workspace, saving a draft takes the training out of use until it is published: the AI agent stops using it.',
    );
    expect(within(dialog).getByText('Moving a training or changing where it applies changes nothing else.')).toBeTruthy();
    expect(within(dialog).getByText(WORKSPACE.base_url)).toBeTruthy();
    expect(backend.callsTo('check_draft_rules')).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog', { name: 'Workspace details' })).toBeNull();
  });

  it('check again from the menu and show what was learned', async () => {
    const { backend, user } = setup({ draft_rules: () => FAILED, check_draft_rules: () => LITERAL });
    // A failed check shows in the sidebar until a check succeeds.
    await screen.findByText(/could not be checked, so every change takes the safest path/);
    await chooseFromWorkspaceMenu(user, 'Check drafts again');
    const dialog = await screen.findByRole('dialog', { name: 'Workspace details' });
    await within(dialog).findByText(/saving a draft takes the training out of use/);
    expect(backend.callsTo('check_draft_rules')).toHaveLength(1);
    await waitFor(() => expect(screen.queryByText(/could not be checked/)).toBeNull());
  });

  it('say why a check could not finish and what happens meanwhile', async () => {
    const { user } = setup({ draft_rules: () => LITERAL, check_draft_rules: () => FAILED });
    await chooseFromWorkspaceMenu(user, 'Workspace details…');
    const dialog = await screen.findByRole('dialog', { name: 'Workspace details' });
    await user.click(within(dialog).getByRole('button', { name: 'Check again' }));
    await within(dialog).findByText(/training:write scope\. Until a check succeeds, every change takes the safest path/);
    expect(within(dialog).getByText(/not known yet whether a saved draft waits/)).toBeTruthy();
  });
});
