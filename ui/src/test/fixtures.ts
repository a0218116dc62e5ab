// Test data in the shapes the backend sends.
import type { CoverageMap } from '../lib/bindings/CoverageMap';
import type { DirectoryEntry } from '../lib/bindings/DirectoryEntry';
import type { JobProgress } from '../lib/bindings/JobProgress';
import type { Reach } from '../lib/bindings/Reach';
import type { Segment } from '../lib/bindings/Segment';
import type { Training } from '../lib/bindings/Training';
import type { WorkspaceData } from '../lib/bindings/WorkspaceData';
import type { WorkspaceSummary } from '../lib/bindings/WorkspaceSummary';

export function training(overrides: Partial<Training> = {}): Training {
  return {
    id: 'a1b2c3d4-0000-4000-8000-000000000001',
    title: 'Refund policy',
    content: 'Offer a refund within **30 days**.',
    draft_title: null,
    draft_content: null,
    type: 'SCENARIO_SPECIFIC',
    is_draft: false,
    directory_id: null,
    restricted_to_channels: [],
    restricted_to_segments: [],
    current_version: 1,
    metadata: {},
    published_at: '2025-01-02T10:00:00.000Z',
    start_time: null,
    end_time: null,
    created_at: '2025-01-01T10:00:00.000Z',
    updated_at: '2025-01-02T10:00:00.000Z',
    ...overrides,
  };
}

export const DIRECTORIES: DirectoryEntry[] = [
  { id: 'dir-billing', name: 'Billing', local_name_only: false },
  { id: 'dir-tone', name: 'Tone of voice', local_name_only: false },
];

export const SEGMENTS: Segment[] = [
  { id: 'seg-vip-0001', name: 'VIP customers', description: null, definition: null, created_at: null, updated_at: null },
  { id: 'seg-trial-0002', name: 'Trial users', description: null, definition: null, created_at: null, updated_at: null },
];

export const TRAININGS: Training[] = [
  training({ id: 't-refund', title: 'Refund policy', directory_id: 'dir-billing', restricted_to_channels: ['email'] }),
  training({
    id: 't-invoice',
    title: 'Invoice questions',
    content: 'Point customers to the billing portal.',
    directory_id: 'dir-billing',
    is_draft: true,
    current_version: null,
    published_at: null,
  }),
  training({
    id: 't-tone',
    title: 'Friendly tone',
    content: 'Always be warm and brief.',
    type: 'BEHAVIORAL',
    directory_id: 'dir-tone',
    draft_content: 'Always be warm, brief and clear.',
  }),
  training({ id: 't-shipping', title: 'Shipping times', content: 'Orders ship within 2 days.' }),
];

export function workspaceData(overrides: Partial<WorkspaceData> = {}): WorkspaceData {
  return {
    trainings: TRAININGS,
    directories: DIRECTORIES,
    directories_supported: true,
    segments: SEGMENTS,
    ...overrides,
  };
}

export const WORKSPACE: WorkspaceSummary = {
  id: 'ws-1',
  name: 'Support team',
  base_url: 'https://api.open.cx',
  is_demo: false,
};

export const OTHER_WORKSPACE: WorkspaceSummary = {
  id: 'ws-2',
  name: 'Sales team',
  base_url: 'https://api.open.cx',
  is_demo: false,
};

/** A job's progress event: by default a move of one training that has finished. */
export function jobProgress(overrides: Partial<JobProgress> = {}): JobProgress {
  return {
    job_id: 'job-1',
    kind: 'move',
    total: 1,
    done: 1,
    failed: [],
    queued: [],
    updated: [],
    deleted: [],
    differences: [],
    seconds_left: null,
    state: 'finished',
    ...overrides,
  };
}

/** An answer of "What will the AI see?" for a message about a parcel on WhatsApp. */
export function reachAnswer(overrides: Partial<Reach> = {}): Reach {
  return {
    ranking_label: 'Likely matches, by the words used — open.cx’s AI decides',
    always_on: [{ id: 't-tone', title: 'Friendly tone', chars: 38 }],
    always_on_count: 1,
    always_on_chars: 38,
    always_on_budget_chars: 8000,
    always_on_warning: null,
    when_asked: [{ id: 't-shipping', title: 'Shipping times', score: 1.8, matched_words: ['parcel', 'ship'] }],
    when_asked_count: 3,
    when_asked_unmatched: 2,
    left_out: [
      {
        kind: 'not_on_channel',
        heading: 'Not on WhatsApp',
        count: 1,
        trainings: [
          {
            id: 't-refund',
            title: 'Refund policy',
            reason: { kind: 'not_on_channel', channel: 'whatsapp' },
            sentence: 'Not on WhatsApp',
          },
        ],
      },
    ],
    ...overrides,
  };
}

/** A coverage map over two channels and the fixtures' segments: WhatsApp for trial users has
 * nothing, web chat for VIP customers has too much always-on text. */
export function coverageMapAnswer(): CoverageMap {
  const cell = (trainings: number, always_on_chars = 0) => ({
    trainings,
    always_on: always_on_chars > 0 ? 1 : 0,
    always_on_chars,
    empty: trainings === 0,
    over_budget: always_on_chars > 8000,
  });
  return {
    columns: [
      { segment_id: null, label: 'All customers' },
      { segment_id: 'seg-vip-0001', label: 'VIP customers' },
      { segment_id: 'seg-trial-0002', label: 'Trial users' },
    ],
    rows: [
      { channel: 'web', label: 'Web chat', cells: [cell(2, 38), cell(3, 9100), cell(2, 38)] },
      { channel: 'whatsapp', label: 'WhatsApp', cells: [cell(1, 38), cell(1, 38), cell(0)] },
    ],
    budget_chars: 8000,
    in_scope: 4,
  };
}
