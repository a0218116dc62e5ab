// The editor's "Example questions" section and the review's part, found by role and name the
// way a person finds them: a closed section that opens, each question's check and last result
// said in words, adding a "does not use" question with its training chosen from a list, editing,
// removing and running checks; and the review saying what an edit changes, a failing check
// shown plainly with the save still offered.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { CheckResult } from '../lib/bindings/CheckResult';
import type { ExampleBook } from '../lib/bindings/ExampleBook';
import type { ExampleQuestion } from '../lib/bindings/ExampleQuestion';
import type { Review } from '../lib/bindings/Review';
import { ExamplesStore } from '../lib/state/examples.svelte';
import { fakeBackend } from '../test/backend';
import { SEGMENTS, training } from '../test/fixtures';
import ExampleQuestions from './ExampleQuestions.svelte';
import ReviewDialog from './ReviewDialog.svelte';

const LATE = training({ id: 't-late', title: 'Late deliveries' });
const REFUND = training({ id: 't-refund', title: 'Customer asks for a refund' });
const TRAININGS = [LATE, REFUND];
const titles = { trainings: TRAININGS, titleOf: (id: string) => TRAININGS.find((t) => t.id === id)?.title ?? 'Untitled' };

const PARCEL: ExampleQuestion = {
  id: 'q-parcel',
  training_id: 't-late',
  question: 'Where is my parcel?',
  channel: 'web',
  segment_ids: [],
  check: { kind: 'uses_this_training' },
};
const MONEY: ExampleQuestion = {
  id: 'q-money',
  training_id: 't-late',
  question: 'My parcel is late, I want my money back',
  channel: 'whatsapp',
  segment_ids: ['seg-vip-0001'],
  check: { kind: 'does_not_use', training_id: 't-refund' },
};

function failed(q: ExampleQuestion, sentence: string): CheckResult {
  return {
    question_id: q.id,
    training_id: q.training_id,
    training_title: 'Late deliveries',
    question: q.question,
    passed: false,
    sentence,
    checked_at: '2026-12-05T09:00:00Z',
  };
}

function setup(book: ExampleBook) {
  let kept = book;
  const backend = fakeBackend({
    example_questions: () => kept,
    keep_example_question: (args) => {
      const q = args.question as ExampleQuestion;
      const stored = { ...q, id: q.id || 'q-new' };
      kept = { questions: [...kept.questions.filter((k) => k.id !== stored.id), stored], results: {} };
      return kept;
    },
    remove_example_question: (args) => {
      kept = { questions: kept.questions.filter((k) => k.id !== args.id), results: {} };
      return kept;
    },
    run_example_checks: () => {
      const results = kept.questions.map((q) => failed(q, '“Late deliveries” is left out: Not on Web chat.'));
      kept = { ...kept, results: Object.fromEntries(results.map((r) => [r.question_id, r])) };
      return { results, changes: [] };
    },
  });
  const examples = new ExamplesStore(titles);
  render(ExampleQuestions, { trainingId: 't-late', examples, segments: SEGMENTS });
  return { backend, user: userEvent.setup() };
}

const section = () => screen.getByRole('region', { name: /Example questions/ });

