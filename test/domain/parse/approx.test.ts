import { parseApprox } from '../../../src/domain/parse/approx';

it.each([
  ['ca. 60', { low: 60, high: 60, approximate: true }],
  ['Ca. 60 borgere', { low: 60, high: 60, approximate: true }],
  ['10–15', { low: 10, high: 15, approximate: false }],
  ['40-50', { low: 40, high: 50, approximate: false }],
  ['ca. 40 - 50 unge', { low: 40, high: 50, approximate: true }],
  ['cirka 1.200', { low: 1200, high: 1200, approximate: true }],
])('keeps "%s" as typed with its bounds', (text, expected) => {
  expect(parseApprox(text)).toEqual({ text: text.trim(), ...expected });
});

it.each(['60', '60 borgere', '15–10', 'mange', '', 'ca.', '2016-08-29'])('"%s" is not an approximate count', (text) => {
  expect(parseApprox(text)).toBeUndefined();
});
