// The list's schedule: a row says "Starts …" or "Ended", and the State filter offers "Scheduled".
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { training } from '../test/fixtures';
import ListControls from './ListControls.svelte';
import TrainingRowText from './TrainingRowText.svelte';

describe('schedule in the list', () => {
  it('shows when a row starts, that it ended, and nothing while it is active', () => {
    const { unmount } = render(TrainingRowText, { training: training({ start_time: '2099-12-24T09:00:00Z' }) });
    expect(screen.getByText('Starts 24 Dec 2099')).toBeInTheDocument();
    unmount();
    const ended = render(TrainingRowText, { training: training({ end_time: '2020-01-01T00:00:00Z' }) });
    expect(screen.getByText('Ended')).toBeInTheDocument();
    ended.unmount();
    render(TrainingRowText, { training: training({ start_time: '2020-01-01T00:00:00Z', end_time: '2099-01-01T00:00:00Z' }) });
    expect(screen.queryByText(/^Starts|^Ended/)).toBeNull();
  });

  it('offers "Scheduled" in the State filter and counts it as a filter', async () => {
    render(ListControls, {
      heading: 'All trainings',
      headingId: 'h',
      query: '',
      typeFilter: 'all',
      stateFilter: 'all',
      shown: 1,
      inScope: 4,
      searching: false,
    });
    const user = userEvent.setup();
    const filter = screen.getByRole('combobox', { name: 'State filter' });
    expect(screen.getByRole('option', { name: 'Scheduled' })).toBeInTheDocument();
    await user.selectOptions(filter, 'Scheduled');
    expect(filter).toHaveValue('scheduled');
    expect(await screen.findByText('1 training of 4')).toBeInTheDocument();
  });
});
