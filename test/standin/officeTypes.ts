/**
 * The type link between the stand-in's proxies and @types/office-js. Each proxy class
 *
 *   class RangeProxy extends ClientObject<…> implements Modelled<Excel.Range, RangeMembers>
 *
 * names the Office.js members it models (`RangeMembers`, checked to be real member names) and
 * has to match their Office.js signatures, with every Office.js object type in an argument, a
 * result or a property replaced by the proxy that models it (`ProxyOf`): `getRange(address?:
 * string): Excel.Range` must be `getRange(address?: string): RangeProxy`. A misspelt or invented
 * member, a missing or wrongly typed parameter, or a wrong result is a type error; `OnlyModelled`
 * also rejects public members the proxy has beyond the ones it names.
 */
import type * as P from './proxies';

type IsAny<T> = 0 extends 1 & T ? true : false;

/** The stand-in's class for an Office.js type (distributes over unions: `Excel.Range | string`). */
type Swap<T> =
  T extends Excel.Range ? P.RangeProxy
  : T extends Excel.RangeAreas ? P.RangeAreasProxy
  : T extends Excel.RangeFormat ? P.RangeFormatProxy
  : T extends Excel.RangeFont ? P.FontProxy
  : T extends Excel.DataValidation ? P.DataValidationProxy
  : T extends Excel.ConditionalFormatCollection ? P.ConditionalFormatCollectionProxy
  : T extends Excel.ConditionalFormat ? P.ConditionalFormatProxy
  : T extends Excel.CustomConditionalFormat ? P.CustomConditionalFormatProxy
  : T extends Excel.ConditionalFormatRule ? P.ConditionalFormatRuleProxy
  : T extends Excel.ConditionalRangeFormat ? P.ConditionalRangeFormatProxy
  : T extends Excel.ConditionalRangeFill ? P.ConditionalRangeFillProxy
  : T extends Excel.ConditionalRangeFont ? P.ConditionalRangeFontProxy
  : T extends Excel.Worksheet ? P.WorksheetProxy
  : T extends Excel.WorksheetCollection ? P.WorksheetCollectionProxy
  : T extends Excel.WorksheetFreezePanes ? P.FreezePanesProxy
  : T extends Excel.Workbook ? P.WorkbookProxy
  : T extends Excel.Table ? P.TableProxy
  : T extends Excel.TableCollection ? P.TableCollectionProxy
  : T extends Excel.TableColumn ? P.TableColumnProxy
  : T extends Excel.TableColumnCollection ? P.TableColumnCollectionProxy
  : T extends Excel.TableRow ? P.TableRowProxy
  : T extends Excel.TableRowCollection ? P.TableRowCollectionProxy
  : T extends Excel.Chart ? P.ChartProxy
  : T extends Excel.ChartCollection ? P.ChartCollectionProxy
  : T extends Excel.ChartTitle ? P.ChartTitleProxy
  : T extends Excel.ChartSeries ? P.ChartSeriesProxy
  : T extends Excel.ChartSeriesCollection ? P.ChartSeriesCollectionProxy
  : T extends Excel.PageLayout ? P.PageLayoutProxy
  : T extends Excel.HeaderFooterGroup ? P.HeaderFooterGroupProxy
  : T extends Excel.HeaderFooter ? P.HeaderFooterProxy
  : T extends Excel.PageBreakCollection ? P.PageBreakCollectionProxy
  : T extends Excel.ChartAxes ? P.ChartAxesProxy
  : T extends Excel.ChartAxis ? P.ChartAxisProxy
  : T extends Excel.ChartDataLabels ? P.ChartDataLabelsProxy
  : T extends Excel.Note ? P.NoteProxy
  : T extends Excel.NoteCollection ? P.NoteCollectionProxy
  : T extends Excel.Comment ? P.CommentProxy
  : T extends Excel.CommentCollection ? P.CommentCollectionProxy
  : T extends Excel.CommentReply ? P.CommentReplyProxy
  : T extends Excel.CommentReplyCollection ? P.CommentReplyCollectionProxy
  : T extends Excel.NamedItem ? P.NamedItemProxy
  : T extends Excel.NamedItemCollection ? P.NamedItemCollectionProxy
  : T extends Excel.DocumentProperties ? P.DocumentPropertiesProxy
  : T extends Excel.CustomProperty ? P.CustomPropertyProxy
  : T extends Excel.CustomPropertyCollection ? P.CustomPropertyCollectionProxy
  : T extends OfficeExtension.ClientRequestContext ? P.StandinContext
  : T extends OfficeExtension.EventHandlerResult<infer A> ? P.EventHandlerResultProxy<A>
  : T extends OfficeExtension.EventHandlers<infer A> ? P.EventHandlersProxy<A>
  : T extends readonly (infer E)[] ? ProxyOf<E>[]
  : T;

export type ProxyOf<T> = IsAny<T> extends true ? T : Swap<T>;

type ProxyArgs<A extends unknown[]> = { [I in keyof A]: ProxyOf<A[I]> };

/** Every overload of a method (up to four), with Office.js objects replaced by proxies. */
type Signatures<F> = F extends {
  (...a: infer A1): infer R1;
  (...a: infer A2): infer R2;
  (...a: infer A3): infer R3;
  (...a: infer A4): infer R4;
}
  ? ((...a: ProxyArgs<A1>) => ProxyOf<R1>) & ((...a: ProxyArgs<A2>) => ProxyOf<R2>) & ((...a: ProxyArgs<A3>) => ProxyOf<R3>) & ((...a: ProxyArgs<A4>) => ProxyOf<R4>)
  : never;

type Member<V> = IsAny<V> extends true ? V : V extends (...a: never[]) => unknown ? Signatures<V> : ProxyOf<V>;

/** The members K of Office.js type T as the stand-in must provide them (readonly stays readonly). */
export type Modelled<T, K extends keyof T> = { [M in K]: Member<T[M]> };

/** The stand-in's own plumbing on every proxy, not Office.js API (the adapter never uses it). */
export type Plumbing = 'path' | 'resolve' | 'tryResolve' | 'fillLoaded' | 'readForCollection';

/** `true` when proxy P has no public member beyond the Office.js members K (and the plumbing); else names the extras. */
export type OnlyModelled<Proxy, K> = [Exclude<keyof Proxy, K | Plumbing>] extends [never] ? true : { notInOfficeJs: Exclude<keyof Proxy, K | Plumbing> };

export type Assert<T extends true> = T;
