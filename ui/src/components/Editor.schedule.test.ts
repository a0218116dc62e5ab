// The editor's schedule: "Active from … until …" on this computer's clock (the tests run it in
// Europe/Berlin), kept as UTC, each bound cleared by its own button, an end before the start
// refused next to the inputs, and the "Starts …"/"Ended" badge in the header.
import { fireEvent, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Review } from '../lib/bindings/Review';
import type { Training } from '../lib/bindings/Training';
import type { TrainingDraft } from '../lib/bindings/TrainingDraft';
import { fakeBackend } from '../test/backend';
import { DIRECTORIES, SEGMENTS, training } from '../test/fixtures';
import { useTimeZone } from '../test/time-zone';
import Editor from './Editor.svelte';

const REVIEW: Review = {
  changes: [
    {
      field: 'window',
      label: 'Schedule',
      before: 'No start or end',
      after: 'Active from 24 Dec 2026, 10:00, no end',
    },
  ],
  content_diff: [],
  rendered: { first_html: '', more_markdown: [] },
  publish: false,
  lead: 'Saving a draft keeps it in open.cx without changing what the AI agent uses.',
  out_of_use: null,
};

beforeAll(() => useTimeZone('Europe/Berlin'));
afterAll(() => vi.unstubAllEnvs());

function setup(t: Training = training()) {
  const backend = fakeBackend({ review_changes: (args) => ({ ...REVIEW, publish: args.publish }) });
  render(Editor, { training: t, directories: DIRECTORIES, segments: SEGMENTS, onsaved: vi.fn(), onreauth: vi.fn(async () => true) });
  return { backend, user: userEvent.setup() };
}

const startInput = () => screen.getByLabelText('Active from');
const endInput = () => screen.getByLabelText('Active until');
const unsaved = () => screen.queryByRole('status', { name: 'Unsaved changes' });

describe('Editor schedule', () => {
  it('edits the start on this computer’s clock and sends it as UTC', async () => {
    const { backend, user } = setup();
    expect(screen.getByRole('group', { name: 'Schedule' })).toHaveAccessibleDescription(
      /Times in Europe\/Berlin \(this computer’s time zone\)/,
    );
    expect(startInput()).toHaveValue('');
    expect(screen.getByRole('button', { name: 'Clear the start' })).toBeDisabled();

    await fireEvent.input(startInput(), { target: { value: '2026-12-24T10:00' } });
    expect(unsaved()).toBeInTheDocument();
    expect(startInput()).toHaveValue('2026-12-24T10:00');

    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    const draft = backend.callsTo('review_changes')[0]?.draft as TrainingDraft;
    expect([draft.start_time, draft.end_time]).toEqual(['2026-12-24T09:00:00.000Z', null]);
    // The review says the change in words.
    expect(await screen.findByText('Active from 24 Dec 2026, 10:00, no end')).toBeInTheDocument();
  });

  it('clears each bound with its own button', async () => {
    const { user } = setup(training({ start_time: '2026-12-24T09:00:00Z', end_time: '2027-01-01T00:00:00Z' }));
    expect(startInput()).toHaveValue('2026-12-24T10:00');
    expect(endInput()).toHaveValue('2027-01-01T01:00');
    expect(screen.queryByText('No end')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Clear the end' }));
    expect(endInput()).toHaveValue('');
    // The empty input says so instead of showing the webview's sample date.
    expect(screen.getByText('No end')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Clear the end' })).toBeDisabled();
    expect(unsaved()).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear the start' }));
    expect(startInput()).toHaveValue('');
  });

  it('refuses an end that is not after the start, next to the inputs, and sends nothing', async () => {
    const { backend, user } = setup(training({ start_time: '2026-12-24T09:00:00Z' }));
    await fireEvent.input(endInput(), { target: { value: '2026-12-24T09:30' } });
    await user.click(screen.getByRole('button', { name: 'Publish' }));
    expect(endInput()).toHaveAttribute('aria-invalid', 'true');
    expect(endInput()).toHaveAccessibleDescription(/The end must come after the start/);
    expect(endInput()).toHaveFocus();
    expect(backend.callsTo('review_changes')).toEqual([]);
    // Moving the end past the start lifts it.
    await fireEvent.input(endInput(), { target: { value: '2026-12-24T11:00' } });
    expect(endInput()).not.toHaveAttribute('aria-invalid');
  });

  it('says in the header when a training starts, or that it ended', () => {
    setup(training({ start_time: '2099-12-24T09:00:00Z' }));
    expect(screen.getByText('Starts 24 Dec 2099')).toBeInTheDocument();
  });

  it('says "Ended" in the header once the end has passed', () => {
    setup(training({ end_time: '2020-01-01T00:00:00Z' }));
    expect(screen.getByText('Ended')).toBeInTheDocument();
  });
});
