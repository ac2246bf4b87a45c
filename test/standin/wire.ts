/**
 * What the stand-in "sends" and "receives", measured on its own: every queued command becomes an
 * action on an object path, in the shape of Office.js's RichApi request (`{ Actions, ObjectPaths }`:
 * action type, object path, PascalCase property or method name, arguments) and response
 * (`{ Results: [{ ActionId, Value }] }`), serialised with JSON.stringify and counted in UTF-8 bytes.
 *
 * Deliberately independent of the adapter: nothing here (or anywhere in the stand-in) uses the
 * adapter's payload estimate (src/excel/values.ts `jsonSize`, src/excel/blocks.ts), so a wrong
 * estimate shows up as a sync the stand-in measures, and with `payloadLimit` refuses, as too large.
 * Not modelled: the Instantiate actions Office.js adds for every new object path, the HTTP
 * envelope; the figures are a little lower than Excel's, not higher.
 */

export type PathType = 'GlobalObject' | 'Method' | 'Property' | 'Indexer';

/** How an object was reached: `workbook.worksheets.getItem("Ark1").getRange("A1:B2")` is four. */
export interface ObjectPath {
  readonly id: number;
  readonly type: PathType;
  /** Property or method name as the stand-in's caller wrote it ("getRange"); sent in PascalCase. */
  readonly name: string;
  readonly parent?: ObjectPath;
  readonly args?: readonly unknown[];
}

export type ActionType = 'Instantiate' | 'Query' | 'Method' | 'SetProperty';

/** One queued command as sent: a load (Query), a method call or a property write. */
export interface Action {
  readonly type: ActionType;
  readonly path: ObjectPath;
  /** Property or method name ("" for Query and Instantiate). */
  readonly name: string;
  readonly args?: readonly unknown[];
  /** Query: the properties loaded. */
  readonly select?: readonly string[];
}

/** OfficeExtension.ObjectPathType / ActionType as numbered in office.js. */
const PATH_TYPE: Record<PathType, number> = { GlobalObject: 1, Method: 3, Property: 4, Indexer: 5 };
const ACTION_TYPE: Record<ActionType, number> = { Instantiate: 1, Query: 2, Method: 3, SetProperty: 4 };

/** Office.js's wire names are PascalCase: values → Values, getRange → GetRange. */
export const wireName = (name: string): string => (name ? name[0].toUpperCase() + name.slice(1) : name);

/** Anything that travels as a reference to its object path when passed as an argument (a proxy). */
interface Pathed {
  readonly path: ObjectPath;
}

const isPathed = (v: unknown): v is Pathed =>
  typeof v === 'object' && v !== null && typeof (v as { path?: { id?: unknown } }).path?.id === 'number' && (v as { path: { type?: unknown } }).path.type !== undefined;

/** Arguments as sent: a client object becomes `{ _ObjectPathId }` and its path goes along. */
function wireArguments(args: readonly unknown[], referenced: Map<number, ObjectPath>): unknown[] {
  return args.map((a) => {
    if (!isPathed(a)) return a;
    collect(a.path, referenced);
    return { _ObjectPathId: a.path.id };
  });
}

function collect(path: ObjectPath, into: Map<number, ObjectPath>): void {
  for (let p: ObjectPath | undefined = path; p && !into.has(p.id); p = p.parent) {
    into.set(p.id, p);
    if (p.args) wireArguments(p.args, into);
  }
}

function wirePath(path: ObjectPath, referenced: Map<number, ObjectPath>): unknown {
  const out: Record<string, unknown> = { Id: path.id, ObjectPathType: PATH_TYPE[path.type], Name: wireName(path.name) };
  if (path.parent) out.ParentObjectPathId = path.parent.id;
  if (path.args) out.ArgumentInfo = { Arguments: wireArguments(path.args, referenced) };
  return out;
}

/** UTF-8 length of a string (JSON.stringify output: lone surrogates are already escaped). */
export function utf8Bytes(text: string): number {
  if (!/[\u0080-\uffff]/.test(text)) return text.length;
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // 2 bytes up to U+07FF, 3 above; a surrogate pair is 4 (each half counts 2).
    if (c > 0x7f) n += c > 0x7ff && (c < 0xd800 || c > 0xdfff) ? 2 : 1;
  }
  return n;
}

const REQUEST_HEAD = '{"Actions":[';
const REQUEST_MIDDLE = '],"ObjectPaths":';
const REQUEST_TAIL = '}';
const RESPONSE_HEAD = '{"Results":[';
const RESPONSE_TAIL = ']}';

export interface SerialisedRequest {
  /** UTF-8 bytes of the whole request body. */
  bytes: number;
  /** UTF-8 bytes of each action, in order (without the object paths it shares with the others). */
  actionBytes: number[];
  /** The body as sent (built only when asked for; JSON.parse of it is what Excel would get). */
  text(): string;
}

/** The request body of one sync: the actions with ids from `firstId`, and every object path they use. */
export function serialiseRequest(actions: readonly Action[], firstId: number): SerialisedRequest {
  const referenced = new Map<number, ObjectPath>();
  const actionJson = actions.map((action, i) => {
    collect(action.path, referenced);
    const out: Record<string, unknown> = { Id: firstId + i, ActionType: ACTION_TYPE[action.type], Name: wireName(action.name), ObjectPathId: action.path.id };
    if (action.args) out.ArgumentInfo = { Arguments: wireArguments(action.args, referenced) };
    if (action.select) out.QueryInfo = { Select: action.select.map(wireName) };
    return JSON.stringify(out);
  });
  const paths: Record<string, unknown> = {};
  for (const p of [...referenced.values()].sort((a, b) => a.id - b.id)) paths[p.id] = wirePath(p, referenced);
  const pathJson = JSON.stringify(paths);
  const actionBytes = actionJson.map(utf8Bytes);
  const bytes = REQUEST_HEAD.length + actionBytes.reduce((n, b) => n + b, 0) + Math.max(0, actionJson.length - 1) + REQUEST_MIDDLE.length + utf8Bytes(pathJson) + REQUEST_TAIL.length;
  return { bytes, actionBytes, text: () => REQUEST_HEAD + actionJson.join(',') + REQUEST_MIDDLE + pathJson + REQUEST_TAIL };
}

/** One entry of a response's Results (a load's properties, a method's return value). */
export const serialiseResult = (actionId: number, value: unknown): string => JSON.stringify({ ActionId: actionId, Value: value });

/** UTF-8 bytes of a response with these Results entries. */
export const responseBytes = (results: readonly string[]): number =>
  RESPONSE_HEAD.length + results.reduce((n, r) => n + utf8Bytes(r), 0) + Math.max(0, results.length - 1) + RESPONSE_TAIL.length;

export const responseText = (results: readonly string[]): string => RESPONSE_HEAD + results.join(',') + RESPONSE_TAIL;
