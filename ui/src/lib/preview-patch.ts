// Keeps the live preview's DOM block by block. The backend answers each render as the document's
// top-level blocks in order, each keyed by a hash of its sanitized HTML, with the HTML only of the
// blocks this page does not show yet (`keys()` says which it shows). A keystroke changes one
// paragraph: only that block's HTML comes, is parsed and is put in; every other block keeps its
// nodes (a focused link or a selection in them stays as it is).
// New HTML is parsed inert (a <template>: nothing runs or loads there) and only HTML the backend
// sanitized is ever put in; nodes of blocks the new render lacks are removed. The result is the
// DOM a fresh parse of the blocks' HTML concatenated gives (the backend closes each block, and a
// block's HTML ends with pulldown-cmark's newline between blocks), except that text at the edge of
// two blocks stays two text nodes.
import type { PreviewBlock } from './bindings/PreviewBlock';

interface ShownBlock {
  key: string;
  nodes: Node[];
}

/** The blocks the preview shows, and their nodes (kept even while no element shows them). */
export class PreviewBlocks {
  private shown: ShownBlock[] = [];

  /** The keys of the blocks shown, each once: the backend sends HTML only for other blocks. */
  keys(): string[] {
    return [...new Set(this.shown.map((block) => block.key))];
  }

  /**
   * Takes a render's blocks and, when there is a `target`, makes its children their DOM: nodes
   * of blocks shown before are reused (a block shown more often than before gets a copy), new
   * blocks are parsed. Throws, changing nothing, when a block without HTML is not shown (the
   * answer was not to the keys this page showed).
   */
  apply(blocks: PreviewBlock[], target: HTMLElement | null): void {
    const unused = new Map<string, Node[][]>();
    for (const block of this.shown) {
      const occurrences = unused.get(block.key);
      if (occurrences) occurrences.push(block.nodes);
      else unused.set(block.key, [block.nodes]);
    }
    const owner = target?.ownerDocument ?? document;
    const taken = new Map<string, Node[]>();
    const next = blocks.map(({ key, html }): ShownBlock => {
      const earlier = taken.get(key);
      const nodes =
        html !== null
          ? parse(owner, html)
          : (unused.get(key)?.shift() ?? earlier?.map((node) => node.cloneNode(true)));
      if (!nodes) throw new Error(`The preview block ${key} is not shown.`);
      if (!earlier) taken.set(key, nodes);
      return { key, nodes };
    });
    this.shown = next;
    if (target) this.mount(target);
  }

  /** Makes `target`'s children the nodes of the blocks shown, moving as few as it can. */
  mount(target: HTMLElement): void {
    const nodes = this.shown.flatMap((block) => block.nodes);
    const wanted = new Set(nodes);
    for (const child of [...target.childNodes]) {
      if (!wanted.has(child)) child.remove();
    }
    let cursor = target.firstChild;
    for (const node of nodes) {
      if (node === cursor) cursor = cursor.nextSibling;
      else target.insertBefore(node, cursor);
    }
  }
}

/** The nodes of sanitized `html`, parsed inert. */
function parse(owner: Document, html: string): Node[] {
  const template = owner.createElement('template');
  template.innerHTML = html;
  return [...template.content.childNodes];
}
