/** Shared helpers for the .xlsx adapter tests: temp folders, raw zip access, sha256. */
import { createHash } from 'crypto';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { Workbook } from 'exceljs';
import { zipEntries, zipEntryData } from '../../src/xlsx/zip';
import { buildZip as buildAnyZip } from '../hostile/zip';

/** A valid zip with stored (uncompressed) entries. */
const buildZip = (files: { name: string; data: Buffer }[]): Buffer => buildAnyZip(files.map((f) => ({ ...f, store: true })));

/** A fresh temp folder per test file; call the returned cleanup in afterAll. */
export function tempDir(prefix = 'indsats-xlsx-'): { dir: string; path: (name: string) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, path: (name) => join(dir, name), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

export const utc = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));

/** The text of one part of an .xlsx (e.g. "xl/worksheets/sheet1.xml"). */
export function partText(xlsx: Buffer, name: string): string {
  const entry = zipEntries(xlsx).find((e) => e.name === name);
  if (!entry) throw new Error(`no part ${name}`);
  return zipEntryData(xlsx, entry).toString('utf8');
}

export const partNames = (xlsx: Buffer): string[] => zipEntries(xlsx).map((e) => e.name);

/** `<dataValidation …>` elements of a sheet part: sqref and formula1. */
export function validationsInXml(sheetXml: string): { sqref: string; formula: string; attrs: string }[] {
  return [...sheetXml.matchAll(/<dataValidation\b([^>]*)>([\s\S]*?)<\/dataValidation>/g)].map((m) => ({
    attrs: m[1],
    sqref: /sqref="([^"]*)"/.exec(m[1])?.[1] ?? '',
    formula: (/<formula1>([\s\S]*?)<\/formula1>/.exec(m[2])?.[1] ?? '').replace(/&quot;/g, '"'),
  }));
}

/** Rebuild a zip with some parts changed: how we fake files written by Excel. */
export function rewriteZip(xlsx: Buffer, change: (name: string, data: Buffer) => Buffer | undefined): Buffer {
  return buildZip(
    zipEntries(xlsx).map((e) => {
      const data = zipEntryData(xlsx, e);
      return { name: e.name, data: change(e.name, data) ?? data };
    }),
  );
}

/** A zip with the given text files (e.g. "a zip that is not an xlsx"). */
export const zipOf = (files: Record<string, string>): Buffer =>
  buildZip(Object.entries(files).map(([name, text]) => ({ name, data: Buffer.from(text) })));

export async function bufferOf(workbook: Workbook): Promise<Buffer> {
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/**
 * A minimal OLE compound file (header, one directory sector) with streams of the given names: what
 * Excel writes for a password-protected .xlsx (EncryptionInfo, EncryptedPackage) or an .xls (Workbook).
 */
export function compoundFile(names: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 24); // minor version
  header.writeUInt16LE(3, 26); // major version 3: 512-byte sectors
  header.writeUInt16LE(0xfffe, 28); // little-endian
  header.writeUInt16LE(9, 30); // sector shift
  header.writeUInt16LE(6, 32); // mini sector shift
  header.writeUInt32LE(0, 48); // first directory sector
  const directory = Buffer.alloc(512);
  names.forEach((name, i) => {
    const entry = directory.subarray(i * 128, (i + 1) * 128);
    entry.write(name, 0, 'utf16le');
    entry.writeUInt16LE((name.length + 1) * 2, 64);
    entry[66] = i === 0 ? 5 : 2; // root storage, then streams
  });
  return Buffer.concat([header, directory]);
}
