import { benchmarkSyncs } from './syncBench';

it('the adapter reads 1 000 participant rows in 3 syncs; a per-row reader needs one per row', async () => {
  const result = await benchmarkSyncs(1000);
  expect(result.adapterSyncs).toBe(3);
  expect(result.naiveSyncs).toBeGreaterThan(1000);
  // The adapter also reads number formats, so its payload is not smaller; its requests are few.
  expect(result.adapterLargestRequestBytes).toBeLessThan(5 * 1024 * 1024);
});
