// The simulator seen from the specs: its public API (with the test key) to read and change
// trainings as another open.cx client would, and its control routes for faults and the request log.
import { TOKENS } from './sim-process.mjs';

const base = () => process.env.E2E_SIM_URL;

async function call(method, route, { token = TOKENS.good, body } = {}) {
  const response = await fetch(`${base()}${route}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${route} answered ${response.status}: ${text}`);
  return text ? JSON.parse(text) : null;
}

export const api = {
  listTrainings: (query = 'limit=100') => call('GET', `/training?${query}`).then((page) => page.items),
  getTraining: (id) => call('GET', `/training/${id}`),
  updateTraining: (id, body) => call('PUT', `/training/${id}`, { body }),
  findByTitle: async (title) => {
    const items = await api.listTrainings(`limit=100&search=${encodeURIComponent(title)}`);
    const found = items.find((t) => (t.draft_title ?? t.title) === title);
    if (!found) throw new Error(`no training titled "${title}" in the simulator`);
    return found;
  },
};

export const control = {
  setFaults: (faults) => call('PUT', '/_sim/faults', { token: TOKENS.control, body: faults }),
  clearFaults: () => call('PUT', '/_sim/faults', { token: TOKENS.control, body: {} }),
  requests: () => call('GET', '/_sim/requests', { token: TOKENS.control }),
  clearRequests: () => call('DELETE', '/_sim/requests', { token: TOKENS.control }),
};
