/** The task pane's messages for the write failures: a partial write says what was and was not written. */
import { messages } from '../../src/i18n';
import { describe as describeError } from '../../src/taskpane/Feedback';
import { CellChangedError, NotGeneratedError, PartialWriteError } from '../../src/operations/liveWorkbook';
import { ExcelApiError } from '../../src/excel/errors';

const da = messages.da.ui;
const en = messages.en.ui;

describe('Feedback messages for writes', () => {
  it('a write that failed after some syncs: "Fejl: 2 af 3 dele skrevet", the sheets written and not, the cause', () => {
    const error = new PartialWriteError(2, 3, ['Indsatser', 'ITMV'], ['Fejl'], new ExcelApiError('InvalidArgument', 'The argument is invalid'));
    const { intent, text } = describeError(error, da);
    expect(intent).toBe('error');
    expect(text).toMatch(/^Fejl: 2 af 3 dele skrevet: Indsatser og ITMV er skrevet; Fejl er ikke eller kun delvist skrevet\. Årsag: Excel: InvalidArgument: The argument is invalid\./);
    expect(text).not.toContain('Intet er skrevet');
    expect(describeError(error, en).text).toMatch(/^Error: 2 of 3 parts written: Indsatser and ITMV are written; Fejl is not or only partly written\./);
  });

  it('a suggestion over a changed cell: "Arket er ændret siden valideringen – valider igen"', () => {
    const { intent, text } = describeError(new CellChangedError('ITMV', 'C7'), da);
    expect(intent).toBe('warning');
    expect(text).toMatch(/^Arket er ændret siden valideringen – valider igen\. \(ITMV!C7/);
    expect(describeError(new CellChangedError('ITMV', 'C7'), en).text).toMatch(/^The sheet has changed since it was validated – validate again/);
  });

  it('a user\'s table with a generated name is named', () => {
    expect(describeError(new NotGeneratedError('table', 'Statusfotos', 'Opfølgning'), da).text).toMatch(/^Tabellen 'Statusfotos' på arket 'Opfølgning' har et navn, Indsatsmonitor bruger/);
    expect(describeError(new NotGeneratedError('sheet', 'Fejl', 'Fejl'), en).text).toMatch(/^The sheet 'Fejl' has a name Indsatsmonitor uses/);
  });
});
