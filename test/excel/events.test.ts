import { onSheetChanged, type ChangedRange } from '../../src/excel/adapter';
import { createStandin } from '../standin/excelStandin';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function setup(sheet?: string) {
  const standin = createStandin({ sheets: [{ name: 'IND01', cells: { A1: 'Deltager-ID', B1: 'Startdato' } }, { name: 'Andet' }] });
  const calls: ChangedRange[][] = [];
  const subscribe = () => onSheetChanged(standin.run, (changes) => void calls.push(changes), { debounceMs: 30, sheet });
  return { standin, calls, subscribe };
}

describe('onSheetChanged', () => {
  it('waits until typing pauses, then hands over every changed range once', async () => {
    const { standin, calls, subscribe } = setup();
    const sub = await subscribe();
    standin.workbook.userEdit('IND01', 'A2', [['x']]);
    await wait(10);
    standin.workbook.userEdit('IND01', 'A2', [['IND01-000001']]);
    standin.workbook.userEdit('Andet', 'C3', [[42]]);
    await wait(10);
    expect(calls).toHaveLength(0);
    await wait(60);
    expect(calls).toEqual([[
      { sheet: 'IND01', address: 'A2', changeType: 'RangeEdited', values: [['IND01-000001']] },
      { sheet: 'Andet', address: 'C3', changeType: 'RangeEdited', values: [[42]] },
    ]]);
    await sub.remove();
  });

  it('reads a multi-cell paste (no details in the event) back from its address', async () => {
    const { standin, calls, subscribe } = setup('IND01');
    const sub = await subscribe();
    standin.reset();
    standin.workbook.userEdit('IND01', 'A2:B3', [['IND01-1', '2024-01-05'], ['IND01-2', '']]);
    standin.workbook.userEdit('Andet', 'A1', [['ignored: another sheet']]);
    await wait(60);
    expect(calls).toEqual([[{ sheet: 'IND01', address: 'A2:B3', changeType: 'RangeEdited', values: [['IND01-1', 45296], ['IND01-2', null]] }]]);
    expect(standin.stats.syncs).toBe(1);
    await sub.remove();
  });

  it('stops after remove()', async () => {
    const { standin, calls, subscribe } = setup();
    const sub = await subscribe();
    await sub.remove();
    standin.workbook.userEdit('IND01', 'A2', [['x']]);
    await wait(60);
    expect(calls).toEqual([]);
  });
});
