// The health notes of the training being written: the backend is asked a moment after typing
// pauses (never on the typing path, and at most once per pause), and only the answer for the
// latest form is kept. A failed check keeps the notes last shown: they are advice, not a gate.
import type { HealthFinding } from '../bindings/HealthFinding';
import type { TrainingDraft } from '../bindings/TrainingDraft';
import { instructionHealth } from '../ipc';

/** How long typing must pause before the training is checked. */
export const HEALTH_DELAY_MS = 600;

export class InstructionHealthStore {
  notes = $state.raw<HealthFinding[]>([]);
  /** At least one answer came back (until then nothing is said, not even "no notes"). */
  checked = $state(false);

  /**
   * Checks `form` (the editor's form of training `id`) once typing pauses. Run inside an effect
   * that reads the form: the function it returns cancels the wait and forgets a stale answer.
   */
  follow(id: string, form: TrainingDraft): () => void {
    let stale = false;
    const timer = setTimeout(() => {
      instructionHealth(id, form)
        .then((notes) => {
          if (stale) return;
          this.notes = notes;
          this.checked = true;
        })
        .catch(() => {
          // The notes last shown stay; the next pause asks again.
        });
    }, HEALTH_DELAY_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }
}
