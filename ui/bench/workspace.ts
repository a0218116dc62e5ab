// A made-up workspace of 10,000 trainings for the search benchmark: deterministic (seeded), with
// titles and markdown bodies of realistic length, some accents and some unpublished drafts.
import type { Training } from '../src/lib/bindings/Training';
import { random } from '../src/test/random';

const WORDS = (
  'refund order delivery parcel invoice account password login return exchange size stock ' +
  'customer agent policy shipping express damaged warranty membership discount voucher café ' +
  'Zürich résumé naïve payment card charge twice label courier address email phone chat ' +
  'holiday hours escalate human tone friendly apology credit store gift enterprise team ' +
  'purchase VAT customs duties region Europe merino wool jacket boots tent backpack'
).split(' ');

export function workspace(count: number, seed = 6): Training[] {
  const next = random(seed);
  const pick = () => WORDS[Math.floor(next() * WORDS.length)] as string;
  const words = (n: number) => Array.from({ length: n }, pick).join(' ');
  const paragraph = () => `${words(8 + Math.floor(next() * 30))}.`;
  return Array.from({ length: count }, (_, i) => {
    const title = `${words(2 + Math.floor(next() * 5))} ${i}`;
    const content = Array.from({ length: 2 + Math.floor(next() * 6) }, paragraph).join('\n\n');
    const edited = next() < 0.1;
    return {
      id: `t-${i}`,
      title,
      content,
      draft_title: edited ? `${title} (revised)` : null,
      draft_content: edited ? `${content}\n\n${paragraph()}` : null,
      type: next() < 0.2 ? 'BEHAVIORAL' : 'SCENARIO_SPECIFIC',
      is_draft: next() < 0.15,
      directory_id: `dir-${Math.floor(next() * 12)}`,
      restricted_to_channels: [],
      restricted_to_segments: [],
      current_version: 1,
      metadata: {},
      published_at: '2026-01-02T10:00:00.000Z',
      start_time: null,
      end_time: null,
      created_at: '2026-01-01T10:00:00.000Z',
      updated_at: '2026-01-02T10:00:00.000Z',
    };
  });
}