describe('the editor’s Example questions', () => {
  it('is closed until opened, then lists each question with its check and last result in words', async () => {
    const book: ExampleBook = {
      questions: [PARCEL, MONEY],
      results: { 'q-money': failed(MONEY, '“Customer asks for a refund” is the 1st likely match.') },
    };
    const { backend, user } = setup(book);
    const toggle = screen.getByRole('button', { name: 'Example questions' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('list', { name: 'Example questions of this training' })).toBeNull();
    expect(backend.callsTo('example_questions')).toEqual([]);

    await user.click(toggle);
    const list = await screen.findByRole('list', { name: 'Example questions of this training' });
    expect(screen.getByRole('button', { name: 'Example questions (2)' })).toHaveAttribute('aria-expanded', 'true');
    const [parcel, money] = within(list).getAllByRole('listitem');
    expect(parcel).toHaveTextContent('“Where is my parcel?”');
    expect(parcel).toHaveTextContent('Web chat · Any customer · Uses this training');
    expect(parcel).toHaveTextContent('Not checked yet');
    expect(money).toHaveTextContent('WhatsApp · VIP customers · Does not use “Customer asks for a refund”');
    expect(money).toHaveTextContent('Fails: “Customer asks for a refund” is the 1st likely match.');
  });

  it('adds a question that should not use another training, chosen from a list', async () => {
    const { backend, user } = setup({ questions: [], results: {} });
    await user.click(screen.getByRole('button', { name: 'Example questions' }));
    await screen.findByText('No example questions yet.');
    await user.click(within(section()).getByRole('button', { name: 'Add example question' }));
    const dialog = screen.getByRole('dialog', { name: 'Add example question' });
    await user.type(within(dialog).getByRole('textbox', { name: "Customer's question" }), 'Refund for a late parcel?');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Asked on' }), 'Email');
    await user.click(within(dialog).getByRole('checkbox', { name: 'Trial users' }));
    await user.click(within(dialog).getByRole('radio', { name: 'Does not use another training' }));
    const other = within(dialog).getByRole('combobox', { name: 'Training it should not use' });
    expect(within(other).getAllByRole('option').map((o) => o.textContent)).toEqual(['Customer asks for a refund']);
    await user.click(within(dialog).getByRole('button', { name: 'Add question' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(backend.callsTo('keep_example_question')).toEqual([
      {
        question: {
          id: '',
          training_id: 't-late',
          question: 'Refund for a late parcel?',
          channel: 'email',
          segment_ids: ['seg-trial-0002'],
          check: { kind: 'does_not_use', training_id: 't-refund' },
        },
      },
    ]);
    expect(section()).toHaveTextContent('Email · Trial users · Does not use “Customer asks for a refund”');
  });

  it('edits and removes a question, and runs the checks with the outcome said', async () => {
    const { backend, user } = setup({ questions: [PARCEL], results: {} });
    await user.click(screen.getByRole('button', { name: 'Example questions' }));
    await user.click(await screen.findByRole('button', { name: 'Edit “Where is my parcel?”' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit example question' });
    const words = within(dialog).getByRole('textbox', { name: "Customer's question" });
    expect(words).toHaveValue('Where is my parcel?');
    await user.clear(words);
    await user.type(words, 'Where is my order?');
    await user.click(within(dialog).getByRole('button', { name: 'Save question' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(backend.callsTo('keep_example_question')[0]).toMatchObject({ question: { id: 'q-parcel', question: 'Where is my order?' } });

    await user.click(within(section()).getByRole('button', { name: 'Run checks' }));
    expect(await within(section()).findByRole('status')).toHaveTextContent('1 check failed.');
    expect(section()).toHaveTextContent('Fails: “Late deliveries” is left out: Not on Web chat.');

    await user.click(within(section()).getByRole('button', { name: 'Remove “Where is my order?”' }));
    await within(section()).findByText('No example questions yet.');
    expect(backend.callsTo('remove_example_question')).toEqual([{ id: 'q-parcel' }]);
  });
});

const REVIEW: Review = { changes: [], content_diff: [], rendered: { first_html: '<p>x</p>', more_markdown: [] }, publish: false, lead: 'Saving a draft…', out_of_use: null };

describe('the review’s Example questions', () => {
  it('says what the edit changes, shows a failing check plainly, and still offers the save', async () => {
    const onconfirm = vi.fn();
    render(ReviewDialog, {
      review: REVIEW,
      busy: null,
      onconfirm,
      oncancel: vi.fn(),
      checks: {
        error: null,
        run: {
          changes: [{ question_id: 'q-parcel', passed: false, sentence: '“Where is my parcel?” no longer uses this training.' }],
          results: [
            failed(PARCEL, 'This training is left out: Not on Web chat.'),
            { ...failed(MONEY, '“Customer asks for a refund” shares no word with the question.'), passed: true },
          ],
        },
      },
    });
    const part = screen.getByRole('region', { name: 'Example questions' });
    const changes = within(part).getByRole('list', { name: 'What this edit changes' });
    expect(changes).toHaveTextContent(
      'Fails: “Where is my parcel?” no longer uses this training. This training is left out: Not on Web chat.',
    );
    const others = within(part).getByRole('list', { name: 'Other checks of this edit' });
    expect(within(others).getAllByRole('listitem')).toHaveLength(1);
    expect(others).toHaveTextContent('Passes: “My parcel is late, I want my money back”.');
    expect(part).toHaveTextContent('A failing check does not stop the save');
    const save = screen.getByRole('button', { name: 'Save draft now' });
    expect(save).toBeEnabled();
    await userEvent.setup().click(save);
    expect(onconfirm).toHaveBeenCalled();
  });

  it('says nothing without example questions, and says when they could not be checked', () => {
    const props = { review: REVIEW, busy: null, onconfirm: vi.fn(), oncancel: vi.fn() };
    const { unmount } = render(ReviewDialog, { ...props, checks: { error: null, run: { results: [], changes: [] } } });
    expect(screen.queryByRole('region', { name: 'Example questions' })).toBeNull();
    unmount();
    render(ReviewDialog, { ...props, checks: { run: null, error: 'The file could not be read.' } });
    expect(screen.getByRole('region', { name: 'Example questions' })).toHaveTextContent(
      'The example questions could not be checked: The file could not be read. The save does not depend on them.',
    );
  });
});
