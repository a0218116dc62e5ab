// The open workspace's example questions, as the editor's "Example questions" section and the
// main view's checks show them: the questions (kept on this computer only), the last result of
// each check, adding, changing and removing one, "Run checks" over the whole workspace (results
// failing first), and export to and import from a JSON file. Outcomes are said through
// `Feedback` for the workspace-wide actions and through `error` for the section.
import { announce } from '../announcer.svelte';
import type { CheckResult } from '../bindings/CheckResult';
import type { CheckRun } from '../bindings/CheckRun';
import type { ExampleBook } from '../bindings/ExampleBook';
import type { ExampleQuestion } from '../bindings/ExampleQuestion';
import type { Training } from '../bindings/Training';
import {
  IpcError,
  exampleQuestions,
  exportExampleQuestions,
  importExampleQuestions,
  keepExampleQuestion,
  removeExampleQuestion,
  runExampleChecks,
  toIpcError,
} from '../ipc';
import { shownTitle } from '../labels';

const EMPTY: ExampleBook = { questions: [], results: {} };

export type ExamplesBusy = 'load' | 'keep' | 'remove' | 'run' | 'export' | 'import' | null;

/** "1 check of 3 failed.", "All 3 checks passed." */
export function runSummary(run: CheckRun): string {
  const failed = run.results.filter((r) => !r.passed).length;
  const total = run.results.length;
  if (total === 0) return 'No example questions to check yet.';
  if (total === 1) return failed === 0 ? '1 check passed.' : '1 check failed.';
  if (failed === 0) return `All ${total} checks passed.`;
  return `${failed === 1 ? '1 check' : `${failed} checks`} of ${total} failed.`;
}

/** The trainings a question can name, as the workspace's data holds them. */
export interface TrainingTitles {
  readonly trainings: readonly Training[];
  titleOf(id: string): string;
}

export class ExamplesStore {
  book = $state.raw<ExampleBook>(EMPTY);
  busy = $state<ExamplesBusy>(null);
  error = $state.raw<IpcError | null>(null);
  #titles: TrainingTitles;
  #loaded: Promise<void> | null = null;

  constructor(titles: TrainingTitles) {
    this.#titles = titles;
  }

  titleOf(id: string): string {
    return this.#titles.titleOf(id);
  }

  /** The trainings a "does not use" check can name for a question of `trainingId`, by title. */
  otherTrainings(trainingId: string): { id: string; title: string }[] {
    return this.#titles.trainings
      .filter((t) => t.id !== trainingId)
      .map((t) => ({ id: t.id, title: shownTitle(t) || 'Untitled' }))
      .sort((a, b) => a.title.localeCompare(b.title));
  }

  /** The questions of one training, in the order they were added. */
  questionsOf(trainingId: string): ExampleQuestion[] {
    return this.book.questions.filter((q) => q.training_id === trainingId);
  }

  /** The last result of a question's check; none before its first run (or after it changed). */
  resultOf(questionId: string): CheckResult | null {
    return this.book.results[questionId] ?? null;
  }

  /** Reads the questions once (again after `reload`). */
  load(): Promise<void> {
    this.#loaded ??= this.#whileBusy('load', async () => {
      this.book = await exampleQuestions();
    });
    return this.#loaded;
  }

  reload(): Promise<void> {
    this.#loaded = null;
    return this.load();
  }

  /** Keeps a new or changed question; true when it was kept (otherwise `error` says why). */
  async keep(question: ExampleQuestion): Promise<boolean> {
    let kept = false;
    await this.#whileBusy('keep', async () => {
      this.book = await keepExampleQuestion(question);
      kept = true;
      announce(question.id === '' ? 'Example question added.' : 'Example question changed.');
    });
    return kept;
  }

  async remove(question: ExampleQuestion): Promise<void> {
    await this.#whileBusy('remove', async () => {
      this.book = await removeExampleQuestion(question.id);
      announce(`Removed the example question “${question.question}”.`);
    });
  }

  /** Runs every check of the workspace; the results are kept and shown. */
  async runAll(): Promise<CheckRun | null> {
    let run: CheckRun | null = null;
    await this.#whileBusy('run', async () => {
      run = await runExampleChecks(null);
      this.book = await exampleQuestions();
      announce(runSummary(run));
    });
    return run;
  }

  /** Writes the questions to a file the person chooses; the sentence to tell, or null. */
  async exportFile(): Promise<string | null> {
    let said: string | null = null;
    await this.#whileBusy('export', async () => {
      said = await exportExampleQuestions();
    });
    return said;
  }

  /** Merges a file the person chooses; the sentence to tell, or null (cancelled or refused). */
  async importFile(): Promise<string | null> {
    let said: string | null = null;
    await this.#whileBusy('import', async () => {
      const summary = await importExampleQuestions();
      if (summary) {
        this.book = summary.book;
        said = summary.sentence;
      }
    });
    return said;
  }

  async #whileBusy(busy: ExamplesBusy, work: () => Promise<void>): Promise<void> {
    this.busy = busy;
    this.error = null;
    try {
      await work();
    } catch (raw) {
      this.error = toIpcError(raw);
      if (busy === 'load') this.#loaded = null;
    } finally {
      this.busy = null;
    }
  }
}
