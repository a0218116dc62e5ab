import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeBackend, ipcFailure } from '../test/backend';
import { WORKSPACE } from '../test/fixtures';
import SignIn from './SignIn.svelte';

describe('SignIn', () => {
  it('says what is missing next to each field and sends nothing', async () => {
    const backend = fakeBackend();
    const onsignedin = vi.fn();
    render(SignIn, { onsignedin });
    const user = userEvent.setup();

    expect(screen.getByRole('heading', { name: 'Training Studio' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(screen.getByRole('textbox', { name: 'Workspace name' })).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('textbox', { name: 'Workspace name' })).toHaveAccessibleDescription(/Give this workspace a name/);
    expect(screen.getByLabelText('API key')).toHaveAccessibleDescription(/Paste the API key/);
    expect(screen.getByRole('textbox', { name: 'Workspace name' })).toHaveFocus();
    expect(backend.calls).toEqual([]);
    expect(onsignedin).not.toHaveBeenCalled();
  });

  it('hides the API address under "Advanced" and checks it', async () => {
    const backend = fakeBackend();
    render(SignIn, { onsignedin: vi.fn() });
    const user = userEvent.setup();

    const advanced = screen.getByRole('button', { name: 'Advanced' });
    expect(advanced).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('textbox', { name: 'API base URL' })).not.toBeInTheDocument();
    await user.click(advanced);
    const url = screen.getByRole('textbox', { name: 'API base URL' });
    expect(url).toHaveValue('https://api.open.cx');

    await user.type(screen.getByRole('textbox', { name: 'Workspace name' }), 'Support');
    await user.type(screen.getByLabelText('API key'), 'ocx_live_abc');
    await user.clear(url);
    await user.type(url, 'not an address');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(url).toHaveAccessibleDescription(/Enter a web address/);
    expect(backend.calls).toEqual([]);
  });

  it('signs in with the trimmed values and hands over the workspace', async () => {
    const backend = fakeBackend({ sign_in: () => WORKSPACE });
    const onsignedin = vi.fn();
    render(SignIn, { onsignedin });
    const user = userEvent.setup();

    await user.type(screen.getByRole('textbox', { name: 'Workspace name' }), '  Support team ');
    await user.type(screen.getByLabelText('API key'), ' ocx_live_abc ');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(backend.callsTo('sign_in')).toEqual([
      { name: 'Support team', baseUrl: 'https://api.open.cx', apiKey: 'ocx_live_abc' },
    ]);
    expect(onsignedin).toHaveBeenCalledWith(WORKSPACE);
  });

  it('shows a rejected key in an alert and marks the key field', async () => {
    fakeBackend({
      sign_in: ipcFailure('unauthorized', 'open.cx did not accept this API key (401). Create or copy a key in open.cx under Settings → Access.'),
    });
    const onsignedin = vi.fn();
    render(SignIn, { onsignedin });
    const user = userEvent.setup();

    await user.type(screen.getByRole('textbox', { name: 'Workspace name' }), 'Support');
    await user.type(screen.getByLabelText('API key'), 'ocx_wrong');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('open.cx did not accept this API key (401).');
    expect(screen.getByLabelText('API key')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('API key')).toHaveFocus();
    expect(screen.getByLabelText('API key')).toHaveValue('ocx_wrong');
    expect(onsignedin).not.toHaveBeenCalled();
  });

  it('keeps the key field valid when the network is the problem', async () => {
    fakeBackend({ sign_in: ipcFailure('network', "Couldn't reach open.cx at api.open.cx. Check your connection; your changes are kept.") });
    render(SignIn, { onsignedin: vi.fn() });
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Workspace name' }), 'Support');
    await user.type(screen.getByLabelText('API key'), 'ocx_live_abc');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent("Couldn't reach open.cx");
    expect(screen.getByLabelText('API key')).not.toHaveAttribute('aria-invalid');
  });

  it('opens the demo workspace', async () => {
    const demo = { ...WORKSPACE, id: 'demo', name: 'Demo', is_demo: true };
    const backend = fakeBackend({ open_demo: () => demo });
    const onsignedin = vi.fn();
    render(SignIn, { onsignedin });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try the demo workspace' }));
    expect(backend.callsTo('open_demo')).toHaveLength(1);
    expect(onsignedin).toHaveBeenCalledWith(demo);
  });

  it('lets the key be shown to check a paste', async () => {
    fakeBackend();
    render(SignIn, { onsignedin: vi.fn() });
    const user = userEvent.setup();
    expect(screen.getByLabelText('API key')).toHaveAttribute('type', 'password');
    await user.click(screen.getByRole('button', { name: 'Show key' }));
    expect(screen.getByLabelText('API key')).toHaveAttribute('type', 'text');
  });
});
