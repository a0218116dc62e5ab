// Commands on directories: create, rename and delete one (its trainings go to "No directory"),
// each sent directly and put into the workspace; setting channels and segments for every training
// of a directory is a bulk job.
import type { Channel } from '../bindings/Channel';
import type { DirectoryEntry } from '../bindings/DirectoryEntry';
import { NO_DIRECTORY } from '../bindings/vocabulary';
import { announce } from '../announcer.svelte';
import { createDirectory, deleteDirectory, renameDirectory } from '../ipc';
import type { Feedback } from './feedback.svelte';
import type { JobStore } from './jobs.svelte';
import type { WorkspaceStore } from './workspace.svelte';

export class DirectoryCommands {
  #workspace: WorkspaceStore;
  #feedback: Feedback;
  #jobs: JobStore;

  constructor(workspace: WorkspaceStore, feedback: Feedback, jobs: JobStore) {
    this.#workspace = workspace;
    this.#feedback = feedback;
    this.#jobs = jobs;
  }

  /** Resolves true when it worked (the failure shows otherwise). */
  async create(name: string): Promise<boolean> {
    try {
      const dir = await createDirectory(name);
      this.#workspace.addDirectory(dir);
      this.#feedback.error = null;
      announce(`Created the directory ${dir.name}.`);
      return true;
    } catch (raw) {
      this.#feedback.fail(raw);
      return false;
    }
  }

  /** Resolves true when it worked (the failure shows otherwise). */
  async rename(id: string, name: string): Promise<boolean> {
    try {
      const dir = await renameDirectory(id, name);
      this.#workspace.putDirectory(dir);
      this.#feedback.error = null;
      announce(`Renamed to ${dir.name}.`);
      return true;
    } catch (raw) {
      this.#feedback.fail(raw);
      return false;
    }
  }

  /** Resolves true when the directory is gone (the failure shows otherwise). */
  async delete(dir: DirectoryEntry): Promise<boolean> {
    try {
      await deleteDirectory(dir.id);
      this.#workspace.removeDirectory(dir.id);
      this.#feedback.tell(`Deleted the directory ${dir.name}. Its trainings are in ${NO_DIRECTORY} now.`);
      return true;
    } catch (raw) {
      this.#feedback.fail(raw);
      return false;
    }
  }

  /** Channels and segments for every training of the directory, as one job. */
  setVisibility(dir: DirectoryEntry, channels: Channel[], segments: string[]): void {
    const ids = this.#workspace.trainings.filter((t) => t.directory_id === dir.id).map((t) => t.id);
    this.#jobs.start({ kind: 'set_visibility', ids, channels, segments });
  }
}
