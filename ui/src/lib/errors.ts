// What the UI shows for each kind of failure: decided by `kind`, never by the message text.
import type { IpcError } from './ipc';

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
