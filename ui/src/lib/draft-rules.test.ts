import { describe, expect, it } from 'vitest';
import type { DraftRules } from './bindings/DraftRules';
import { describeDraftRules, rulesKnown } from './draft-rules';

const checked = '2026-12-05T02:41:00Z';

const literal: DraftRules = {
  draft_save: 'takes_out_of_use',
  omitted_is_draft: 'keeps_state',
  omitted_fields: 'cleared',
  checked_at: checked,
  problem: null,
};

describe('draft rules in words', () => {
  it('says a draft waits beside the live version on a fields server, and that moves publish the same text', () => {
    const words = describeDraftRules({ ...literal, draft_save: 'beside_live', omitted_is_draft: 'publishes', omitted_fields: 'kept' });
    expect(words.draftSave).toMatch(/^On this workspace, a saved draft waits beside the live version/);
    expect(words.omittedIsDraft).toContain('publishes the training');
    expect(words.omittedFields).toContain('keeps them');
    expect(words.moves).toContain('publishes the same text again');
    expect(words.checked).toMatch(/^Checked .*2026/);
    expect(words.problem).toBeNull();
  });

  it('says saving a draft takes the training out of use on a literal server, and that moves change nothing else', () => {
    const words = describeDraftRules(literal);
    expect(words.draftSave).toBe(
      'On this workspace, saving a draft takes the training out of use until it is published: the AI agent stops using it.',
    );
    expect(words.omittedIsDraft).toContain('as it was');
    expect(words.omittedFields).toContain('clears them');
    expect(words.moves).toBe('Moving a training or changing where it applies changes nothing else.');
  });

  it('says why a check could not finish and that every change takes the safest path meanwhile', () => {
    const failed: DraftRules = {
      draft_save: 'unknown',
      omitted_is_draft: 'unknown',
      omitted_fields: 'unknown',
      checked_at: checked,
      problem: 'Training Studio could not check how this workspace treats drafts: the network is down.',
    };
    expect(rulesKnown(failed)).toBe(false);
    const words = describeDraftRules(failed);
    expect(words.problem).toMatch(/^Training Studio could not check .* every change takes the safest path/);
    expect(words.draftSave).toContain('not known yet');
    // Even a learned "keeps the state" is not relied on while the check has a problem.
    expect(describeDraftRules({ ...literal, problem: 'x.' }).moves).toContain('publishes the same text again');
  });

  it('says when it was never checked', () => {
    const never = { ...literal, checked_at: null };
    expect(describeDraftRules(never).checked).toBe('Not checked yet.');
    expect(rulesKnown(never)).toBe(false);
    expect(rulesKnown(literal)).toBe(true);
  });
});
