// Commands on one training at a time, sent directly (not as a job): create, publish or take out
// of use, delete. Each sends one request, puts open.cx's answer into the workspace and says what
// happened (publish and delete also show what failed, with "Try again" where repeating is safe).
import type { Training } from '../bindings/Training';
import { createTraining, deleteTraining, setPublished } from '../ipc';
import { shownTitle } from '../labels';
import type { Feedback } from './feedback.svelte';
import type { WorkspaceStore } from './workspace.svelte';

export class TrainingCommands {
  #workspace: WorkspaceStore;
  #feedback: Feedback;

  constructor(workspace: WorkspaceStore, feedback: Feedback) {
    this.#workspace = workspace;
    this.#feedback = feedback;
  }

  /** Publishes one training (`published`), or takes it out of use. */
  async publishOne(id: string, published: boolean): Promise<void> {
    const feedback = this.#feedback;
    feedback.error = null;
    try {
      const { training: answer, differences } = await setPublished(id, published, this.#workspace.seenOne(id));
      this.#workspace.putTraining(answer);
      const title = shownTitle(answer) || 'Untitled';
      const done =
        differences.length === 0
          ? published
            ? `Published “${title}”.`
            : `“${title}” is no longer in use.`
          : `Sent to open.cx: “${title}”.`;
      feedback.tell([done, ...differences].join(' '));
    } catch (raw) {
      feedback.fail(raw, () => void this.publishOne(id, published));
    }
  }

  /** Deletes one training from open.cx. */
  async deleteOne(id: string): Promise<void> {
    const title = this.#workspace.titleOf(id);
    try {
      await deleteTraining(id, this.#workspace.seenOne(id));
      this.#workspace.removeTraining(id);
      this.#feedback.tell(`Deleted “${title}”.`);
    } catch (raw) {
      this.#feedback.fail(raw);
    }
  }

  /** A new, empty draft in directory `directoryId` (`null` = none), added to the workspace. */
  async create(directoryId: string | null): Promise<Training> {
    const created = await createTraining(directoryId);
    this.#workspace.addTraining(created);
    return created;
  }
}
