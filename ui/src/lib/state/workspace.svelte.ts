// The open workspace as the UI holds it: its trainings, directories and segments, whether they
// are open.cx's answer or the copy kept on this computer (offline), and how the last load went.
// The one place that changes the workspace data: a save, a move, a job's progress, a created or
// deleted training or directory each go through a method here; everything else reads.
import { tick } from 'svelte';
import type { CachedWorkspace } from '../bindings/CachedWorkspace';
import type { DirectoryEntry } from '../bindings/DirectoryEntry';
import type { MoveItem } from '../bindings/MoveItem';
import type { Training } from '../bindings/Training';
import type { TrainingsArrived } from '../bindings/TrainingsArrived';
import { NO_DIRECTORY } from '../bindings/vocabulary';
import type { WorkspaceData } from '../bindings/WorkspaceData';
import { isUnreachable } from '../errors';
import { countByDirectory } from '../filter';
import { IpcError, cachedWorkspace, loadWorkspace, onTrainingsArrived, toIpcError, type Seen } from '../ipc';
import { applyMove, mergeProgress, revert, type Before } from '../jobs';
import { shownTitle } from '../labels';
import { afterPaint } from '../after-paint';
import { markStartup } from '../startup-marks';
import { withLanded } from '../outbox';

export interface WorkspaceHooks {
  /** Once, when the first data shows (kept or loaded): what a crash left can be offered back. */
  onfirstdata?: () => void;
  /** After every load from open.cx. */
  onloaded?: () => void;
}

const indexById = (trainings: readonly Training[]): ReadonlyMap<string, Training> =>
  new Map(trainings.map((t) => [t.id, t]));

const distinct = <T>(values: readonly T[]): T[] => [...new Set(values)];

export class WorkspaceStore {
  #data = $state.raw<WorkspaceData | null>(null);
  #loadError = $state.raw<IpcError | null>(null);
  #loading = $state(true);
  /** When the workspace shown was fetched, while it is the copy kept on this computer. */
  #cachedAt = $state<string | null>(null);
  #hooks: WorkspaceHooks;
  #firstDataSeen = false;

