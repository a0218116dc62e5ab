// What the trainings list shows and which trainings are selected: the directory chosen on the
// left, the search (local at every keystroke, merged with open.cx's matches once typing pauses),
// the Type and State filters and "Needs attention" (the trainings the check-up lists), and the selection — of which the editor opens the one training
// when exactly one is selected. Trainings that are gone drop out of the selection by themselves.
import type { Training } from '../bindings/Training';
import { FIELD_LABELS, NO_DIRECTORY } from '../bindings/vocabulary';
import {
  SEARCH_DELAY_MS,
  filterTrainings,
  inDirectory,
  prepareSearch,
  type DirectoryFilter,
  type StateFilter,
  type TypeFilter,
} from '../filter';
import { searchTrainings } from '../ipc';
import { stage } from '../keystroke-profile';
import { EMPTY_SELECTION, editorId, keepExisting, selectOne, type Selection } from '../selection';
import type { WorkspaceStore } from './workspace.svelte';

interface ServerMatches {
  query: string;
  ids: ReadonlySet<string>;
}

const NO_MATCHES: ServerMatches = { query: '', ids: new Set() };
const matches = (query: string, ids: string[]): ServerMatches => ({ query, ids: new Set(ids) });

export class BrowseStore {
  directory = $state<DirectoryFilter>({ kind: 'all' });
  query = $state('');
  typeFilter = $state<TypeFilter>('all');
  stateFilter = $state<StateFilter>('all');
  /** "Needs attention" is ticked: only the trainings the workspace's check-up lists. */
  needsAttention = $state(false);
  selection = $state.raw<Selection>(EMPTY_SELECTION);
  /** The server's matches, for the query they answer. */
  #server = $state.raw<ServerMatches>(NO_MATCHES);
  /** open.cx is being asked for matches. */
  searching = $state(false);
  #workspace: WorkspaceStore;
  #attention: () => ReadonlySet<string>;

  /** The trainings the list shows, filtered and sorted (a stage of the search benchmark's profile). */
  readonly items = $derived.by(() =>
    stage('search: filter', () =>
      filterTrainings(
        this.#workspace.trainings,
        {
          query: this.query,
          type: this.typeFilter,
          state: this.stateFilter,
          directory: this.directory,
          needsAttention: this.needsAttention ? this.#attention() : null,
        },
        this.#server.query === this.query.trim() ? this.#server.ids : NO_MATCHES.ids,
      ),
    ),
  );
  readonly visibleIds = $derived(this.items.map((t) => t.id));
  /** How many trainings the chosen directory holds before search and filters. */
  readonly inScope = $derived.by(
    () => this.#workspace.trainings.filter((t) => inDirectory(t, this.directory)).length,
  );
  /** The selection without trainings that are gone (deleted by a job or elsewhere). */
  readonly chosen = $derived(keepExisting(this.selection, (id) => this.#workspace.byId.has(id)));
  /** The training the editor shows, when exactly one is selected. */
  readonly selectedId = $derived(editorId(this.chosen));
  readonly selected = $derived.by<Training | null>(() =>
    this.selectedId === null ? null : (this.#workspace.byId.get(this.selectedId) ?? null),
  );
  readonly heading = $derived.by(() => {
    const directory = this.directory;
    if (directory.kind === 'all') return 'All trainings';
    if (directory.kind === 'none') return NO_DIRECTORY;
    return this.#workspace.directories.find((d) => d.id === directory.id)?.name ?? FIELD_LABELS.directory;
  });
  readonly emptyText = $derived(
    this.directory.kind === 'all'
      ? 'This workspace has no trainings yet. Trainings created in open.cx show up here.'
      : 'No trainings in this directory. Choose “All trainings” on the left to see everything.',
  );

  /** `attention`: the trainings the workspace's check-up lists (none by default). */
  constructor(workspace: WorkspaceStore, attention: () => ReadonlySet<string> = () => NO_MATCHES.ids) {
    this.#workspace = workspace;
    this.#attention = attention;
  }

  /**
   * Readies the local search for the workspace's trainings before anyone types. Run inside an
   * effect: it follows the trainings, and the function it returns stops it for a replaced list.
   */
  prepareSearch(): () => void {
    return prepareSearch(this.#workspace.trainings);
  }

  /**
   * Asks open.cx too, once typing pauses; its matches count only for the query they answer.
   * Not while the workspace loads: the list's pages take the rate budget, and the local search
   * answers over what has arrived. Run inside an effect: it follows `query` and the load, and
   * the function it returns forgets a stale answer.
   */
  searchServer(): (() => void) | undefined {
    const q = this.query.trim();
    if (q === '' || this.#workspace.loading) {
      this.searching = false;
      return;
    }
    this.searching = true;
    let stale = false;
    const timer = setTimeout(() => {
      searchTrainings(q)
        .then((ids) => {
          if (!stale) this.#server = matches(q, ids);
        })
        .catch(() => {
          // The local search still answers; the server's extra matches are a bonus.
        })
        .finally(() => {
          if (!stale) this.searching = false;
        });
    }, SEARCH_DELAY_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }

  /** Shows one training selected, with no search or filter hiding it (`directory`: where to look). */
  reveal(id: string, directory?: DirectoryFilter): void {
    this.query = '';
    this.typeFilter = 'all';
    this.stateFilter = 'all';
    this.needsAttention = false;
    if (directory) this.directory = directory;
    this.selection = selectOne(id);
  }

  /** The directory that was shown is gone: show the trainings that were in it. */
  directoryGone(id: string): void {
    if (this.directory.kind === 'dir' && this.directory.id === id) this.directory = { kind: 'none' };
  }
}
