// The workspace check-up as the UI holds it: the whole workspace's result, kept current in the
// background (asked again a moment after the trainings change: a save, a move, a load — never
// per keystroke, since typing changes no training until it is saved), which feeds the list's
// "Needs attention" filter; and the Check-up view's own result, for the workspace or the
// directory chosen on the left, and the pair it compares side by side (asked for as saved now). A
// failed check-up keeps the last result and says so.
import type { CheckUp } from '../bindings/CheckUp';
import type { CheckUpScope } from '../bindings/CheckUpScope';
import type { Comparison } from '../bindings/Comparison';
import type { PairItem } from '../bindings/PairItem';
import type { Training } from '../bindings/Training';
import type { DirectoryFilter } from '../filter';
import { checkUp, compareTrainings, toIpcError, type IpcError } from '../ipc';

/** How long the trainings must stay unchanged before the check-up runs again. */
export const CHECKUP_DELAY_MS = 1500;

const WORKSPACE: CheckUpScope = { kind: 'workspace' };

/** The check-up scope of the directory the list shows. */
export function scopeOf(directory: DirectoryFilter): CheckUpScope {
  switch (directory.kind) {
    case 'all':
      return WORKSPACE;
    case 'none':
      return { kind: 'no_directory' };
    case 'dir':
      return { kind: 'directory', id: directory.id };
  }
}

/** The ids, to look up (never changed: a new check-up gives a new set). */
const idSet = (ids: readonly string[]): ReadonlySet<string> => new Set(ids);

const sameScope = (a: CheckUpScope, b: CheckUpScope): boolean =>
  a.kind === b.kind && (a.kind !== 'directory' || (b.kind === 'directory' && a.id === b.id));

export class CheckUpStore {
  /** The whole workspace's check-up (`null` until the first one answers). */
  workspace = $state.raw<CheckUp | null>(null);
  /** The Check-up view shows, for this scope. */
  viewScope = $state.raw<CheckUpScope | null>(null);
  /** The view's check-up, for `viewScope` (the workspace's when that is the scope). */
  #view = $state.raw<{ scope: CheckUpScope; result: CheckUp } | null>(null);
  /** A check-up for the view is running. */
  checking = $state(false);
  error = $state.raw<IpcError | null>(null);
  /** The pair the view shows side by side ("Compare"), as saved now. */
  comparison = $state.raw<Comparison | null>(null);
  /** Why the last "Compare" shows nothing, in one sentence. */
  compareProblem = $state<string | null>(null);

  /** The trainings with at least one item in the workspace's check-up. */
  readonly needsAttention = $derived<ReadonlySet<string>>(idSet(this.workspace?.needs_attention ?? []));
  readonly open = $derived(this.viewScope !== null);
  readonly result = $derived.by<CheckUp | null>(() => {
    const scope = this.viewScope;
    if (scope === null) return null;
    if (sameScope(scope, WORKSPACE)) return this.workspace;
    return this.#view !== null && sameScope(this.#view.scope, scope) ? this.#view.result : null;
  });

  #asked = 0;

  /**
   * Checks again once `trainings` have stayed the same for a moment. Run inside an effect that
   * reads the workspace's trainings: the function it returns cancels the wait.
   */
  follow(trainings: readonly Training[]): () => void {
    void trainings;
    const timer = setTimeout(() => void this.refresh(), CHECKUP_DELAY_MS);
    return () => clearTimeout(timer);
  }

  /** Opens the view for `scope` and checks it now. */
  show(scope: CheckUpScope): Promise<void> {
    this.viewScope = scope;
    return this.refresh();
  }

  close(): void {
    this.viewScope = null;
    this.error = null;
    this.closeComparison();
  }

  /** "Compare": the two of `pair` side by side. A pair changed since is checked again. */
  async compare(pair: PairItem): Promise<void> {
    const names = `“${pair.first.title || 'Untitled'}” and “${pair.second.title || 'Untitled'}”`;
    this.compareProblem = null;
    try {
      this.comparison = await compareTrainings(pair.first.id, pair.second.id);
      if (this.comparison === null) {
        this.compareProblem = `${names} have changed since the check-up and are no longer alike.`;
        void this.refresh();
      }
    } catch (raw) {
      this.compareProblem = `${names} could not be compared: ${toIpcError(raw).message}`;
    }
  }

  closeComparison(): void {
    this.comparison = null;
    this.compareProblem = null;
  }

  /** Checks the workspace (for the filter) and the view's scope when it is another. */
  async refresh(): Promise<void> {
    const asked = ++this.#asked;
    const scope = this.viewScope;
    this.checking = scope !== null;
    try {
      const [workspace, view] = await Promise.all([
        checkUp(WORKSPACE),
        scope !== null && !sameScope(scope, WORKSPACE) ? checkUp(scope) : Promise.resolve(null),
      ]);
      if (asked !== this.#asked) return;
      this.workspace = workspace;
      if (scope !== null && view !== null) this.#view = { scope, result: view };
      this.error = null;
    } catch (raw) {
      if (asked === this.#asked) this.error = toIpcError(raw);
    } finally {
      if (asked === this.#asked) this.checking = false;
    }
  }
}