  readonly trainings = $derived(this.#data?.trainings ?? []);
  readonly directories = $derived(this.#data?.directories ?? []);
  readonly segments = $derived(this.#data?.segments ?? []);
  readonly byId = $derived(indexById(this.trainings));
  /** Trainings per directory id; `null` = in no directory. */
  readonly counts = $derived(countByDirectory(this.trainings));
  /** open.cx could not be reached and the kept copy shows: the calm offline banner. */
  readonly offline = $derived(
    this.#loadError !== null && this.#cachedAt !== null && isUnreachable(this.#loadError.kind),
  );

  constructor(hooks: WorkspaceHooks = {}) {
    this.#hooks = hooks;
  }

  get data(): WorkspaceData | null {
    return this.#data;
  }
  get loadError(): IpcError | null {
    return this.#loadError;
  }
  get loading(): boolean {
    return this.#loading;
  }
  get cachedAt(): string | null {
    return this.#cachedAt;
  }
  /** A workspace shows (open.cx's answer or the kept copy). */
  get hasData(): boolean {
    return this.#data !== null;
  }
  /** False when the server has no directory routes: directories come from the trainings. */
  get directoriesSupported(): boolean {
    return this.#data?.directories_supported ?? true;
  }

  // ---- loading ------------------------------------------------------------------------------

  /** The workspace as kept on this computer, shown before open.cx answers (no request made);
   *  resolves once it is on screen, so the load's work comes after the first paint. `kept`: the
   *  backend's answer when it was asked already (at the page's start, lib/early-start.ts). */
  async showCached(kept: Promise<CachedWorkspace | null> = cachedWorkspace()): Promise<void> {
    try {
      const cached = await kept;
      markStartup('kept-copy-answered');
      if (!cached || this.#data !== null) return;
      this.#data = cached.data;
      this.#cachedAt = cached.fetched_at;
      this.#firstData();
      await tick();
      markStartup('kept-copy-rendered');
      await afterPaint();
      markStartup('kept-copy-painted');
    } catch {
      // Nothing kept (or unreadable): the load from open.cx answers instead.
    }
  }

  /**
   * Loads the workspace from open.cx. With nothing shown yet (no kept copy), the list shows the
   * first page of trainings as soon as it arrives and fills as the rest do; the directories and
   * segments come with the load's answer, after the list.
   */
  async load(): Promise<void> {
    this.#loading = true;
    let filling = this.#data === null;
    const stopFilling = filling
      ? await onTrainingsArrived((page) => filling && this.#arrived(page)).catch(() => null)
      : null;
    try {
      this.#data = await loadWorkspace();
      this.#cachedAt = null;
      this.#loadError = null;
      markStartup('loaded');
      this.#firstData();
      this.#hooks.onloaded?.();
    } catch (raw) {
      this.#loadError = toIpcError(raw);
    } finally {
      filling = false;
      stopFilling?.();
      this.#loading = false;
    }
  }

  /** A page of the load's trainings: the list grows by it. */
  #arrived(page: TrainingsArrived) {
    this.#data = {
      trainings: [...(this.#data?.trainings ?? []), ...page.trainings],
      directories: this.#data?.directories ?? [],
      directories_supported: this.#data?.directories_supported ?? true,
      segments: this.#data?.segments ?? [],
    };
    markStartup('first-page-shown');
    this.#firstData();
  }

  #firstData() {
    if (this.#firstDataSeen) return;
    this.#firstDataSeen = true;
    this.#hooks.onfirstdata?.();
  }

  // ---- reading ------------------------------------------------------------------------------

  /** Training id → the version this view shows, so a job never overwrites a newer one. */
  seenOf(ids: readonly string[]): Seen {
    const seen: Seen = {};
    for (const id of ids) {
      const t = this.byId.get(id);
      if (t) seen[id] = t.updated_at;
    }
    return seen;
  }

  /** The version of one training this view shows (`null`: not known). */
  seenOne(id: string): string | null {
    return this.byId.get(id)?.updated_at ?? null;
  }

  /** A directory's name (`null` = "No directory"). */
  dirName(id: string | null): string {
    return id === null ? NO_DIRECTORY : (this.directories.find((d) => d.id === id)?.name ?? 'an unknown directory');
  }

  titleOf(id: string): string {
    const t = this.byId.get(id);
    return t ? shownTitle(t) || 'Untitled' : 'Untitled';
  }

  /** The directory the trainings share now, if they do. */
  sharedDirectory(ids: readonly string[]): string | null | undefined {
    const dirs = distinct(ids.map((id) => this.byId.get(id)?.directory_id ?? null));
    return dirs.length === 1 ? dirs[0] : undefined;
  }

  /** Channels or segments every training of the directory shares (so a dialog starts there). */
  sharedByDirectory(dirId: string, pick: (t: Training) => string[]): string[] {
    const inDir = this.trainings.filter((t) => t.directory_id === dirId);
    const first = inDir[0];
    if (!first) return [];
    const key = (list: string[]) => [...list].sort().join('\n');
    return inDir.every((t) => key(pick(t)) === key(pick(first))) ? [...pick(first)] : [];
  }

  // ---- changing (the only writers of the data) ----------------------------------------------

  #setTrainings(next: Training[]) {
    if (this.#data) this.#data = { ...this.#data, trainings: next };
  }

  /** open.cx's newer copy of one training (a save, a publish, their version after a conflict). */
  putTraining(training: Training): void {
    this.#setTrainings(this.trainings.map((t) => (t.id === training.id ? training : t)));
  }

  /** A training created here (a new one, or an edit kept as a separate draft). */
  addTraining(training: Training): void {
    this.#setTrainings([...this.trainings, training]);
  }

  removeTraining(id: string): void {
    this.#setTrainings(this.trainings.filter((t) => t.id !== id));
  }

  /** Trainings the outbox just got onto open.cx; the connection is back, so load afresh too. */
  takeLanded(landed: readonly Training[]): void {
    if (landed.length === 0) return;
    this.#setTrainings(withLanded(this.trainings, landed));
    if (this.#loadError && !this.#loading) void this.load();
  }

  /** A move shows at once, before open.cx has answered. */
  showMoved(items: readonly MoveItem[]): void {
    this.#setTrainings(applyMove(this.trainings, items));
  }

  /** Puts `ids` back in the directory each was in before a move. */
  moveBack(before: Before, ids: Iterable<string>): void {
    this.#setTrainings(revert(this.trainings, before, ids));
  }

  /** A job's news: the server's fresh copies in place, deleted trainings gone. */
  mergeJobNews(updated: readonly Training[], deleted: readonly string[]): void {
    this.#setTrainings(mergeProgress(this.trainings, updated, deleted));
  }

  addDirectory(dir: DirectoryEntry): void {
    if (this.#data) this.#data = { ...this.#data, directories: [...this.#data.directories, dir] };
  }

  putDirectory(dir: DirectoryEntry): void {
    if (this.#data) {
      this.#data = { ...this.#data, directories: this.#data.directories.map((d) => (d.id === dir.id ? dir : d)) };
    }
  }

  /** A deleted directory: its trainings are in no directory now. */
  removeDirectory(id: string): void {
    if (!this.#data) return;
    this.#data = {
      ...this.#data,
      directories: this.#data.directories.filter((d) => d.id !== id),
      trainings: this.#data.trainings.map((t) => (t.directory_id === id ? { ...t, directory_id: null } : t)),
    };
  }
}
