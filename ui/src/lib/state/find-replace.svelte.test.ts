import { describe, expect, it } from 'vitest';
import type { FindResults } from '../bindings/FindResults';
import { fakeBackend } from '../../test/backend';
import { FindReplaceStore, findScope } from './find-replace.svelte';

const results: FindResults = {
  match_count: 3,
  trainings: [
    {
      id: 'a',
      title: 'Refunds',
      unpublished_draft: false,
      matches: [
        { id: 'a:content:0', field: 'content', start: 0, end: 7, before: '', matched: '30 days', after: '.', replacement: '45 days' },
        { id: 'a:content:1', field: 'content', start: 9, end: 16, before: 'Or ', matched: '30 days', after: '', replacement: '45 days' },
      ],
    },
    {
      id: 'b',
      title: 'Invoices',
      unpublished_draft: true,
      matches: [{ id: 'b:title:0', field: 'title', start: 0, end: 7, before: '', matched: '30 days', after: ' net', replacement: '45 days' }],
    },
  ],
};

describe('find and replace', () => {
  it('chooses the scope from the list’s directory and the selection', () => {
    expect(findScope('workspace', { kind: 'dir', id: 'd' }, ['a'])).toEqual({ kind: 'workspace' });
    expect(findScope('directory', { kind: 'dir', id: 'd' }, [])).toEqual({ kind: 'directory', directory_id: 'd' });
    expect(findScope('directory', { kind: 'none' }, [])).toEqual({ kind: 'directory', directory_id: null });
    expect(findScope('directory', { kind: 'all' }, [])).toEqual({ kind: 'workspace' });
    expect(findScope('selection', { kind: 'all' }, ['a', 'b'])).toEqual({ kind: 'selection', ids: ['a', 'b'] });
  });

  it('finds, counts what is ticked and asks the review without what was unticked', async () => {
    const backend = fakeBackend({ find_text: () => results, review_replace: () => ({ items: [] }) });
    const store = new FindReplaceStore();
    store.find = '30 days';
    store.replacement = '45 days';
    store.regex = true; // hidden behind "Advanced": not sent until it is open
    await store.search({ kind: 'workspace' });
    expect(backend.callsTo('find_text')).toEqual([
      {
        query: { find: '30 days', replacement: '45 days', match_case: false, whole_words: false, regex: false, within: 'both' },
        scope: { kind: 'workspace' },
      },
    ]);
    expect(store.chosenCount).toBe(2);
    store.setTraining('b', false);
    expect(store.chosenCount).toBe(1);
    store.setMatch('a:content:0', false);
    store.setMatch('a:content:1', false);
    expect(store.chosenCount).toBe(0);
    store.setMatch('a:content:1', true);
    store.publish = true;
    await store.askReview();
    expect(backend.callsTo('review_replace')[0]).toMatchObject({
      excluded: { trainings: ['b'], matches: ['a:content:0'] },
      publish: true,
      scope: { kind: 'workspace' },
    });
    expect(store.review).not.toBeNull();
    store.backToMatches();
    expect(store.review).toBeNull();
  });

  it('says what is wrong with a regular expression and keeps what was typed', async () => {
    fakeBackend({
      find_text: () => Promise.reject({ kind: 'invalid_input', message: '“(” is not a valid regular expression: unclosed group.' }),
    });
    const store = new FindReplaceStore();
    store.find = '(';
    store.advanced = true;
    store.regex = true;
    await store.search({ kind: 'workspace' });
    expect(store.error?.message).toContain('not a valid regular expression');
    expect(store.find).toBe('(');
    expect(store.results).toBeNull();
  });
});
