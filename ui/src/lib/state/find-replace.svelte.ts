// "Find and replace" as the UI holds it: what to find and its options, where to look (the
// workspace, the directory the list shows, or the selection), the matches grouped by training
// (the backend finds them in the trainings as last loaded, unpublished draft text included), what
// the editor unticked (a whole training or one match), and the review of the replace, asked for
// the trainings and matches still ticked. Applying is the job store's (a bulk job with Undo).
import type { FindIn } from '../bindings/FindIn';
import type { FindQuery } from '../bindings/FindQuery';
import type { FindResults } from '../bindings/FindResults';
import type { FindScope } from '../bindings/FindScope';
import type { ReplaceReview } from '../bindings/ReplaceReview';
import type { TrainingMatches } from '../bindings/TrainingMatches';
import type { DirectoryFilter } from '../filter';
import { findText, reviewReplace, toIpcError, type IpcError } from '../ipc';

export type ScopeChoice = 'workspace' | 'directory' | 'selection';

/** The scope of a choice, for the list's directory and the selected ids. */
export function findScope(choice: ScopeChoice, directory: DirectoryFilter, selected: readonly string[]): FindScope {
  if (choice === 'selection') return { kind: 'selection', ids: [...selected] };
  if (choice === 'directory' && directory.kind !== 'all') {
    return { kind: 'directory', directory_id: directory.kind === 'dir' ? directory.id : null };
  }
  return { kind: 'workspace' };
}

/** The ids of a training's matches that are still ticked. */
const tickedIn = (t: TrainingMatches, unticked: ReadonlySet<string>): number =>
  t.matches.filter((m) => !unticked.has(m.id)).length;

/** A set of ids, never changed: a change makes a new one. */
const idSet = (ids: Iterable<string> = []): ReadonlySet<string> => new Set(ids);

/** `set` with `id` in it (`on`) or not. */
const toggled = (set: ReadonlySet<string>, id: string, on: boolean): ReadonlySet<string> =>
  idSet(on ? [...set, id] : [...set].filter((x) => x !== id));

export class FindReplaceStore {
  find = $state('');
  replacement = $state('');
  matchCase = $state(false);
  wholeWords = $state(false);
  /** "Advanced": show the regular expression option. */
  advanced = $state(false);
  regex = $state(false);
  within = $state<FindIn>('both');
  scope = $state<ScopeChoice>('workspace');
  /** Write the new text live ("Replace and publish") instead of as drafts. */
  publish = $state(false);

  results = $state.raw<FindResults | null>(null);
  /** The query and scope the results are for (the review is asked for the same). */
  #asked: { query: FindQuery; scope: FindScope } | null = null;
  excludedTrainings = $state.raw<ReadonlySet<string>>(idSet());
  excludedMatches = $state.raw<ReadonlySet<string>>(idSet());
  review = $state.raw<ReplaceReview | null>(null);
  busy = $state(false);
  error = $state.raw<IpcError | null>(null);

  /** The trainings the replace writes: ticked, with at least one ticked match. */
  readonly chosenCount = $derived(
    (this.results?.trainings ?? []).filter(
      (t) => !this.excludedTrainings.has(t.id) && tickedIn(t, this.excludedMatches) > 0,
    ).length,
  );

  query(): FindQuery {
    return {
      find: this.find,
      replacement: this.replacement,
      match_case: this.matchCase,
      whole_words: this.wholeWords,
      regex: this.advanced && this.regex,
      within: this.within,
    };
  }

  /** Looks for the matches in `scope`; every training and match starts ticked. */
  async search(scope: FindScope): Promise<void> {
    const query = this.query();
    await this.#busy(async () => {
      const results = await findText(query, scope);
      this.#asked = { query, scope };
      this.results = results;
      this.excludedTrainings = idSet();
      this.excludedMatches = idSet();
      this.review = null;
    });
  }

  /** Ticks or unticks a whole training. */
  setTraining(id: string, included: boolean): void {
    this.excludedTrainings = toggled(this.excludedTrainings, id, !included);
  }

  /** Ticks or unticks one match. */
  setMatch(id: string, included: boolean): void {
    this.excludedMatches = toggled(this.excludedMatches, id, !included);
  }

  /** Asks for the review of the replace over what is still ticked. */
  async askReview(): Promise<void> {
    const asked = this.#asked;
    if (!asked) return;
    const publish = this.publish;
    // The replacement may have changed since the search: the review uses the one typed now.
    const query = { ...asked.query, replacement: this.replacement };
    await this.#busy(async () => {
      this.review = await reviewReplace(
        query,
        asked.scope,
        { trainings: [...this.excludedTrainings], matches: [...this.excludedMatches] },
        publish,
      );
    });
  }

  /** Back from the review to the matches. */
  backToMatches(): void {
    this.review = null;
  }

  async #busy(run: () => Promise<void>): Promise<void> {
    this.busy = true;
    this.error = null;
    try {
      await run();
    } catch (raw) {
      this.error = toIpcError(raw);
    } finally {
      this.busy = false;
    }
  }
}
