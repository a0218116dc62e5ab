// The editor's "Similar trainings": asks the backend which trainings are like the one being
// edited a moment after typing stops (never on the typing path), keeps the latest answer only
// (an answer to older text that arrives late is dropped), and stays quiet on failure: the list
// is advice, so an error leaves the last answer in place and says so in one line.
import type { SimilarTraining } from '../bindings/SimilarTraining';
import type { TrainingDraft } from '../bindings/TrainingDraft';
import { similarTrainings } from '../ipc';

/** How long typing must pause before the list is asked for again. */
export const SIMILAR_DELAY_MS = 600;

export const SIMILAR_FAILED_TEXT = 'Similar trainings could not be checked just now; they are checked again as you type.';

/** What one question is about: a training, and its unsaved form (`null`: as saved). */
export interface SimilarQuestion {
  id: string;
  draft: TrainingDraft | null;
}

export class SimilarStore {
  items = $state.raw<SimilarTraining[]>([]);
  /** The share of the text compared, in percent (a very long text: only its beginning). */
  comparedPercent = $state(100);
  /** An answer has come (the section says "none" only then). */
  checked = $state(false);
  failed = $state(false);

  readonly notable = $derived(this.items.filter((item) => item.notable));

  #timer: ReturnType<typeof setTimeout> | null = null;
  #asked = 0;
  #disposed = false;

  /** The text changed: ask again once typing pauses for `delay` ms (at once with 0). */
  follow(question: SimilarQuestion, delay = SIMILAR_DELAY_MS): void {
    this.#stopTimer();
    if (delay === 0) {
      void this.#ask(question);
      return;
    }
    this.#timer = setTimeout(() => void this.#ask(question), delay);
  }

  async #ask({ id, draft }: SimilarQuestion): Promise<void> {
    this.#timer = null;
    const asked = ++this.#asked;
    try {
      const answer = await similarTrainings(id, draft);
      if (this.#disposed || asked !== this.#asked) return;
      this.items = answer.trainings;
      this.comparedPercent = answer.compared_percent;
      this.checked = true;
      this.failed = false;
    } catch {
      if (this.#disposed || asked !== this.#asked) return;
      this.failed = true;
    }
  }

  #stopTimer() {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }

  /** The editor closes: nothing more is asked or taken. */
  dispose(): void {
    this.#disposed = true;
    this.#stopTimer();
  }
}
