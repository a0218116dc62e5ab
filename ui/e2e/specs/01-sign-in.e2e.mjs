// Signing in with the real keychain: a wrong key is refused with a sentence that says what to do,
// a good key opens the workspace, and a restart lands straight in it.
import { byRole, waitForText } from '../support/ui.mjs';
import { signIn } from '../support/session.mjs';
import { TOKENS } from '../support/sim-process.mjs';

describe('Signing in', () => {
  it('shows the sign-in screen on the first start', async () => {
    await byRole('heading', 'Training Studio');
    await byRole('button', 'Try the demo workspace');
  });

  it('refuses a wrong key and says where to get a good one', async () => {
    await signIn({ key: TOKENS.wrong });
    await waitForText('alert', 'open.cx did not accept this API key (401)');
    await waitForText('alert', 'Settings → Access');
    await byRole('button', 'Sign in');
  });

  it('opens the workspace with a good key', async () => {
    await signIn({ name: 'Acme — e2e' });
    await byRole('navigation', 'Directories');
    await byRole('option', 'Customer asks for a refund', { exact: false });
    await byRole('button', 'Billing', { exact: false });
  });

  it('lands signed in after a restart, with the key read from the keychain', async () => {
    await browser.reloadSession();
    await byRole('navigation', 'Directories', { timeout: 30_000 });
    await byRole('option', 'Customer asks for a refund', { exact: false });
  });
});
