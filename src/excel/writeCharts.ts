/** Native charts (ExcelApi 1.7, for series): one of the same name on the sheet is replaced. */
import type { ChartSpec } from '../workbook/plan';
import { cellAddress, parseRect } from './address';
import { jsonSize } from './values';
import { createdBy, key, type VirtualWorkbook, type VSheet } from './virtualWorkbook';

const CHART_TYPES: Record<ChartSpec['type'], Excel.ChartType> = {
  barStacked: 'BarStacked' as Excel.ChartType,
  bar: 'BarClustered' as Excel.ChartType,
  column: 'ColumnClustered' as Excel.ChartType,
  columnStacked: 'ColumnStacked' as Excel.ChartType,
  line: 'Line' as Excel.ChartType,
};

export function chart(wb: VirtualWorkbook, vs: VSheet, spec: ChartSpec): void {
  if (!wb.has('charts', 'charts')) return;
  for (const ref of [spec.categories, ...spec.series.map((x) => x.values)]) parseRect(ref);
  if (!spec.series.length) throw new Error(`Chart "${spec.name}" has no series`);
  const old = vs.charts.get(key(spec.name));
  const formatted = wb.features.chartFormats;
  const from = cellAddress(spec.from.row, spec.from.column);
  const to = cellAddress(spec.to.row, spec.to.column);
  const created = createdBy(() => {
    const sheet = vs.sheet();
    old?.().delete();
    const categories = sheet.getRange(spec.categories);
    const made = sheet.charts.add(CHART_TYPES[spec.type], sheet.getRange(spec.series[0].values), 'Columns');
    made.name = spec.name;
    made.title.text = spec.title;
    made.setPosition(from, to);
    spec.series.forEach((x, i) => {
      const series = i === 0 ? made.series.getItemAt(0) : made.series.add(x.name);
      if (i === 0) series.name = x.name;
      else series.setValues(sheet.getRange(x.values));
      series.setXAxisValues(categories);
    });
    // Shares as percentages, dates as dates, each value at its point (a 0 reads "0 %"): ExcelApi 1.8.
    if (!formatted) return made;
    if (spec.valueFormat !== undefined) made.axes.valueAxis.numberFormat = spec.valueFormat;
    if (spec.categoryFormat !== undefined) {
      // One label per point, as the file adapter writes it (snapshot dates are irregular).
      made.axes.categoryAxis.categoryType = 'TextAxis' as Excel.ChartAxisCategoryType;
      made.axes.categoryAxis.numberFormat = spec.categoryFormat;
    }
    if (spec.dataLabels) {
      made.dataLabels.showValue = true;
      if (spec.valueFormat !== undefined) made.dataLabels.numberFormat = spec.valueFormat;
    }
    return made;
  });
  vs.charts.set(key(spec.name), created);
  // charts, add(type, range, "Columns") and its range, categories, title, each series and its
  // range; delete (of the old one), name, title text, setPosition, two calls per series.
  const series = spec.series.length;
  // Formats: one property each (axes.valueAxis, axes.categoryAxis, dataLabels paths).
  const formats = !formatted ? 0 : (spec.valueFormat !== undefined ? 1 : 0) + (spec.categoryFormat !== undefined ? 2 : 0) + (spec.dataLabels ? 2 : 0);
  wb.write(4 + 2 * series + formats, 4 + 2 * series + formats, jsonSize(spec) + jsonSize(from) + jsonSize(to) + 40, () => void created());
}
