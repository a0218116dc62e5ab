// The workspace menu's example questions: "Run example question checks" lists every check,
// failing first, and opens a check's training; export and import say what they did, and a
// refused import says why.
import { screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../lib/bindings/CheckResult';
import { ipcFailure } from '../test/backend';
import { renderMainView } from '../test/main-view';

function result(id: string, trainingId: string, title: string, passed: boolean, sentence: string): CheckResult {
  return {
    question_id: id,
    training_id: trainingId,
    training_title: title,
    question: `Question ${id}`,
    passed,
    sentence,
    checked_at: '2026-12-05T09:00:00Z',
  };
}

async function chooseFromWorkspaceMenu(user: ReturnType<typeof userEvent.setup>, item: string) {
  await user.click(await screen.findByRole('button', { name: 'Workspace options' }));
  await user.click(within(screen.getByRole('menu', { name: 'Workspace options' })).getByRole('menuitem', { name: item }));
}

describe('the workspace’s example questions', () => {
  it('runs every check and lists the results failing first; a result opens its training', async () => {
    const { backend, user } = renderMainView({
      run_example_checks: () => ({
        results: [
          result('q-1', 't-refund', 'Refund policy', false, '“Refund policy” is left out: Not on Web chat.'),
          result('q-2', 't-shipping', 'Shipping times', true, '“Shipping times” is the 1st likely match.'),
        ],
        changes: [],
      }),
    });
    await screen.findByRole('listbox', { name: 'Trainings' });
    await chooseFromWorkspaceMenu(user, 'Run example question checks');
    const dialog = await screen.findByRole('dialog', { name: 'Example question checks' });
    expect(backend.callsTo('run_example_checks')).toEqual([{ edit: null }]);
    expect(dialog).toHaveTextContent('1 check of 2 failed.');
    const [first, second] = within(within(dialog).getByRole('list', { name: 'Check results' })).getAllByRole('listitem');
    expect(first).toHaveTextContent('Fails: “Refund policy” is left out: Not on Web chat.');
    expect(second).toHaveTextContent('Passes: “Shipping times” is the 1st likely match.');

    await user.click(within(dialog).getByRole('button', { name: 'Open “Refund policy”' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    const editor = await screen.findByRole('region', { name: 'Editor' });
    expect(within(editor).getByRole('textbox', { name: 'Title' })).toHaveValue('Refund policy');
    expect(within(editor).getByRole('button', { name: 'Example questions' })).toBeInTheDocument();
  });

  it('says what an export and an import did, and why an import was refused', async () => {
    const { backend, user } = renderMainView({
      export_example_questions: () => 'Exported 2 example questions to “example-questions.json”.',
      import_example_questions: ipcFailure('invalid_input', 'Nothing was imported: the file is not JSON.'),
    });
    await screen.findByRole('listbox', { name: 'Trainings' });
    await chooseFromWorkspaceMenu(user, 'Export example questions…');
    expect(await screen.findByText('Exported 2 example questions to “example-questions.json”.')).toBeInTheDocument();

    await chooseFromWorkspaceMenu(user, 'Import example questions…');
    expect(await screen.findByText('Nothing was imported: the file is not JSON.')).toBeInTheDocument();
    backend.on('import_example_questions', () => ({
      added: 1,
      updated: 0,
      unchanged: 0,
      without_training: 0,
      sentence: 'Imported 1 example question: 1 new, 0 updated, 0 unchanged.',
      book: { questions: [], results: {} },
    }));
    await chooseFromWorkspaceMenu(user, 'Import example questions…');
    expect(await screen.findByText('Imported 1 example question: 1 new, 0 updated, 0 unchanged.')).toBeInTheDocument();
  });
});
