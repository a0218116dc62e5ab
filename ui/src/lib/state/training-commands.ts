// The command on one training that is not a job: "+" creates a draft and puts it into the
// workspace. Publishing, taking out of use and deleting one training are jobs of one
// (`jobs.svelte.ts`), as they are for several.
import type { Training } from '../bindings/Training';
import { createTraining } from '../ipc';
import type { WorkspaceStore } from './workspace.svelte';

export class TrainingCommands {
  #workspace: WorkspaceStore;

  constructor(workspace: WorkspaceStore) {
    this.#workspace = workspace;
  }

  /** A new, empty draft in directory `directoryId` (`null` = none), added to the workspace. */
  async create(directoryId: string | null): Promise<Training> {
    const created = await createTraining(directoryId);
    this.#workspace.addTraining(created);
    return created;
  }
}
