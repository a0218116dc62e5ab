// The one door to the backend: the only module that calls `invoke` or `listen`.
// Every command and event of the IPC contract has a typed wrapper here, and every failure is
// normalised to an `IpcError` whose `kind` the UI switches on (never the message text).
import { invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import type { ApiWaiting } from './bindings/ApiWaiting';
import type { CachedWorkspace } from './bindings/CachedWorkspace';
import type { CellTrainings } from './bindings/CellTrainings';
import type { Channel } from './bindings/Channel';
import type { CheckRun } from './bindings/CheckRun';
import type { CheckUp } from './bindings/CheckUp';
import type { CheckUpScope } from './bindings/CheckUpScope';
import type { Comparison } from './bindings/Comparison';
import type { CloseRequested } from './bindings/CloseRequested';
import type { CoverageMap } from './bindings/CoverageMap';
import type { DirectoryEntry } from './bindings/DirectoryEntry';
import type { DraftRules } from './bindings/DraftRules';
import type { ErrorKind } from './bindings/ErrorKind';
import type { ExampleBook } from './bindings/ExampleBook';
import type { ExportSummary } from './bindings/ExportSummary';
import type { ExampleQuestion } from './bindings/ExampleQuestion';
import type { Exclusions } from './bindings/Exclusions';
import type { FindQuery } from './bindings/FindQuery';
import type { FindResults } from './bindings/FindResults';
import type { FindScope } from './bindings/FindScope';
import type { FormField } from './bindings/FormField';
import type { HealthFinding } from './bindings/HealthFinding';
import type { HistoryEntry } from './bindings/HistoryEntry';
import type { HistorySummary } from './bindings/HistorySummary';
import type { ImportPlan } from './bindings/ImportPlan';
import type { ConflictChoice } from './bindings/ConflictChoice';
import type { ImportSummary } from './bindings/ImportSummary';
import type { JobProgress } from './bindings/JobProgress';
import type { JobRequest } from './bindings/JobRequest';
import type { OutboxView } from './bindings/OutboxView';
import type { Reach } from './bindings/Reach';
import type { ReachEdit } from './bindings/ReachEdit';
import type { ReachQuestion } from './bindings/ReachQuestion';
import type { PreviewBlock } from './bindings/PreviewBlock';
import type { ReplaceReview } from './bindings/ReplaceReview';
import type { RecoveredEdit } from './bindings/RecoveredEdit';
import type { Review } from './bindings/Review';
import type { SaveOutcome } from './bindings/SaveOutcome';
import type { SimilarTrainings } from './bindings/SimilarTrainings';
import type { Training } from './bindings/Training';
import type { TrainingDraft } from './bindings/TrainingDraft';
import type { TrainingsArrived } from './bindings/TrainingsArrived';
import type { TryAnswer } from './bindings/TryAnswer';
import type { TryQuestion } from './bindings/TryQuestion';
import type { WorkspaceData } from './bindings/WorkspaceData';
import type { WorkspaceList } from './bindings/WorkspaceList';
import type { WorkspaceSummary } from './bindings/WorkspaceSummary';
import type { Written } from './bindings/Written';
import { isErrorKind } from './errors';

export type { ApiWaiting };

/** A stable, machine-readable error code (Rust's `ErrorKind`); `unknown` when the backend sent something else. */
export type IpcErrorKind = ErrorKind | 'unknown';

/** The parts of the editor's form an error can be about: every `FormField` (tsc names one Rust adds). */
const FORM_FIELDS = {
  title: true,
  content: true,
  type: true,
  directory: true,
  channels: true,
  segments: true,
  window: true,
} as const satisfies Record<FormField, true>;

/** A failed command: `kind` to decide what to show, `message` a sentence an editor can act on,
 * `field` the part of the form it is about (`null` when it is not about one). */
export class IpcError extends Error {
  readonly kind: IpcErrorKind;
  readonly field: FormField | null;

  constructor(kind: IpcErrorKind, message: string, field: FormField | null = null) {
    super(message);
    this.name = 'IpcError';
    this.kind = kind;
    this.field = field;
  }
}

function isFormField(field: unknown): field is FormField {
  return typeof field === 'string' && Object.hasOwn(FORM_FIELDS, field);
}

/** Turns whatever a rejected `invoke` gave us into an `IpcError`. */
export function toIpcError(raw: unknown): IpcError {
  if (raw instanceof IpcError) return raw;
  if (typeof raw === 'object' && raw !== null && 'kind' in raw) {
    const { kind, message, field } = raw as { kind: unknown; message?: unknown; field?: unknown };
    const text = typeof message === 'string' && message.trim() !== '' ? message : 'Something went wrong.';
    return new IpcError(isErrorKind(kind) ? kind : 'unknown', text, isFormField(field) ? field : null);
  }
  if (typeof raw === 'string' && raw.trim() !== '') return new IpcError('unknown', raw);
  if (raw instanceof Error && raw.message) return new IpcError('unknown', raw.message);
  return new IpcError('unknown', 'Something went wrong.');
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (raw) {
    throw toIpcError(raw);
  }
}

// ---- commands -------------------------------------------------------------------------------

export const listWorkspaces = (): Promise<WorkspaceList> => call('list_workspaces');

/** Opens the last active workspace when its key is in the keychain (or it is the demo). */
export const resumeSession = (): Promise<WorkspaceSummary | null> => call('resume_session');

export const signIn = (name: string, baseUrl: string, apiKey: string): Promise<WorkspaceSummary> =>
  call('sign_in', { name, baseUrl, apiKey });

export const openDemo = (): Promise<WorkspaceSummary> => call('open_demo');

export const switchWorkspace = (id: string): Promise<WorkspaceSummary> => call('switch_workspace', { id });

export const signOut = (id: string, removeLocalData: boolean): Promise<WorkspaceList> =>
  call('sign_out', { id, removeLocalData });

/** How the open workspace's server treats drafts, as its last check found (kept per workspace). */
export const draftRules = (): Promise<DraftRules> => call('draft_rules');

/** "Check again": learns the open workspace's draft rules now, with a temporary training it deletes. */
export const checkDraftRules = (): Promise<DraftRules> => call('check_draft_rules');

export const loadWorkspace = (): Promise<WorkspaceData> => call('load_workspace');

/** The workspace as last loaded, from disk, without asking open.cx; `null` when none is kept. */
export const cachedWorkspace = (): Promise<CachedWorkspace | null> => call('cached_workspace');

/** Ids of the trainings the server's `search` matches. */
export const searchTrainings = (query: string): Promise<string[]> => call('search_trainings', { query });

/**
 * The markdown's top-level blocks in order, keyed by their sanitized HTML (ammonia, in Rust: safe
 * to insert as is), with the HTML of each block whose key is not in `known` (the blocks shown).
 */
export const renderPreview = (markdown: string, known: string[]): Promise<PreviewBlock[]> =>
  call('render_preview', { markdown, known });

/** Opens a preview link in the system's browser; kind `invalid_input` unless http, https or mailto. */
export const openLink = (url: string): Promise<null> => call('open_link', { url });

export const reviewChanges = (id: string, draft: TrainingDraft, publish: boolean): Promise<Review> =>
  call('review_changes', { id, draft, publish });

/**
 * Saves unless open.cx holds a newer version than `base` (the training the edit started from):
 * then nothing is written and the answer is a conflict. Offline, the save waits in the outbox.
 */
export const saveTraining = (
  id: string,
  draft: TrainingDraft,
  publish: boolean,
  base: Training,
): Promise<SaveOutcome> => call('save_training', { id, draft, publish, base });

/**
 * "Keep the live one, save as a separate draft": `draft` becomes a new draft training (title
 * marked as a draft copy, the live one's start/end window); training `id` is never written.
 */
export const saveAsSeparateDraft = (id: string, draft: TrainingDraft): Promise<Written> =>
  call('save_as_separate_draft', { id, draft });

/** A new draft training ("New training") in that directory (`null` = no directory). */
export const createTraining = (directoryId: string | null): Promise<Training> =>
  call('create_training', { directoryId });

/** Kind `unsupported` when the server has no directory routes. */
export const createDirectory = (name: string): Promise<DirectoryEntry> => call('create_directory', { name });

/** A server rename, or the local display name when the workspace has no directory routes. */
export const renameDirectory = (id: string, name: string): Promise<DirectoryEntry> =>
  call('rename_directory', { id, name });

/** Deletes the directory; its trainings go to no directory. */
export const deleteDirectory = (id: string): Promise<null> => call('delete_directory', { id });

/** Training id → the `updated_at` the UI showed; an item open.cx changed since fails as a conflict. */
export type Seen = Record<string, string>;

/** Starts a bulk job and answers its id; progress comes as "job-progress" events. Kind `busy` while another runs. */
export const startJob = (request: JobRequest, seen: Seen): Promise<string> => call('start_job', { request, seen });

/** Every match of `query` in the trainings of `scope` (as last loaded), grouped by training. Kind `invalid_input` for a regular expression that is not valid. */
export const findText = (query: FindQuery, scope: FindScope): Promise<FindResults> =>
  call('find_text', { query, scope });

/** The review of a replace without the unticked trainings and matches, with the job that writes it (`request`, `seen`) and the one that undoes it. */
export const reviewReplace = (
  query: FindQuery,
  scope: FindScope,
  excluded: Exclusions,
  publish: boolean,
): Promise<ReplaceReview> => call('review_replace', { query, scope, excluded, publish });

/** Stops the job before its next item. */
export const cancelJob = (jobId: string): Promise<null> => call('cancel_job', { jobId });

/** A new job over the failed items of `jobId` only; answers the new job's id. */
export const retryFailed = (jobId: string): Promise<string> => call('retry_failed', { jobId });

/** Keeps the editor's unsaved form in the local journal (never sent to open.cx). */
export const journalWrite = (id: string, draft: TrainingDraft, baseUpdatedAt: string | null): Promise<null> =>
  call('journal_write', { id, draft, baseUpdatedAt });

/** Unsaved edits of the open workspace left in the journal (after a crash), newest first. */
export const journalList = (): Promise<RecoveredEdit[]> => call('journal_list');

/** Forgets the journal's unsaved edit of this training. */
export const journalDiscard = (id: string): Promise<null> => call('journal_discard', { id });

/** The changes waiting to be sent to open.cx (made while it could not be reached). */
export const outboxList = (): Promise<OutboxView> => call('outbox_list');

/** Sends what waits now, in order; stops at the first sign of still being offline. */
export const outboxSend = (): Promise<OutboxView> => call('outbox_send');

/** Drops one entry; a save's text goes back to the journal first, to be offered as an unsaved edit. */
export const outboxDiscard = (entryId: string): Promise<OutboxView> => call('outbox_discard', { entryId });

/** The versions kept on this computer for one training, newest first. */
export const historyList = (id: string): Promise<HistorySummary[]> => call('history_list', { id });

export const historyVersion = (id: string, version: number): Promise<HistoryEntry> =>
  call('history_version', { id, version });

/** What changes from that version to `current` (the editor's form). */
export const historyCompare = (id: string, version: number, current: TrainingDraft): Promise<Review> =>
  call('history_compare', { id, version, current });

/** What open.cx's AI would likely be given for a customer's message, from the workspace as loaded. */
export const whatWillTheAiSee = (question: ReachQuestion): Promise<Reach> =>
  call('what_will_the_ai_see', { question });

/** The coverage map of `scope`: each channel × customers cell's trainings and always-on length, now. */
export const coverageMap = (scope: CheckUpScope): Promise<CoverageMap> => call('coverage_map', { scope });

/** The trainings of `scope` that apply now on `channel` for a customer in `segmentId` (`null`: in none). */
export const coverageCell = (scope: CheckUpScope, channel: Channel, segmentId: string | null): Promise<CellTrainings> =>
  call('coverage_cell', { scope, channel, segmentId });

/** The open workspace's example questions and the last results of their checks (kept on this computer only). */
export const exampleQuestions = (): Promise<ExampleBook> => call('example_questions');

/** Adds the question (an empty `id`: a new one) or replaces the one with its id. */
export const keepExampleQuestion = (question: ExampleQuestion): Promise<ExampleBook> =>
  call('keep_example_question', { question });

export const removeExampleQuestion = (id: string): Promise<ExampleBook> => call('remove_example_question', { id });

/** Runs every check (results kept), or with one training's unsaved edit those it touches and what it changes. */
export const runExampleChecks = (edit: ReachEdit | null): Promise<CheckRun> => call('run_example_checks', { edit });

/** Writes the questions to a JSON file chosen in the system's file chooser; `null` when cancelled. */
export const exportExampleQuestions = (): Promise<string | null> => call('export_example_questions');

/** Merges the questions of a JSON file chosen in the system's file chooser; `null` when cancelled. */
export const importExampleQuestions = (): Promise<ImportSummary | null> => call('import_example_questions');

/** Writes the workspace (or one directory) to a folder chosen in the system's chooser; `null` when cancelled. */
export const exportToFolder = (directoryId: string | null): Promise<ExportSummary | null> =>
  call('export_to_folder', { directoryId });

/** Compares a folder chosen in the system's chooser with open.cx; `null` when cancelled. The plan is kept for `startImport`. */
export const planImport = (publish: boolean): Promise<ImportPlan | null> => call('plan_import', { publish });

/** Settles a conflict of the plan last read (the file at `path`) as chosen in the conflict view; answers the plan as it now is. */
export const settleImportConflict = (path: string, choice: ConflictChoice): Promise<ImportPlan> =>
  call('settle_import_conflict', { path, choice });

/** Applies the plan last read as one bulk job (with the deletions when `deleteMissing`); answers the job's id. */
export const startImport = (deleteMissing: boolean): Promise<string> => call('start_import', { deleteMissing });

/** Whether the editor agreed, for the open workspace, that a try creates a real conversation in its inbox. */
export const chatConsent = (): Promise<boolean> => call('chat_consent');

/**
 * Sends a customer message to the open workspace's live AI as its test contact and answers what
 * the AI said. `consent` = the editor has just agreed (kept for the workspace); without it, and
 * without an earlier agreement, nothing is sent (kind `invalid_input`).
 */
export const tryOnOpencx = (question: TryQuestion, consent: boolean): Promise<TryAnswer> =>
  call('try_on_opencx', { question, consent });

/** The health notes of the editor's form of training `id`, worst first, placed in UTF-16 positions. */
export const instructionHealth = (id: string, draft: TrainingDraft): Promise<HealthFinding[]> =>
  call('instruction_health', { id, draft });

/** Every near-duplicate pair, possible contradiction and health note in `scope`, worst first. */
export const checkUp = (scope: CheckUpScope): Promise<CheckUp> => call('check_up', { scope });

/**
 * The trainings like training `id` as edited (`draft`, or as saved when `null`), most notable
 * first, from the workspace as loaded.
 */
export const similarTrainings = (id: string, draft: TrainingDraft | null): Promise<SimilarTrainings> =>
  call('similar_trainings', { id, draft });

/**
 * Training `id` and training `otherId` side by side, as saved (the check-up's "Compare"); `null`
 * when either is gone or they are no longer alike.
 */
export const compareTrainings = (id: string, otherId: string): Promise<Comparison | null> =>
  call('compare_trainings', { id, otherId });

/** Tells the shell the window may close now. */
export const confirmClose = (): Promise<null> => call('confirm_close');

// ---- events ---------------------------------------------------------------------------------
// The shell's events (src-tauri/src/events.rs), each with its generated payload type.

export type Unlisten = () => void;

function on<Payload>(event: string, handler: (payload: Payload) => void): Promise<Unlisten> {
  return listen<Payload>(event, (e) => handler(e.payload));
}

/** The shell held back a window close and asks whether it may go ahead; `jobRunning` = a bulk job would stop. */
export function onCloseRequested(handler: (jobRunning: boolean) => void): Promise<Unlisten> {
  return on<CloseRequested>('close-requested', (request) => handler(request.job_running));
}

/** The client waits before retrying (Retry-After or backoff). */
export function onApiWaiting(handler: (waiting: ApiWaiting) => void): Promise<Unlisten> {
  return on<ApiWaiting>('api-waiting', handler);
}

/** The outbox changed (queued, sent, landed, discarded). */
export function onOutboxChanged(handler: (view: OutboxView) => void): Promise<Unlisten> {
  return on<OutboxView>('outbox-changed', handler);
}

/** A bulk job finished an item, or ended. */
export function onJobProgress(handler: (progress: JobProgress) => void): Promise<Unlisten> {
  return on<JobProgress>('job-progress', handler);
}

/** A load received a page of the workspace's trainings (they arrive in the list's order). */
export function onTrainingsArrived(handler: (page: TrainingsArrived) => void): Promise<Unlisten> {
  return on<TrainingsArrived>('trainings-arrived', handler);
}
