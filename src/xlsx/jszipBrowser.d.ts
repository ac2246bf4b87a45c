/**
 * The part of JSZip the writer of new workbooks uses (charts.ts, elementOrder.ts), typed with
 * browser types. tsconfig.src.json maps 'jszip' here: JSZip's own declarations reference
 * @types/node, which would put Node's globals (Buffer, process) into the whole browser program and
 * so let Node code into the pane unnoticed. The Node program (tsconfig.json) uses JSZip's own.
 */
interface JSZipObject {
  async(type: 'string'): Promise<string>;
}

interface GenerateOptions {
  type: 'uint8array';
  compression?: 'STORE' | 'DEFLATE';
  compressionOptions?: { level: number } | null;
}

declare class JSZip {
  static loadAsync(data: Uint8Array | ArrayBuffer): Promise<JSZip>;
  files: { [name: string]: JSZipObject };
  file(name: string): JSZipObject | null;
  file(name: string, data: string): this;
  generateAsync(options: GenerateOptions): Promise<Uint8Array>;
}

export default JSZip;
