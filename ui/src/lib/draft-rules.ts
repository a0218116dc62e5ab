// How a workspace's server treats drafts, in words an editor reads in the workspace's details:
// what the check learned (crates/studio/src/draft_rules.rs), what moves do because of it, and
// what happens while the rules are unknown (never checked, or the check could not finish).
import type { DraftRules } from './bindings/DraftRules';

export interface DraftRulesWords {
  /** What saving a draft of a live training does. */
  draftSave: string;
  /** What a change that does not say "draft" or "live" does. */
  omittedIsDraft: string;
  /** What a change that leaves out the schedule and integration data does to them. */
  omittedFields: string;
  /** What moving a training or changing where it applies does here. */
  moves: string;
  /** When the check ran, or that it never did. */
  checked: string;
  /** Why the check could not finish, and what the app does meanwhile; `null` when it finished. */
  problem: string | null;
}

/** Whether the rules come from a check that finished. */
export const rulesKnown = (rules: DraftRules): boolean => rules.checked_at !== null && rules.problem === null;

const SAFEST =
  'Until a check succeeds, every change takes the safest path: moving a live training or changing where it ' +
  'applies publishes the same text again, so it never goes out of use, and saving a draft is treated as if it ' +
  'took the training out of use. Training Studio checks again the next time this workspace loads.';

const when = (iso: string): string =>
  new Date(iso).toLocaleString([], { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });

export function describeDraftRules(rules: DraftRules): DraftRulesWords {
  const draftSave = {
    beside_live:
      'On this workspace, a saved draft waits beside the live version: the AI agent keeps using the live version until the draft is published.',
    takes_out_of_use:
      'On this workspace, saving a draft takes the training out of use until it is published: the AI agent stops using it.',
    unknown: 'It is not known yet whether a saved draft waits beside the live version or takes the training out of use.',
  }[rules.draft_save];
  const omittedIsDraft = {
    publishes: 'A change that does not say whether it is a draft publishes the training.',
    keeps_state: 'A change that does not say whether it is a draft leaves the training live or a draft, as it was.',
    unknown: 'It is not known yet what a change that does not say whether it is a draft does.',
  }[rules.omitted_is_draft];
  const omittedFields = {
    kept: 'A change that leaves out the schedule and integration data (metadata) keeps them; Training Studio sends them anyway.',
    cleared:
      'A change that leaves out the schedule or integration data (metadata) clears them, so Training Studio always sends them along.',
    unknown: 'Training Studio always sends the schedule and integration data (metadata) along, so they are kept.',
  }[rules.omitted_fields];
  const known = rulesKnown(rules);
  const moves =
    known && rules.omitted_is_draft === 'keeps_state'
      ? 'Moving a training or changing where it applies changes nothing else.'
      : 'Moving a live training or changing where it applies publishes the same text again (open.cx counts a new version); what the AI agent uses does not change. Drafts stay drafts.';
  return {
    draftSave,
    omittedIsDraft,
    omittedFields,
    moves,
    checked: rules.checked_at ? `Checked ${when(rules.checked_at)}.` : 'Not checked yet.',
    problem: rules.problem === null ? null : `${rules.problem} ${SAFEST}`,
  };
}
