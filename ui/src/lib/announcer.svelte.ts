// One polite live region for the whole app: saves and other outcomes are read out from here.

export const announcement = $state({ text: '', id: 0 });

/** Says `text` to screen-reader users (repeating the same text is announced again). */
export function announce(text: string): void {
  announcement.id += 1;
  announcement.text = text;
}
