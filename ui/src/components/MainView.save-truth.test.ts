// Issue 10, part 4 in the main view: a separate draft made instead of a draft that would take a
// live training out of use opens in the editor with a notice saying the live one stays in use;
// what open.cx did differently from an unpublish is said in the notice; History shows the
// differences kept with a version.
import { screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { Review } from '../lib/bindings/Review';
import type { TrainingDraft } from '../lib/bindings/TrainingDraft';
import { jobsThatFinish, type Handler } from '../test/backend';
import { TRAININGS, training } from '../test/fixtures';
import { renderMainView } from '../test/main-view';

const REFUND = TRAININGS.find((t) => t.id === 't-refund') ?? training();

const OUT_OF_USE_REVIEW: Review = {
  changes: [],
  content_diff: [],
  rendered: { first_html: '<p>x</p>', more_markdown: [] },
  publish: false,
  lead: 'Saving a draft takes “Refund policy” out of use until it is published.',
  out_of_use: 'certain',
};

function setup(handlers: Record<string, Handler> = {}) {
  return renderMainView({ review_changes: () => OUT_OF_USE_REVIEW, ...handlers }, { announcer: true });
}

const list = () => screen.getByRole('listbox', { name: 'Trainings' });
const option = (title: string) => within(list()).getByRole('option', { name: new RegExp(`^${title.replace(/[()]/g, '\\$&')}`) });

async function findNotice(fragment: string): Promise<HTMLElement> {
  return waitFor(() => {
    const found = screen.getAllByRole('status').find((el) => el.textContent?.includes(fragment));
    if (!found) throw new Error(`No notice with "${fragment}"`);
    return found;
  });
}

describe('MainView: Save draft tells the truth', () => {
  it('opens the separate draft and says the live one stays in use as it was', async () => {
    const { backend, user } = setup({
      save_as_separate_draft: (args) => {
        const draft = args.draft as TrainingDraft;
        return {
          training: training({
            id: 't-copy',
            title: `${draft.title} (draft copy)`,
            content: draft.content,
            directory_id: draft.directory_id,
            is_draft: true,
            current_version: null,
          }),
          differences: [],
        };
      },
    });
    await user.click(await screen.findByRole('option', { name: /^Refund policy/ }));
    const title = await screen.findByRole('textbox', { name: 'Title' });
    await user.type(title, ' (new)');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    const dialog = await screen.findByRole('dialog', { name: 'Review changes' });
    await user.click(within(dialog).getByRole('button', { name: 'Keep the live one, save as a separate draft' }));

    await findNotice('Saved your text as a new draft, “Refund policy (new) (draft copy)”. “Refund policy” stays in use as it was.');
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Title' })).toHaveValue('Refund policy (new) (draft copy)'));
    expect(option('Refund policy (new) (draft copy)')).toHaveAttribute('aria-selected', 'true');
    // The live one is still listed beside it.
    expect(within(list()).getAllByRole('option', { name: /^Refund policy/ })).toHaveLength(2);
    expect(backend.callsTo('save_as_separate_draft')).toEqual([{ id: REFUND.id, draft: expect.objectContaining({ title: 'Refund policy (new)' }) }]);
    expect(backend.callsTo('save_training')).toEqual([]);
  });

  it('says in the notice what open.cx did differently from an unpublish', async () => {
    const said = 'open.cx kept this training in use: the AI agent still uses it.';
    const { user } = setup({
      start_job: jobsThatFinish(() => ({ updated: [REFUND], differences: [{ id: REFUND.id, differences: [said] }] })),
    });
    await user.click(await screen.findByRole('option', { name: /^Refund policy/ }));
    await user.click(await screen.findByRole('button', { name: 'Take out of use' }));
    const notice = await findNotice(said);
    expect(notice).not.toHaveTextContent('is no longer in use');
  });

  it('History shows what open.cx did differently with the version it was kept with', async () => {
    const said = 'open.cx took this training out of use: the AI agent does not use it until it is published.';
    const { user } = setup({
      history_list: () => [
        { version: 2, saved_at: '2025-03-01T10:00:42Z', publish: false, title: 'Refund policy', content_chars: 10, open_cx_version: 1, differences: [said] },
        { version: 1, saved_at: '2025-03-01T10:00:07Z', publish: false, title: 'Refund policy', content_chars: 9, open_cx_version: 1, differences: [] },
      ],
      history_compare: () => ({ ...OUT_OF_USE_REVIEW, out_of_use: null, lead: '' }),
    });
    await user.click(await screen.findByRole('option', { name: /^Refund policy/ }));
    await user.click(await screen.findByRole('button', { name: 'History' }));
    const dialog = await screen.findByRole('dialog', { name: 'History of “Refund policy”' });
    const versions = within(within(dialog).getByRole('list', { name: 'Versions' })).getAllByRole('button');
    // Two saves in the same minute read apart by their seconds.
    expect(versions[0]).toHaveTextContent(/10:00:42.*open\.cx version 1.*open\.cx did something else/);
    expect(versions[1]).toHaveTextContent(/10:00:07/);
    expect(versions[1]).not.toHaveTextContent('did something else');
    await user.click(versions[0] as HTMLElement);
    const compare = within(dialog).getByRole('region', { name: 'Compared with the editor' });
    expect(within(compare).getByRole('listitem')).toHaveTextContent(said);
  });
});
