/**
 * Empty rows below a table that get its number formats, so rows typed later look right. (Both
 * .xlsx writers; not the Office.js adapter: Excel carries a table's formats to the rows it grows by, and the Office.js adapter writes
 * into the open workbook where the user sees them.)
 */
export const FORMAT_ROWS_BELOW = 500;
