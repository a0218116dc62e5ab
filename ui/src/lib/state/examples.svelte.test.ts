import { describe, expect, it } from 'vitest';
import { fakeBackend, ipcFailure } from '../../test/backend';
import { training } from '../../test/fixtures';
import type { CheckResult } from '../bindings/CheckResult';
import type { CheckRun } from '../bindings/CheckRun';
import type { ExampleBook } from '../bindings/ExampleBook';
import type { ExampleQuestion } from '../bindings/ExampleQuestion';
import { ExamplesStore, runSummary } from './examples.svelte';

const LATE = training({ id: 't-late', title: 'Late deliveries' });
const REFUND = training({ id: 't-refund', title: 'Customer asks for a refund' });
const TONE = training({ id: 't-tone', title: 'Brand voice', draft_title: 'Brand voice and tone' });

const titles = {
  trainings: [LATE, REFUND, TONE],
  titleOf: (id: string) => [LATE, REFUND, TONE].find((t) => t.id === id)?.title ?? 'Untitled',
};

function question(id: string, trainingId: string, words: string): ExampleQuestion {
  return { id, training_id: trainingId, question: words, channel: 'web', segment_ids: [], check: { kind: 'uses_this_training' } };
}

function result(q: ExampleQuestion, passed: boolean): CheckResult {
  return {
    question_id: q.id,
    training_id: q.training_id,
    training_title: 'Late deliveries',
    question: q.question,
    passed,
    sentence: passed ? '“Late deliveries” is the 1st likely match.' : '“Late deliveries” is left out: Not on Web chat.',
    checked_at: '2026-12-05T09:00:00Z',
  };
}

const PARCEL = question('q-1', 't-late', 'Where is my parcel?');
const MONEY = question('q-2', 't-refund', 'I want my money back');

describe('the example questions store', () => {
  it('reads the questions once, and gives each training its own with their last results', async () => {
    const book: ExampleBook = { questions: [PARCEL, MONEY], results: { 'q-1': result(PARCEL, true) } };
    const backend = fakeBackend({ example_questions: () => book });
    const store = new ExamplesStore(titles);
    await Promise.all([store.load(), store.load()]);
    expect(backend.callsTo('example_questions')).toHaveLength(1);
    expect(store.questionsOf('t-late')).toEqual([PARCEL]);
    expect(store.resultOf('q-1')?.passed).toBe(true);
    expect(store.resultOf('q-2')).toBeNull();
    expect(store.otherTrainings('t-late')).toEqual([
      { id: 't-tone', title: 'Brand voice and tone' },
      { id: 't-refund', title: 'Customer asks for a refund' },
    ]);
  });

  it('keeps, removes and runs through the backend, and says what went wrong', async () => {
    let book: ExampleBook = { questions: [], results: {} };
    const run: CheckRun = { results: [result(PARCEL, false)], changes: [] };
    const backend = fakeBackend({
      keep_example_question: (args) => {
        const kept = { ...(args.question as ExampleQuestion), id: 'q-new' };
        book = { questions: [kept], results: {} };
        return book;
      },
      remove_example_question: () => (book = { questions: [], results: {} }),
      run_example_checks: () => {
        book = { ...book, results: { 'q-new': result(PARCEL, false) } };
        return run;
      },
      example_questions: () => book,
    });
    const store = new ExamplesStore(titles);
    expect(await store.keep({ ...PARCEL, id: '' })).toBe(true);
    expect(store.questionsOf('t-late').map((q) => q.id)).toEqual(['q-new']);

    expect(await store.runAll()).toEqual(run);
    expect(backend.callsTo('run_example_checks')).toEqual([{ edit: null }]);
    expect(store.resultOf('q-new')?.passed).toBe(false);

    await store.remove(store.questionsOf('t-late')[0] as ExampleQuestion);
    expect(backend.callsTo('remove_example_question')).toEqual([{ id: 'q-new' }]);
    expect(store.book.questions).toEqual([]);

    backend.on('keep_example_question', ipcFailure('invalid_input', 'Write the customer’s question.'));
    expect(await store.keep({ ...PARCEL, id: '', question: ' ' })).toBe(false);
    expect(store.error?.kind).toBe('invalid_input');
    expect(store.error?.message).toBe('Write the customer’s question.');
    expect(store.busy).toBeNull();
  });

  it('exports and imports through the system’s file chooser, and a cancel says nothing', async () => {
    const imported: ExampleBook = { questions: [PARCEL], results: {} };
    const backend = fakeBackend({
      export_example_questions: () => 'Exported 1 example question to “example-questions.json”.',
      import_example_questions: () => ({
        added: 1,
        updated: 0,
        unchanged: 0,
        without_training: 0,
        sentence: 'Imported 1 example question: 1 new, 0 updated, 0 unchanged.',
        book: imported,
      }),
    });
    const store = new ExamplesStore(titles);
    expect(await store.exportFile()).toBe('Exported 1 example question to “example-questions.json”.');
    expect(await store.importFile()).toBe('Imported 1 example question: 1 new, 0 updated, 0 unchanged.');
    expect(store.book).toEqual(imported);
    backend.on('import_example_questions', () => null);
    expect(await store.importFile()).toBeNull();
    expect(store.book).toEqual(imported);
    backend.on('import_example_questions', ipcFailure('invalid_input', 'Nothing was imported: the file is not JSON.'));
    expect(await store.importFile()).toBeNull();
    expect(store.error?.message).toBe('Nothing was imported: the file is not JSON.');
  });

  it('sums a run up in words', () => {
    expect(runSummary({ results: [], changes: [] })).toBe('No example questions to check yet.');
    expect(runSummary({ results: [result(PARCEL, true)], changes: [] })).toBe('1 check passed.');
    expect(runSummary({ results: [result(PARCEL, false)], changes: [] })).toBe('1 check failed.');
    expect(runSummary({ results: [result(PARCEL, false), result(MONEY, true), result(MONEY, true)], changes: [] })).toBe(
      '1 check of 3 failed.',
    );
    expect(runSummary({ results: [result(PARCEL, true), result(MONEY, true)], changes: [] })).toBe('All 2 checks passed.');
  });
});
