// A check-up as the backend answers it, over the fixtures' workspace: "Refund policy" and
// "Shipping times" may contradict each other for the same customers, and "Invoice questions"
// has a placeholder.
import type { CheckUp } from '../lib/bindings/CheckUp';
import type { CheckUpScope } from '../lib/bindings/CheckUpScope';

export function checkUpResult(scope: CheckUpScope = { kind: 'workspace' }): CheckUp {
  const pair: CheckUp['items'] = [
    {
      kind: 'contradiction',
      first: { id: 't-refund', title: 'Refund policy' },
      second: { id: 't-shipping', title: 'Shipping times' },
      summary: '“Refund policy” and “Shipping times” may tell the same customers different things (1 possible contradiction).',
      fix: 'Make the two agree, merge them, or restrict one so the same customers never get both.',
      similarity: {
        likeness: 'same_topic',
        reasons: ['Both about “days”'],
        wording_percent: 12,
        reach: { overlaps: true, sentence: 'Both on Email for all customers' },
        contradictions: [
          {
            kind: 'different_numbers',
            first: { sentence: 'Offer a refund within 30 days.', start_utf16: 0, end_utf16: 30 },
            second: { sentence: 'Orders ship within 2 days.', start_utf16: 0, end_utf16: 26 },
            explanation: 'One says within 30 days, the other within 2 days.',
          },
        ],
      },
    },
  ];
  const health: CheckUp['items'] = [
    {
      kind: 'health',
      training: { id: 't-invoice', title: 'Invoice questions' },
      finding: {
        code: 'placeholder',
        severity: 'problem',
        explanation: '“TBD” is a placeholder: the AI would say it to customers as it is.',
        fix: 'Replace it with what the AI should say, or remove it.',
        place: { field: 'content', start: 6, end: 9, line: 1, text: 'TBD' },
      },
    },
  ];
  if (scope.kind === 'directory') {
    return { items: health, checked: 2, needs_attention: ['t-invoice'] };
  }
  return { items: [...pair, ...health], checked: 4, needs_attention: ['t-invoice', 't-refund', 't-shipping'] };
}
