import { COLUMNS } from '../../src/domain/model/schema';
import { structuredRef } from '../../src/workbook/formula';

describe('structuredRef', () => {
  it('brackets a plain column once', () => {
    expect(structuredRef('Budget', COLUMNS.budget.amount)).toBe('Budget[Beløb]');
    expect(structuredRef('Deltagere_ITMV', COLUMNS.participants.startDate)).toBe('Deltagere_ITMV[Startdato]');
  });

  it('keeps a column with spaces only in single brackets', () => {
    expect(structuredRef('T', 'Ansvarlig enhed')).toBe('T[Ansvarlig enhed]');
  });

  it('gives a column with special characters brackets of its own', () => {
    expect(structuredRef('Posteringer', COLUMNS.postings.initiativeId)).toBe('Posteringer[[Indsats-ID]]');
    expect(structuredRef('Indsatser', COLUMNS.initiatives.statusDate)).toBe('Indsatser[[Status pr.]]');
    expect(structuredRef('T', 'Beløb (kr.)')).toBe('T[[Beløb (kr.)]]');
    expect(structuredRef('T', 'a/b')).toBe('T[[a/b]]');
  });

  it("escapes [ ] # and ' with an apostrophe", () => {
    expect(structuredRef('T', '#Bilag')).toBe("T[['#Bilag]]");
    expect(structuredRef('T', "Borger's [note]")).toBe("T[[Borger''s '[note']]]");
  });
});
