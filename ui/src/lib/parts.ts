// Long content drawn in parts: the first part at once, each next part when the reader nears the
// end of what is drawn (or asks for it), so opening a long review or diff never waits for all of
// it. Plain numbers and nodes in and out: the components and their tests share these rules.

/** How many diff rows, or top-level nodes of rendered text, one part holds. */
export const PART_SIZE = 100;

/** How many of `total` items are drawn once the next part after `shown` is added. */
export function nextPartEnd(shown: number, total: number, size = PART_SIZE): number {
  return Math.min(total, Math.max(0, shown) + size);
}

/**
 * The top-level nodes of an HTML fragment, parsed without being drawn (a template's content
 * is inert: no layout, no loading, no scripts), to be moved into the page part by part.
 */
export function topLevelNodes(html: string): Node[] {
  const template = document.createElement('template');
  template.innerHTML = html;
  return [...template.content.childNodes];
}

/** What `drawnParts` keeps drawn: the first `upTo` of `nodes`, which come from `source`. */
export interface DrawnParts {
  nodes: readonly Node[];
  upTo: number;
  /** What the nodes were made from: while it stays, `nodes` only grows at its end. */
  source: unknown;
}

/**
 * Svelte action: `node` holds the first `upTo` of `nodes`, moved in a part at a time as `upTo`
 * (or `nodes`, from the same source) grows; another `source` replaces what it held.
 */
export function drawnParts(node: HTMLElement, parts: DrawnParts): { update: (next: DrawnParts) => void } {
  let drawnFrom: unknown = null;
  let drawn = 0;
  const draw = ({ nodes, upTo, source }: DrawnParts) => {
    if (drawnFrom !== source) {
      node.replaceChildren();
      drawnFrom = source;
      drawn = 0;
    }
    const end = Math.min(upTo, nodes.length);
    if (end <= drawn) return;
    node.append(...nodes.slice(drawn, end));
    drawn = end;
  };
  draw(parts);
  return { update: draw };
}
