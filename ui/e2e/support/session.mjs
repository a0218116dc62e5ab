// Steps shared by the specs: signing in through the real sign-in screen, opening a training.
import { byRole, typeInto, allByRole } from './ui.mjs';
import { TOKENS } from './sim-process.mjs';

export async function signIn({ name = 'Acme — e2e', key = TOKENS.good } = {}) {
  await typeInto('textbox', 'Workspace name', name);
  await typeInto('textbox', 'API key', key);
  const baseUrl = await allByRole('textbox', 'API base URL');
  if (baseUrl.length === 0) await (await byRole('button', 'Advanced')).click();
  await typeInto('textbox', 'API base URL', process.env.E2E_SIM_URL);
  await (await byRole('button', 'Sign in')).click();
}

/** Lands in the main view: resumes the saved session or signs in with the good key. */
export async function ensureSignedIn() {
  await browser.waitUntil(async () =>
    (await allByRole('navigation', 'Directories')).length > 0 || (await allByRole('button', 'Sign in')).length > 0,
  { timeout: 20_000, timeoutMsg: 'neither the main view nor the sign-in screen appeared' });
  if ((await allByRole('button', 'Sign in')).length > 0) await signIn();
  await byRole('listbox', 'Trainings');
}

/** Selects the training with this title in the list and waits for the editor to show it. */
export async function openTraining(title) {
  await (await byRole('button', 'All trainings')).click();
  const option = await byRole('option', title, { exact: false });
  await option.click();
  await browser.waitUntil(async () => (await (await byRole('textbox', 'Title')).getValue()) === title, {
    timeoutMsg: `the editor did not open "${title}"`,
  });
}
