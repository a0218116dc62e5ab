// The simulator seen from the specs: its public API (with the test key) to read and change
// trainings as another open.cx client would, and its control routes for faults, refused channels and the request log.
// Reads use the read-only key: the simulator's rate limit counts per key, so a spec's checks do
// not spend the budget of the app under test (a bulk job can use all of it).
import { TOKENS } from './sim-process.mjs';

const base = () => process.env.E2E_SIM_URL;

async function call(method, route, { token = method === 'GET' ? TOKENS.readOnly : TOKENS.good, body, url = base() } = {}) {
  const response = await fetch(`${url}${route}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${route} answered ${response.status}: ${text}`);
  return text ? JSON.parse(text) : null;
}

export const api = {
  listTrainings: (query = 'limit=100', url = base()) => call('GET', `/training?${query}`, { url }).then((page) => page.items),
  listAllTrainings: async (url = base()) => {
    const all = [];
    for (let offset = 0; ; offset += 100) {
      const page = await call('GET', `/training?limit=100&offset=${offset}`, { url });
      all.push(...page.items);
      if (!page.has_more) return all;
    }
  },
  listDirectories: (url = base()) => call('GET', '/training/directories', { url }),
  getTraining: (id) => call('GET', `/training/${id}`),
  updateTraining: (id, body) => call('PUT', `/training/${id}`, { body }),
  createTraining: (body) => call('POST', '/training', { body }),
  deleteTraining: (id) => call('DELETE', `/training/${id}`),
  /** The training whose title as shown (its draft title, if any) is `title`. Reads every page: a
   * search matches contents too and answers newest first, so a common title's own training may
   * fall past the first page. */
  findByTitle: async (title) => {
    const all = await api.listAllTrainings();
    const found = all.find((t) => (t.draft_title ?? t.title) === title);
    if (!found) {
      const near = all.map((t) => t.draft_title ?? t.title).filter((t) => t.includes(title));
      throw new Error(`no training titled "${title}" in the simulator${near.length ? ` (only ${near.join(', ')})` : ''}`);
    }
    return found;
  },
};

export const control = {
  setFaults: (faults) => call('PUT', '/_sim/faults', { token: TOKENS.control, body: faults }),
  clearFaults: () => call('PUT', '/_sim/faults', { token: TOKENS.control, body: {} }),
  requests: (url = base()) => call('GET', '/_sim/requests', { token: TOKENS.control, url }),
  clearRequests: () => call('DELETE', '/_sim/requests', { token: TOKENS.control }),
  /** From now on, refuse these channels with open.cx's own 400, as a workspace without them would. */
  refuseChannels: (channels) => call('PUT', '/_sim/refused-channels', { token: TOKENS.control, body: { channels } }),
  /** Which of open.cx's two documented answers a chat `send` gives: 'in-response' or 'id-only'. */
  setChatAnswer: (shape) => call('PUT', '/_sim/chat-answer', { token: TOKENS.control, body: { shape } }),
};
