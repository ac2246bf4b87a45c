/**
 * A1 addresses as Office.js gives and takes them ("Ark1!B3:D9", "'Ark 1'!A1", "A1:C1,B9:C9"): the
 * shared parser of src/domain/model/address under the names this adapter (and the stand-in) use.
 */
import { formatRange, parseRange } from '../domain/model/address';

export {
  cellAddress, cellCount, columnLetters, columnNumber, contains, intersection, intersects, MAX_COLUMNS, MAX_ROWS, parseAreas, quoteSheet,
  splitAddress, subtract, type Rect,
} from '../domain/model/address';

/** Rectangle → "B2:D9", or "B2" for a single cell. */
export const formatRect = formatRange;
/** "B2:D9", "D:D", "4:6", with or without a sheet prefix → rectangle. */
export const parseRect = parseRange;
