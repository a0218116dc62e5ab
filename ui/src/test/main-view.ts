// Renders the main view the way App does, on the fake backend and the fixtures' workspace, for the
// tests of its parts: one place for its props, so a new prop is added once.
import { render } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import Announcer from '../components/Announcer.svelte';
import MainView from '../components/MainView.svelte';
// The main view fetches its editor as a chunk of its own once the list shows; loaded here first,
// the editor opens as soon as a training is chosen, as it does in the app once the list shows.
import '../components/Editor.svelte';
import { fakeBackend, type Handler } from './backend';
import { OTHER_WORKSPACE, WORKSPACE, workspaceData } from './fixtures';

export interface MainViewOptions {
  /** Also render the live-region announcer (for tests of what is announced). */
  announcer?: boolean;
  /** The user event clock follows vitest's fake timers. */
  fakeTimers?: boolean;
}

/** The main view on a backend that loads the fixtures' workspace; `handlers` add or replace commands. */
export function renderMainView(handlers: Record<string, Handler> = {}, options: MainViewOptions = {}) {
  const backend = fakeBackend({ load_workspace: () => workspaceData(), search_trainings: () => [], ...handlers });
  const props = {
    workspace: WORKSPACE,
    workspaces: [WORKSPACE, OTHER_WORKSPACE],
    confirmLeave: vi.fn(async () => true),
    onswitchworkspace: vi.fn(),
    onaddworkspace: vi.fn(),
    onsignout: vi.fn(),
    onreauth: vi.fn(async () => true),
  };
  const view = render(MainView, props);
  if (options.announcer) render(Announcer);
  const user = options.fakeTimers
    ? userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) })
    : userEvent.setup();
  return { backend, props, user, view };
}
