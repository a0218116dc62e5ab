// Puts a new render of the preview into its element, changing only the elements that differ
// (morphdom): a keystroke changes one paragraph, so the page re-lays out that paragraph instead
// of parsing, building and laying out the whole document again.
// The HTML comes sanitized from the backend, and the result is exactly the DOM a fresh parse of
// it gives: the new HTML is parsed inert (a <template>: nothing runs or loads there), every
// element kept is one equal to the new one or takes the new one's attributes and children, and
// whatever the new render lacks is removed. Nothing the sanitizer removed can come back.
import morphdom from 'morphdom';

/** Makes `target`'s children the DOM of `html`, touching only what differs from what it shows. */
export function patchHtml(target: HTMLElement, html: string): void {
  const template = target.ownerDocument.createElement('template');
  template.innerHTML = html;
  const next = target.ownerDocument.createElement('div');
  next.append(template.content);
  morphdom(target, next, {
    childrenOnly: true,
    // Matched by position, never by `id`: a render is one document, not a list of keyed items.
    getNodeKey: () => undefined,
    // An element equal to its new version (attributes and whole subtree) is left as it is.
    onBeforeElUpdated: (from, to) => !from.isEqualNode(to),
  });
}
