// The workspace as files, from the app: "Export…" writes the workspace to a folder chosen in the
// system's real file chooser (the folder it opens in: see support/file-chooser.mjs); one file is edited by hand, and another is edited too while a
// colleague changes its training on open.cx. "Import…" then reviews the one change and lists the
// other as changed on both sides; "Compare and choose…" opens the conflict view with the version
// as exported as the common base, "Keep mine" brings the file's version into the import, and
// the import job puts both on the server. Importing the same folder again finds nothing to do.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expectNoAxeViolations } from '../support/axe.mjs';
import { chooseTheFolderItOpensIn, chosenFolder } from '../support/file-chooser.mjs';
import { keepScreenshot } from '../support/screenshot.mjs';
import { ensureSignedIn } from '../support/session.mjs';
import { api } from '../support/sim-api.mjs';
import { allByRole, byRole, waitForText, waitGone } from '../support/ui.mjs';

// Trainings no other spec touches (specs share one simulator).
const EDITED = 'Access to beta features';
const BOTH = 'Adding team members to an Enterprise account';
const MINE = '\nBeta access is free during the trial.\n';
const THEIRS = '\n\nA colleague added this on open.cx.';

const shownContent = (t) => t.draft_content ?? t.content;

/** Every training file under `folder`, hidden folders aside. */
function trainingFiles(folder) {
  return readdirSync(folder, { recursive: true })
    .filter((name) => name.endsWith('.md') && !name.split(path.sep).some((part) => part.startsWith('.')))
    .map((name) => path.join(folder, name));
}

/** The file whose front matter names `title`. */
function fileOf(folder, title) {
  const line = `title = ${JSON.stringify(title)}`;
  const found = trainingFiles(folder).find((file) => readFileSync(file, 'utf8').split('\n').includes(line));
  if (!found) throw new Error(`no file in ${folder} has the title “${title}”`);
  return found;
}

async function workspaceMenu(item) {
  await (await byRole('button', 'Workspace options')).click();
  await (await byRole('menuitem', item)).click();
}

describe('The workspace as files, from the app', () => {
  let folder;
  let edited;
  let both;

  before(async () => {
    await ensureSignedIn();
    folder = chosenFolder();
    expect(readdirSync(folder)).toEqual([]);
    edited = await api.findByTitle(EDITED);
    both = await api.findByTitle(BOTH);
  });

  it('exports the workspace to the folder chosen in the system’s chooser', async () => {
    const count = (await api.listAllTrainings()).length;
    await workspaceMenu('Export…');
    await chooseTheFolderItOpensIn();
    await waitForText('status', `Exported ${count} trainings to “${folder}”`, { timeout: 60_000 });
    expect(trainingFiles(folder).length).toBe(count);
    expect(readFileSync(path.join(folder, 'workspace.toml'), 'utf8')).toContain('workspace_id');
  });

  it('reviews a file’s change and opens the conflict view for one changed on both sides', async () => {
    const editedFile = fileOf(folder, EDITED);
    writeFileSync(editedFile, readFileSync(editedFile, 'utf8') + MINE);
    const bothFile = fileOf(folder, BOTH);
    writeFileSync(bothFile, readFileSync(bothFile, 'utf8') + MINE);
    const now = await api.getTraining(both.id);
    await api.updateTraining(both.id, {
      title: now.draft_title ?? now.title,
      content: shownContent(now) + THEIRS,
      type: now.type,
      directory_id: now.directory_id,
      restricted_to_channels: now.restricted_to_channels,
      restricted_to_segments: now.restricted_to_segments,
    });

    await workspaceMenu('Import…');
    await chooseTheFolderItOpensIn();
    const review = await byRole('dialog', 'Import from a folder');
    const changes = await byRole('list', 'Changes', { within: review });
    expect(await changes.getText()).toContain(`Update: ${EDITED}`);
    const conflicts = await byRole('list', 'Changed on open.cx since the export', { within: review });
    expect(await conflicts.getText()).toContain(BOTH);
    await expectNoAxeViolations('the import review with a conflict', { selector: '[role="dialog"]' });
    await keepScreenshot('import-review-with-conflict');

    await (await byRole('button', `Compare and choose: ${BOTH}`, { within: review })).click();
    const conflict = await byRole('dialog', 'Someone else changed this training');
    await byRole('columnheader', 'When exported', { within: conflict });
    expect(await (await byRole('list', 'Their content changes', { within: conflict })).getText()).toContain(
      'A colleague added this on open.cx.',
    );
    expect(await (await byRole('list', 'Your content changes', { within: conflict })).getText()).toContain(
      'Beta access is free during the trial.',
    );
    await keepScreenshot('import-conflict-view');
    await (await byRole('button', 'Keep mine', { within: conflict })).click();
    await waitGone('dialog', 'Someone else changed this training');
    const after = await byRole('dialog', 'Import from a folder');
    expect(await (await byRole('list', 'Changes', { within: after })).getText()).toContain(`Update: ${BOTH}`);
    expect((await allByRole('list', 'Changed on open.cx since the export', { within: after })).length).toBe(0);
  });

  it('imports both as one job, and a second import of the folder finds nothing to do', async () => {
    await (await byRole('button', 'Import 2 trainings')).click();
    await waitForText('status', 'Imported 2 trainings from the folder', { timeout: 120_000 });
    expect(shownContent(await api.getTraining(edited.id))).toBe(shownContent(edited) + MINE);
    const kept = shownContent(await api.getTraining(both.id));
    expect(kept).toBe(shownContent(both) + MINE);
    expect(kept).not.toContain('A colleague added this');

    await workspaceMenu('Import…');
    await chooseTheFolderItOpensIn();
    const again = await byRole('dialog', 'Import from a folder');
    await waitForText('dialog', 'Nothing in');
    await (await byRole('button', 'Cancel', { within: again })).click();
    await waitGone('dialog', 'Import from a folder');
  });
});
