// The coverage map: whether it is shown, the map of the sidebar's directory (asked for again
// when the directory or the workspace's trainings change; an answer for an older choice is
// dropped), and the cell chosen with its trainings.
import { flushSync } from 'svelte';
import type { CellTrainings } from '../bindings/CellTrainings';
import type { CheckUpScope } from '../bindings/CheckUpScope';
import type { CoverageMap } from '../bindings/CoverageMap';
import { IpcError, coverageCell, coverageMap, toIpcError } from '../ipc';

/** A cell of the map, by its row and column. */
export interface CellPlace {
  row: number;
  column: number;
}

export class CoverageStore {
  isOpen = $state(false);
  map = $state.raw<CoverageMap | null>(null);
  error = $state.raw<IpcError | null>(null);
  /** The cell chosen, and its trainings once they came. */
  chosen = $state.raw<CellPlace | null>(null);
  cell = $state.raw<CellTrainings | null>(null);
  cellError = $state.raw<IpcError | null>(null);
  /** The scope of the map shown (or asked for). */
  #scope: CheckUpScope = { kind: 'workspace' };
  /** Bumped by each request: an answer to an older one is dropped. */
  #asked = 0;
  #opener: HTMLElement | null = null;

  open(opener: HTMLElement | null): void {
    this.#opener = opener;
    this.isOpen = true;
  }

  /** Closes the map; focus goes back to the button that opened it. */
  close(): void {
    this.isOpen = false;
    this.map = null;
    this.chosen = null;
    this.cell = null;
    const opener = this.#opener;
    this.#opener = null;
    // The button was out of sight under the map: show it before it takes focus.
    flushSync();
    if (opener?.isConnected) opener.focus();
  }

  /** Shows the map of `scope` (the cell chosen in another scope is let go). */
  async load(scope: CheckUpScope): Promise<void> {
    const same = JSON.stringify(scope) === JSON.stringify(this.#scope);
    this.#scope = scope;
    const asked = ++this.#asked;
    if (!same) {
      this.chosen = null;
      this.cell = null;
    }
    try {
      const map = await coverageMap(scope);
      if (asked !== this.#asked) return;
      this.map = map;
      this.error = null;
      if (this.chosen) void this.choose(this.chosen);
    } catch (raw) {
      if (asked === this.#asked) this.error = toIpcError(raw);
    }
  }

  /** Chooses a cell and lists its trainings. */
  async choose(place: CellPlace): Promise<void> {
    const map = this.map;
    const row = map?.rows[place.row];
    const column = map?.columns[place.column];
    if (!row || !column) return;
    const previous = this.chosen;
    if (previous?.row !== place.row || previous.column !== place.column) this.cell = null;
    this.chosen = place;
    this.cellError = null;
    const scope = this.#scope;
    const asked = this.#asked;
    try {
      const cell = await coverageCell(scope, row.channel, column.segment_id);
      if (asked === this.#asked && this.chosen === place) this.cell = cell;
    } catch (raw) {
      if (asked === this.#asked && this.chosen === place) this.cellError = toIpcError(raw);
    }
  }
}
