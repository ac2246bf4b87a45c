import { benchmarkSyncs } from './syncBench';

it('the adapter reads 1 000 participant rows in 3 syncs; a per-row reader needs one per row', async () => {
  const result = await benchmarkSyncs(1000);
  expect(result.adapterSyncs).toBe(3);
  expect(result.naiveSyncs).toBeGreaterThan(1000);
  // The adapter also reads number formats, yet sends less: the per-row reader repeats the object
  // paths and action envelopes of every command (as the stand-in measures them, wire.ts).
  expect(result.adapterPayloadBytes).toBeLessThan(result.naivePayloadBytes);
  expect(result.adapterLargestRequestBytes).toBeLessThan(5 * 1024 * 1024);
});
