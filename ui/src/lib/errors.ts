// What the UI knows of each kind of failure: which kinds exist (the generated `ErrorKind`), which
// mean open.cx could not be reached, and what is shown; decided by `kind`, never by the message text.
import type { ErrorKind } from './bindings/ErrorKind';
import type { IpcError, IpcErrorKind } from './ipc';

/**
 * Every kind the backend sends, each marked with whether it means open.cx could not be reached
 * (the network, a timeout, the server failing, after the client's own retries): then what was
 * sent can wait and go again later, and the kept copy of the workspace shows as "offline".
 * `satisfies` makes tsc name a kind Rust added and this forgot; the shell's contract test
 * (src-tauri/src/contract.rs) checks each mark against Rust's `ErrorKind::is_unreachable`.
 */
const UNREACHABLE = {
  network: true,
  timeout: true,
  server: true,
  unauthorized: false,
  forbidden: false,
  not_found: false,
  validation: false,
  rate_limited: false,
  decode: false,
  unsupported: false,
  config: false,
  conflict: false,
  keychain_unavailable: false,
  no_workspace: false,
  invalid_input: false,
  io: false,
  busy: false,
} as const satisfies Record<ErrorKind, boolean>;

/** Every `ErrorKind`, once. */
export const ERROR_KINDS = Object.keys(UNREACHABLE) as readonly ErrorKind[];

export function isErrorKind(kind: unknown): kind is ErrorKind {
  return typeof kind === 'string' && Object.hasOwn(UNREACHABLE, kind);
}

/** Whether an error of this kind means open.cx could not be reached (see `UNREACHABLE`). */
export function isUnreachable(kind: IpcErrorKind): boolean {
  return kind !== 'unknown' && UNREACHABLE[kind];
}

export type ErrorAction = 'retry' | 'sign-in' | 'none';

export interface ErrorView {
  /** The headline, in plain words. */
  title: string;
  /** The backend's sentence, when it adds something the headline does not say. */
  detail: string | null;
  action: ErrorAction;
}

/** How an error met while saving or loading is presented next to the form. */
export function describeError(error: IpcError): ErrorView {
  switch (error.kind) {
    case 'network':
    case 'timeout':
      return { title: "Couldn't reach open.cx — your changes are kept", detail: null, action: 'retry' };
    case 'rate_limited':
      return { title: 'open.cx is busy right now — your changes are kept', detail: null, action: 'retry' };
    case 'server':
      return {
        title: 'open.cx had a problem — your changes are kept',
        detail: error.message,
        action: 'retry',
      };
    case 'unauthorized':
      return { title: 'Your key was rejected — sign in again', detail: null, action: 'sign-in' };
    case 'validation':
    case 'invalid_input':
      return { title: error.message, detail: null, action: 'none' };
    case 'forbidden':
      return { title: 'This key is not allowed to do that', detail: error.message, action: 'none' };
    case 'not_found':
      return { title: 'This training no longer exists in open.cx', detail: error.message, action: 'none' };
    case 'conflict':
      return { title: 'Someone else changed this training', detail: error.message, action: 'none' };
    case 'decode':
      return {
        title: 'open.cx sent an answer we could not read — your changes are kept',
        detail: error.message,
        action: 'retry',
      };
    case 'busy':
    case 'keychain_unavailable':
    case 'no_workspace':
    case 'unsupported':
    case 'config':
    case 'io':
    case 'unknown':
      return { title: error.message, detail: null, action: 'none' };
  }
}
