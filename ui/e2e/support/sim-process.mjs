// Starts an opencx-sim process for the end-to-end run (by default: demo seed, no rate limit), with
// a control token so the specs can inject faults and read the request log. Test-only tokens.
// `draftMode` ('fields' | 'literal') and `omittedFields` ('kept' | 'cleared') choose the
// simulator's reading of what open.cx leaves undocumented (see `opencx-sim --help`); left out,
// the simulator's defaults (fields, kept) apply.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';

export const TOKENS = {
  good: 'ocx_live_e2e_full_access',
  readOnly: 'ocx_live_e2e_read_only',
  wrong: 'ocx_live_e2e_not_a_key',
  control: 'e2e-control',
};

export async function startSim({ root, logFile, seed = 'demo', rateLimit = 0, draftMode, omittedFields }) {
  const bin = path.join(root, 'target/debug/opencx-sim');
  const readings = [
    ...(draftMode ? ['--draft-mode', draftMode] : []),
    ...(omittedFields ? ['--omitted-fields', omittedFields] : []),
  ];
  const child = spawn(bin, [
    '--addr', '127.0.0.1:0',
    '--seed', seed,
    '--token', TOKENS.good,
    '--token', `${TOKENS.readOnly}:training:read,segments:read`,
    '--rate-limit', String(rateLimit),
    '--control-token', TOKENS.control,
    ...readings,
  ], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stderr.pipe(createWriteStream(logFile));
  const firstLine = await new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`opencx-sim exited early with ${code}; see ${logFile}`)));
  });
  return { url: firstLine.trim(), stop: () => child.kill('SIGTERM') };
}
