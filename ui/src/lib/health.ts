// How the radar's health findings read on screen: the word for each severity and where in the
// training a finding points ("Content, line 3"). The positions come from Rust in UTF-16 units,
// as a JavaScript string counts them, so they index the form's text directly.
import type { Place } from './bindings/Place';
import type { Severity } from './bindings/Severity';
import { FIELD_LABELS } from './bindings/vocabulary';

export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = {
  problem: 'Problem',
  warning: 'Warning',
  suggestion: 'Suggestion',
};

/** The longest quote shown of the text a finding points at. */
const QUOTE_CHARS = 60;

/** Where a finding is: "Title" or "Content, line 3". */
export function whereText(place: Place): string {
  return place.field === 'content' ? `${FIELD_LABELS.content}, line ${place.line}` : FIELD_LABELS[place.field];
}

/** The text a finding points at, shortened for a one-line quote. */
export function quoted(place: Place): string {
  const text = place.text.replace(/\s+/g, ' ').trim();
  return text.length > QUOTE_CHARS ? `${text.slice(0, QUOTE_CHARS - 1)}…` : text;
}

/** True while `text` (the field as it is now) still holds the finding's text at its place. */
export function stillAt(place: Place, text: string): boolean {
  return text.slice(place.start, place.end) === place.text;
}
