// Reaching into the CodeMirror editor from a test, the way typing would change it.
import { EditorSelection } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { screen } from '@testing-library/svelte';

/** The content editor, found by its accessible name. */
export function contentView(): EditorView {
  const content = screen.getByRole('textbox', { name: 'Content' });
  const view = EditorView.findFromDOM(content);
  if (!view) throw new Error('No CodeMirror view around the Content textbox');
  return view;
}

/** Replaces the whole content as if the person typed it. */
export function setContent(text: string): void {
  const view = contentView();
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, userEvent: 'input.type' });
}

/** Selects `from..to` in the content. */
export function selectContent(from: number, to: number): void {
  const view = contentView();
  view.dispatch({ selection: EditorSelection.single(from, to) });
}
